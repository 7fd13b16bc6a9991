import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createTLStore, InstancePresenceRecordType, type Editor, type TLInstancePresence, type TLPageId, type TLRecord, type TLStore, type TLUserId } from 'tldraw';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type * as Y from 'yjs';
import { ECOMAP_PAGE_ID, ecomapRecordsArray, SHARED_RECORD_TYPES, type EcomapEntry } from '../../model/ecomap/ecomapDocument.ts';
import { canReadStoredSchema, ecomapSchema, storedTldrawSchema } from '../../model/ecomap/ecomapSchema.ts';

interface AwarenessUser {
  readonly id: string;
  readonly name: string;
  readonly agencyName: string;
  readonly color: string;
}

export interface EcomapBinding {
  readonly store: TLStore;
  /** The page's tldraw is older than the one that wrote the map: shown read-only. */
  readonly incompatible: boolean;
  /** Sends this person's pointer to the others (awareness: two numbers, filtered by the server). */
  attachEditor(editor: Editor): () => void;
  dispose(): void;
}

/**
 * Binds a tldraw store to the map's Yjs document, as tldraw's Yjs example does: records keyed by
 * id in a YKeyValue; local changes made by the user (source 'user', document scope) go to Yjs;
 * remote changes come in through `mergeRemoteChanges`, so they are not sent back. Cursors travel
 * as awareness and appear as tldraw presence records, with names the server took from the token.
 */
export function bindEcomapStore(doc: Y.Doc, provider: HocuspocusProvider): EcomapBinding {
  const store = createTLStore({ schema: ecomapSchema });
  const yStore = new YKeyValue<TLRecord>(ecomapRecordsArray(doc) as unknown as Y.Array<{ key: string; val: TLRecord }>);
  const incompatible = !canReadStoredSchema(storedTldrawSchema(doc));

  store.mergeRemoteChanges(() => {
    store.put([...yStore.map.values()].map((entry: EcomapEntry | { key: string; val: TLRecord }) => entry.val as TLRecord));
  });

  const stopLocal = store.listen(
    ({ changes }) => {
      if (incompatible) return;
      const shared = (record: TLRecord) => SHARED_RECORD_TYPES.has(record.typeName);
      doc.transact(() => {
        for (const record of Object.values(changes.added)) if (shared(record)) yStore.set(record.id, record);
        for (const [, record] of Object.values(changes.updated)) if (shared(record)) yStore.set(record.id, record);
        for (const record of Object.values(changes.removed)) if (shared(record)) yStore.delete(record.id);
      });
    },
    { source: 'user', scope: 'document' },
  );

  const onRemote = (changes: Map<string, { action: 'add' | 'update' | 'delete'; newValue?: TLRecord }>, transaction: Y.Transaction) => {
    if (transaction.local) return;
    const toRemove: TLRecord['id'][] = [];
    const toPut: TLRecord[] = [];
    changes.forEach((change, id) => {
      if (change.action === 'delete') toRemove.push(id as TLRecord['id']);
      else if (change.newValue) toPut.push(change.newValue);
    });
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove);
      if (toPut.length > 0) store.put(toPut);
    });
  };
  yStore.on('change', onRemote);

  const awareness = provider.awareness;
  const presenceOf = new Map<number, TLInstancePresence['id']>();
  const onAwareness = () => {
    if (!awareness) return;
    const states = awareness.getStates();
    const toPut: TLInstancePresence[] = [];
    const seen = new Set<number>();
    states.forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const user = state.user as AwarenessUser | undefined;
      const pointer = state.pointer as { x: number; y: number } | undefined;
      if (!user || !pointer) return;
      seen.add(clientId);
      const id = InstancePresenceRecordType.createId(String(clientId));
      presenceOf.set(clientId, id);
      toPut.push(
        InstancePresenceRecordType.create({
          id,
          currentPageId: ECOMAP_PAGE_ID as TLPageId,
          userId: `user:${user.id}` as TLUserId,
          userName: `${user.name}（${user.agencyName}）`,
          color: user.color,
          cursor: { x: pointer.x, y: pointer.y, type: 'default', rotation: 0 },
          lastActivityTimestamp: Date.now(),
        }),
      );
    });
    const gone = [...presenceOf].filter(([clientId]) => !seen.has(clientId));
    for (const [clientId] of gone) presenceOf.delete(clientId);
    store.mergeRemoteChanges(() => {
      if (gone.length > 0) store.remove(gone.map(([, id]) => id));
      if (toPut.length > 0) store.put(toPut);
    });
  };
  awareness?.on('change', onAwareness);

  return {
    store,
    incompatible,
    attachEditor(editor) {
      let last = '';
      const send = () => {
        const point = editor.inputs.getCurrentPagePoint();
        const next = `${Math.round(point.x)},${Math.round(point.y)}`;
        if (next === last) return;
        last = next;
        awareness?.setLocalStateField('pointer', { x: Math.round(point.x), y: Math.round(point.y) });
      };
      editor.on('event', send);
      return () => {
        editor.off('event', send);
        awareness?.setLocalStateField('pointer', null);
      };
    },
    dispose() {
      stopLocal();
      yStore.off('change', onRemote);
      awareness?.off('change', onAwareness);
      yStore.destroy();
      store.dispose();
    },
  };
}
