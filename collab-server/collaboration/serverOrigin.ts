import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { UpdateAuthor } from '../store/updateLog.ts';
import type { DurableAppends } from './durableAppends.ts';

/**
 * Transaction origin of changes the server itself makes to a live document (initial state,
 * migrations, attribution). Hocuspocus broadcasts them like any local change.
 */
export const serverOrigin = { source: 'local' as const, skipStoreHooks: true, context: { server: true } };

/**
 * Makes a server-side change and stores it through the same durable append path as client
 * updates (durableAppends.ts): in the document's order, retried until stored. Server writes
 * share one Yjs client id per loaded document, so a lost one would leave every later one
 * unreadable.
 */
export class ServerWriter {
  private readonly appends: DurableAppends;
  private readonly latest = new WeakMap<Document, Promise<unknown>>();

  constructor(appends: DurableAppends) {
    this.appends = appends;
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
    // Nothing changed: resolves once what the server wrote before is stored, as a write would.
    if (updates.length === 0) return (this.latest.get(document) ?? Promise.resolve()).then(() => null);
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const stored = this.appends.append(document.name, update, author);
    this.latest.set(document, stored);
    return stored;
  }
}
