import type {
  Extension,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { CloseCode } from '../../model/closeCodes.ts';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import type { UpdateLog } from '../store/updateLog.ts';
import { decodedUpdate } from './decodedUpdate.ts';
import type { DurableAppends } from './durableAppends.ts';
import { holdAcknowledgements } from './acknowledgementGate.ts';
import { CollaborationRefusal, type KasaneContext } from './context.ts';

// y-protocols/sync message types that carry a document update.
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

// An update with no structs and no deletions encodes to these two bytes.
const EMPTY_UPDATE_BYTES = 2;

export interface DurableUpdateLogOptions {
  updateLog: UpdateLog;
  /** The one append path, shared with what the server writes (serverOrigin.ts). */
  appends: DurableAppends;
}

/** Past this many updates of one document waiting for PostgreSQL, a client's next update waits too. */
const MAX_UNSTORED_PER_DOCUMENT = 500;

/**
 * Makes every client update durable before its author is told it is saved. The update is
 * checked and queued in `beforeSync`; Hocuspocus then applies it and sends it to the other
 * people at once, while the author's acknowledgement (SyncStatus) is held back until the row
 * is committed (acknowledgementGate.ts): 「保存済み」 still means "in PostgreSQL", and a peer
 * does not wait for someone else's commit to see a keystroke. A crash before the commit loses
 * nothing either: the update is still unacknowledged in its author's browser, and in the
 * browsers of everyone who received it, and each of them sends it again on reconnect.
 * Replaces Hocuspocus' debounced whole-document store, which loses its window on a crash.
 * The queue, its retries and snapshots are durableAppends.ts, which server writes go through too.
 */
export class DurableUpdateLogExtension implements Extension {
  extensionName = 'kasane-durable-update-log';
  private readonly options: DurableUpdateLogOptions;

  constructor(options: DurableUpdateLogOptions) {
    this.options = options;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    if (parseCaseDocumentName(documentName)?.view === 'masked') return;
    const stored = await this.options.updateLog.load(documentName);
    if (stored) Y.applyUpdate(document, stored.state);
    this.options.appends.loaded(documentName, stored?.tailLength ?? 0);
  }

  async beforeSync({ type, payload, connection, context, documentName }: beforeSyncPayload): Promise<void> {
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
    if (payload.byteLength <= EMPTY_UPDATE_BYTES) return;
    // Never store what cannot be read back: a malformed row would break every later load. Read
    // once per message: validation, earlier in the pipeline, has usually decoded it already.
    if (!decodedUpdate(payload).readable) throw new CollaborationRefusal(CloseCode.InvalidUpdate);
    const { user } = context as KasaneContext;
    const stored = this.options.appends.append(documentName, payload, { userId: user.id, agencyId: user.agencyId }, context as KasaneContext).then(() => undefined);
    holdAcknowledgements(connection, stored);
    // While PostgreSQL is away, memory is bounded by making the sender wait, as before.
    if (this.options.appends.waiting(documentName) > MAX_UNSTORED_PER_DOCUMENT) await stored;
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.options.appends.unloaded(documentName);
  }

  /** On shutdown, what is queued is stored first (PostgreSQL permitting, for a few seconds). */
  async onDestroy(): Promise<void> {
    await this.options.appends.close();
  }
}
