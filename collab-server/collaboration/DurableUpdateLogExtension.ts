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
import { decodedUpdate } from './decodedUpdate.ts';
import { holdAcknowledgements } from './acknowledgementGate.ts';
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

interface UnstoredUpdate {
  readonly update: Uint8Array;
  readonly context: KasaneContext;
  readonly stored: () => void;
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
 */
export class DurableUpdateLogExtension implements Extension {
  extensionName = 'kasane-durable-update-log';
  private readonly options: DurableUpdateLogOptions;
  private readonly tailLengths = new Map<string, number>();
  private readonly snapshotting = new Set<string>();
  /** Per document, in arrival order: stored strictly in that order, one drain at a time. */
  private readonly unstored = new Map<string, UnstoredUpdate[]>();
  private readonly drains = new Set<Promise<void>>();
  private destroyed = false;

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
    // Never store what cannot be read back: a malformed row would break every later load. Read
    // once per message: validation, earlier in the pipeline, has usually decoded it already.
    if (!decodedUpdate(payload).readable) throw new CollaborationRefusal(CloseCode.InvalidUpdate);
    const stored = this.enqueue(documentName, payload, context as KasaneContext);
    holdAcknowledgements(connection, stored);
    // While PostgreSQL is away, memory is bounded by making the sender wait, as before.
    if ((this.unstored.get(documentName)?.length ?? 0) > MAX_UNSTORED_PER_DOCUMENT) await stored;
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.tailLengths.delete(documentName);
  }

  /** On shutdown, what is queued is stored first (PostgreSQL permitting, for a few seconds). */
  async onDestroy(): Promise<void> {
    const deadline = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([Promise.all([...this.drains]), deadline]);
    this.destroyed = true;
  }

  private enqueue(documentName: string, update: Uint8Array, context: KasaneContext): Promise<void> {
    return new Promise<void>((resolve) => {
      const queue = this.unstored.get(documentName);
      const entry = { update, context, stored: resolve };
      if (queue) {
        queue.push(entry);
        return;
      }
      this.unstored.set(documentName, [entry]);
      const drain = this.drain(documentName).finally(() => this.drains.delete(drain));
      this.drains.add(drain);
    });
  }

  /**
   * Stores a document's waiting updates in order, many per round (group commit puts them in one
   * transaction). While PostgreSQL is unreachable they wait here unacknowledged (their authors
   * see 未保存) and are retried: an update others have already received is never given up.
   */
  private async drain(documentName: string): Promise<void> {
    let delayMs = 100;
    for (;;) {
      const queue = this.unstored.get(documentName) ?? [];
      if (queue.length === 0 || this.destroyed) {
        this.unstored.delete(documentName);
        return;
      }
      const round = queue.slice();
      const results = await Promise.allSettled(
        round.map((entry) => this.options.updateLog.append(documentName, entry.update, { userId: entry.context.user.id, agencyId: entry.context.user.agencyId })),
      );
      const failed: UnstoredUpdate[] = [];
      round.forEach((entry, index) => {
        if (results[index]!.status === 'rejected') {
          failed.push(entry);
          return;
        }
        entry.stored();
        this.options.onStored?.(entry.context);
        this.countTowardsSnapshot(documentName);
      });
      queue.splice(0, round.length, ...failed);
      if (failed.length === 0) {
        delayMs = 100;
        continue;
      }
      const reason = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      this.options.logger.warn({ err: reason.reason, documentName, waiting: queue.length }, 'updates not stored yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 5_000);
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
