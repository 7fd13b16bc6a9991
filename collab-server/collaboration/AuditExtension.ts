import type { Extension, connectedPayload, onChangePayload, onDisconnectPayload } from '@hocuspocus/server';
import type { AuditTrail } from '../store/auditTrail.ts';
import type { Logger } from '../logger.ts';
import type { KasaneContext } from './context.ts';

// Edits within this quiet time count as one batch in the 監査ログ.
const EDIT_BATCH_QUIET_MS = 30_000;

interface EditBatch {
  context: KasaneContext;
  documentName: string;
  updates: number;
  address: string | null;
  timer: NodeJS.Timeout;
}

/**
 * 監査ログ of the collaboration side: every opening of a case section (閲覧) and every batch of
 * edits, with the identity from the token and the client's address.
 */
export class AuditExtension implements Extension {
  extensionName = 'kasane-audit';
  private readonly audit: AuditTrail;
  private readonly logger: Logger;
  private readonly addressOf: (request: Request) => string | null;
  private readonly batches = new Map<string, EditBatch>();

  constructor(audit: AuditTrail, logger: Logger, addressOf: (request: Request) => string | null) {
    this.audit = audit;
    this.logger = logger;
    this.addressOf = addressOf;
  }

  async connected({ context, request }: connectedPayload): Promise<void> {
    const kasane = context as KasaneContext;
    this.audit.recordQuietly(
      {
        action: 'section.open',
        user: { id: kasane.user.id, agencyId: kasane.user.agencyId },
        caseId: kasane.caseId,
        section: kasane.section,
        detail: { view: kasane.view, level: kasane.level },
        address: this.addressOf(request),
      },
      (error) => this.logger.error({ err: error }, 'audit entry not written'),
    );
  }

  async onChange({ context, documentName, connection, socketId }: onChangePayload): Promise<void> {
    if (!connection) return;
    const kasane = context as KasaneContext;
    const key = `${socketId}\0${documentName}`;
    const batch = this.batches.get(key);
    if (batch) {
      batch.updates += 1;
      batch.timer.refresh();
      return;
    }
    this.batches.set(key, {
      context: kasane,
      documentName,
      updates: 1,
      address: this.addressOf(connection.request),
      timer: setTimeout(() => this.flush(key), EDIT_BATCH_QUIET_MS),
    });
  }

  async onDisconnect({ socketId, documentName }: onDisconnectPayload): Promise<void> {
    this.flush(`${socketId}\0${documentName}`);
  }

  async onDestroy(): Promise<void> {
    for (const key of [...this.batches.keys()]) this.flush(key);
  }

  private flush(key: string): void {
    const batch = this.batches.get(key);
    if (!batch) return;
    this.batches.delete(key);
    clearTimeout(batch.timer);
    this.audit.recordQuietly(
      {
        action: 'section.edit',
        user: { id: batch.context.user.id, agencyId: batch.context.user.agencyId },
        caseId: batch.context.caseId,
        section: batch.context.section,
        detail: { updates: batch.updates },
        address: batch.address,
      },
      (error) => this.logger.error({ err: error }, 'audit entry not written'),
    );
  }
}
