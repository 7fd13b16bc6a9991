import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { UpdateAuthor, UpdateLog } from '../store/updateLog.ts';

/**
 * Transaction origin of changes the server itself makes to a live document (initial state,
 * migrations, attribution). Hocuspocus broadcasts them like any local change.
 */
export const serverOrigin = { source: 'local' as const, skipStoreHooks: true, context: { server: true } };

/**
 * Makes a server-side change and stores it in the update log before returning. Server writes
 * share one Yjs client id per loaded document, so a lost one would leave every later one
 * unreadable: they are appended in order and retried until stored.
 */
export class ServerWriter {
  private readonly updateLog: UpdateLog;
  private readonly queues = new WeakMap<Document, Promise<number | null>>();

  constructor(updateLog: UpdateLog) {
    this.updateLog = updateLog;
  }

  /** Resolves with the update's sequence number once stored (null when nothing changed). */
  write(document: Document, author: UpdateAuthor | null, change: () => void): Promise<number | null> {
    // The transaction's own update: exactly what changed, deletions included.
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin === serverOrigin) updates.push(update);
    };
    document.on('update', capture);
    try {
      document.transact(change, serverOrigin);
    } finally {
      document.off('update', capture);
    }
    const previous = this.queues.get(document) ?? Promise.resolve(null);
    if (updates.length === 0) return previous.then(() => null);
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const stored = previous.then(() => this.appendUntilStored(document.name, update, author));
    this.queues.set(document, stored);
    return stored;
  }

  private async appendUntilStored(documentName: string, update: Uint8Array, author: UpdateAuthor | null): Promise<number> {
    let delayMs = 100;
    for (;;) {
      try {
        return await this.updateLog.append(documentName, update, author);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 5_000);
      }
    }
  }
}
