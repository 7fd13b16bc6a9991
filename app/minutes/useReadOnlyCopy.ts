import { useEffect, useMemo } from 'react';
import * as Y from 'yjs';

/**
 * A copy of a live document that follows it one way. A view that must not write (a print)
 * binds its editor to the copy: whatever the binding writes (y-tiptap deletes nodes its schema
 * lacks, and merges adjacent texts) stays in the copy and never reaches the provider. Like the
 * history's revision documents it has no provider and no destroy(): it is collected with the view.
 */
export function useReadOnlyCopy(source: Y.Doc): Y.Doc {
  const copy = useMemo(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    return doc;
  }, [source]);

  useEffect(() => {
    // What arrived between the copy being made and this subscription.
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source, Y.encodeStateVector(copy)));
    const follow = (update: Uint8Array) => Y.applyUpdate(copy, update);
    source.on('update', follow);
    return () => source.off('update', follow);
  }, [source, copy]);

  return copy;
}
