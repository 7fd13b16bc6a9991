import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { ATTRIBUTION_ROOT, fieldChangeSchema, type FieldChange } from '../../model/sections/attribution.ts';
import { jsonAt, pathFromKey, pathKey, primitiveAt, type FieldPath, type Primitive } from './yPaths.ts';

/**
 * A change counter per root map. It observes from its creation on (and dies with the doc), so
 * a component that subscribes late still sees every change since it first read.
 */
class RootWatch {
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(type: Y.Map<unknown>) {
    type.observeDeep(this.handleChange);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getVersion = (): number => this.version;

  private readonly handleChange = (): void => {
    this.version += 1;
    for (const listener of this.listeners) listener();
  };
}

const watches = new WeakMap<Y.Map<unknown>, RootWatch>();

export function rootWatch(doc: Y.Doc, root: string): RootWatch {
  const type = doc.getMap<unknown>(root);
  let watch = watches.get(type);
  if (!watch) {
    watch = new RootWatch(type);
    watches.set(type, watch);
  }
  return watch;
}

/** A field's current value; the component re-renders only when that value changes. */
export function useYPrimitive(doc: Y.Doc, path: FieldPath): Primitive {
  const key = pathKey(path);
  const watch = rootWatch(doc, path[0]);
  return useSyncExternalStore(watch.subscribe, () => primitiveAt(doc, pathFromKey(key)));
}

export function useYString(doc: Y.Doc, path: FieldPath): string {
  const value = useYPrimitive(doc, path);
  return typeof value === 'string' ? value : '';
}

/** Bumps on any change under a root; for views derived from a whole collection. */
export function useYVersion(doc: Y.Doc, root: string): number {
  const watch = rootWatch(doc, root);
  return useSyncExternalStore(watch.subscribe, watch.getVersion);
}

/** Plain JSON of a map (a collection, say), recomputed only when its root changes. */
export function useYJson(doc: Y.Doc, path: FieldPath): Record<string, unknown> {
  const key = pathKey(path);
  const version = useYVersion(doc, path[0]);
  return useMemo(() => {
    void version;
    return jsonAt(doc, pathFromKey(key));
  }, [doc, key, version]);
}

/**
 * The server's `changedBy` root, parsed once per change. Values may be plain objects or
 * nested maps (the shape rule makes an object a Y.Map); both read the same.
 */
class AttributionIndex {
  private builtVersion = -1;
  private changes = new Map<string, FieldChange>();
  private readonly doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.doc = doc;
  }

  latest(key: string, withDescendants: boolean): FieldChange | null {
    this.build();
    let found = this.changes.get(key) ?? null;
    if (!withDescendants) return found;
    const prefix = `${key}/`;
    for (const [path, change] of this.changes) {
      if (path.startsWith(prefix) && (found === null || Date.parse(change.at) > Date.parse(found.at))) found = change;
    }
    return found;
  }

  private build(): void {
    const watch = rootWatch(this.doc, ATTRIBUTION_ROOT);
    if (watch.version === this.builtVersion) return;
    this.builtVersion = watch.version;
    const next = new Map<string, FieldChange>();
    for (const [path, raw] of this.doc.getMap<unknown>(ATTRIBUTION_ROOT).entries()) {
      const parsed = fieldChangeSchema.safeParse(raw instanceof Y.Map ? raw.toJSON() : raw);
      if (!parsed.success) continue;
      const previous = this.changes.get(path);
      // Unchanged entries keep their identity, so fields showing them do not re-render.
      next.set(path, previous && sameChange(previous, parsed.data) ? previous : parsed.data);
    }
    this.changes = next;
  }
}

function sameChange(a: FieldChange, b: FieldChange): boolean {
  return a.at === b.at && a.userId === b.userId && a.name === b.name && a.agencyId === b.agencyId && a.agencyName === b.agencyName;
}

const indexes = new WeakMap<Y.Doc, AttributionIndex>();

function attributionIndex(doc: Y.Doc): AttributionIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = new AttributionIndex(doc);
    indexes.set(doc, index);
  }
  return index;
}

/** Who last changed a field (or, for a group, anything inside it), as the server recorded it. */
export function useFieldChange(doc: Y.Doc, key: string, withDescendants: boolean): FieldChange | null {
  const watch = rootWatch(doc, ATTRIBUTION_ROOT);
  return useSyncExternalStore(watch.subscribe, () => attributionIndex(doc).latest(key, withDescendants));
}
