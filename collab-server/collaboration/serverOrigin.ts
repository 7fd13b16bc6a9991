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
  private readonly queues = new WeakMap<Document, Promise<void>>();

  constructor(updateLog: UpdateLog) {
    this.updateLog = updateLog;
  }

  write(document: Document, author: UpdateAuthor | null, change: () => void): Promise<void> {
    const before = Y.encodeStateVector(document);
    document.transact(change, serverOrigin);
    const update = Y.encodeStateAsUpdate(document, before);
    if (update.byteLength <= 2) return this.queues.get(document) ?? Promise.resolve();
    const previous = this.queues.get(document) ?? Promise.resolve();
    const stored = previous.then(() => this.appendUntilStored(document.name, update, author));
    this.queues.set(document, stored);
    return stored;
  }

  private async appendUntilStored(documentName: string, update: Uint8Array, author: UpdateAuthor | null): Promise<void> {
    let delayMs = 100;
    for (;;) {
      try {
        await this.updateLog.append(documentName, update, author);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 5_000);
      }
    }
  }
}
