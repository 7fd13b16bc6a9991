import type { Logger } from '../logger.ts';
import type { UpdateAuthor, UpdateLog } from '../store/updateLog.ts';
import type { KasaneContext } from './context.ts';

export interface DurableAppendsOptions {
  updateLog: UpdateLog;
  logger: Logger;
  snapshotEvery: number;
  /** Called after each stored client update, for read models such as the case list's 更新日時. */
  onStored?: (context: KasaneContext) => void;
}

interface Unstored {
  readonly update: Uint8Array;
  readonly author: UpdateAuthor | null;
  /** The client connection's context; null for what the server itself wrote. */
  readonly context: KasaneContext | null;
  readonly stored: (seq: number) => void;
}

/**
 * The one way an update of a live document reaches the update log, for a client's update and for
 * what the server writes (attribution, initial state, migrations, restores, decisions) alike: per
 * document in the order they were queued, many per round (group commit puts them in one
 * transaction), and retried while PostgreSQL is unreachable, so that an update others have
 * already received is never given up. Server writes share one Yjs client id per document, so a
 * lost one would leave every later one unreadable; the order kept here keeps them readable.
 */
export class DurableAppends {
  private readonly options: DurableAppendsOptions;
  private readonly tailLengths = new Map<string, number>();
  private readonly snapshotting = new Set<string>();
  private readonly unstored = new Map<string, Unstored[]>();
  private readonly drains = new Set<Promise<void>>();
  private closed = false;

  constructor(options: DurableAppendsOptions) {
    this.options = options;
  }

  /** Resolves with the update's sequence number once it is committed. */
  append(documentName: string, update: Uint8Array, author: UpdateAuthor | null, context: KasaneContext | null = null): Promise<number> {
    return new Promise<number>((resolve) => {
      const queue = this.unstored.get(documentName);
      const entry = { update, author, context, stored: resolve };
      if (queue) {
        queue.push(entry);
        return;
      }
      this.unstored.set(documentName, [entry]);
      const drain = this.drain(documentName).finally(() => this.drains.delete(drain));
      this.drains.add(drain);
    });
  }

  /** How many of a document's updates wait for PostgreSQL. */
  waiting(documentName: string): number {
    return this.unstored.get(documentName)?.length ?? 0;
  }

  /** The log's tail below the latest snapshot when the document was loaded. */
  loaded(documentName: string, tailLength: number): void {
    this.tailLengths.set(documentName, tailLength);
  }

  unloaded(documentName: string): void {
    this.tailLengths.delete(documentName);
  }

  /** On shutdown, what is queued is stored first (PostgreSQL permitting, for a few seconds). */
  async close(): Promise<void> {
    const deadline = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([Promise.all([...this.drains]), deadline]);
    this.closed = true;
  }

  /** While PostgreSQL is unreachable the updates wait here unacknowledged (their authors see 未保存). */
  private async drain(documentName: string): Promise<void> {
    let delayMs = 100;
    for (;;) {
      const queue = this.unstored.get(documentName) ?? [];
      if (queue.length === 0 || this.closed) {
        this.unstored.delete(documentName);
        return;
      }
      const round = queue.slice();
      const results = await Promise.allSettled(round.map((entry) => this.options.updateLog.append(documentName, entry.update, entry.author)));
      const failed: Unstored[] = [];
      round.forEach((entry, index) => {
        const result = results[index]!;
        if (result.status === 'rejected') {
          failed.push(entry);
          return;
        }
        entry.stored(result.value);
        if (entry.context) this.options.onStored?.(entry.context);
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
