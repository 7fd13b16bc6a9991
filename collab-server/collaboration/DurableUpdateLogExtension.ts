import type {
  Extension,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { CloseCode } from '../../model/closeCodes.ts';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../store/updateLog.ts';
import { CollaborationRefusal, type KasaneContext } from './context.ts';

// y-protocols/sync message types that carry a document update.
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

// An update with no structs and no deletions encodes to these two bytes.
const EMPTY_UPDATE_BYTES = 2;

export interface DurableUpdateLogOptions {
  updateLog: UpdateLog;
  logger: Logger;
  snapshotEvery: number;
  /** Called after each stored update, for read models such as the case list's 更新日時. */
  onStored?: (context: KasaneContext) => void;
}

/**
 * Makes every client update durable before Hocuspocus applies and acknowledges it.
 * `beforeSync` is awaited for each sync message, one message at a time per connection,
 * and Hocuspocus sends SyncStatus(true) only after it resolves: so "保存済み" on a client
 * means the update is in PostgreSQL. Replaces Hocuspocus' debounced whole-document store,
 * which loses its debounce window on a crash.
 */
export class DurableUpdateLogExtension implements Extension {
  extensionName = 'kasane-durable-update-log';
  priority = 100;
  private readonly options: DurableUpdateLogOptions;
  private readonly tailLengths = new Map<string, number>();
  private readonly snapshotting = new Set<string>();

  constructor(options: DurableUpdateLogOptions) {
    this.options = options;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    if (parseCaseDocumentName(documentName)?.view === 'masked') return;
    const stored = await this.options.updateLog.load(documentName);
    if (stored) Y.applyUpdate(document, stored.state);
    this.tailLengths.set(documentName, stored?.tailLength ?? 0);
  }

  async beforeSync({ type, payload, connection, context, documentName }: beforeSyncPayload): Promise<void> {
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
    if (payload.byteLength <= EMPTY_UPDATE_BYTES) return;
    try {
      // Never store what cannot be read back: a malformed row would break every later load.
      Y.decodeUpdate(payload);
    } catch {
      throw new CollaborationRefusal(CloseCode.InvalidUpdate);
    }
    const kasane = context as KasaneContext;
    await this.appendUntilStored(documentName, payload, kasane, () => connection.document.hasConnection(connection));
    this.options.onStored?.(kasane);
    this.countTowardsSnapshot(documentName);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.tailLengths.delete(documentName);
  }

  /**
   * While PostgreSQL is unreachable the client's update waits here unacknowledged (its
   * status stays 未保存), instead of being dropped or acknowledged without being stored.
   */
  private async appendUntilStored(
    documentName: string,
    update: Uint8Array,
    context: KasaneContext,
    stillConnected: () => boolean,
  ): Promise<void> {
    let delayMs = 100;
    for (;;) {
      try {
        await this.options.updateLog.append(documentName, update, {
          userId: context.user.id,
          agencyId: context.user.agencyId,
        });
        return;
      } catch (error) {
        this.options.logger.warn({ err: error, documentName }, 'update not stored yet; retrying');
        if (!stillConnected()) throw error;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 5_000);
      }
    }
  }

  private countTowardsSnapshot(documentName: string): void {
    const tailLength = (this.tailLengths.get(documentName) ?? 0) + 1;
    this.tailLengths.set(documentName, tailLength);
    if (tailLength < this.options.snapshotEvery || this.snapshotting.has(documentName)) return;
    this.snapshotting.add(documentName);
    this.options.updateLog
      .writeSnapshot(documentName)
      .then(() => this.tailLengths.set(documentName, 0))
      .catch((error: unknown) => this.options.logger.warn({ err: error, documentName }, 'snapshot failed'))
      .finally(() => this.snapshotting.delete(documentName));
  }
}
