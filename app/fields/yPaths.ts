import * as Y from 'yjs';
import { ensureMap, ensureText, writeValue, type PlainValue } from '../../model/sections/yjsValues.ts';

/**
 * Where a field lives in a section document: the root map, then nested map keys. Joined
 * with `/` it is also the key of the field in the server's `changedBy` root and in the
 * awareness field `editing` (ids and the model's keys never contain `/`).
 */
export type FieldPath = readonly [root: string, ...keys: string[]];

export function pathKey(path: FieldPath): string {
  return path.join('/');
}

export function pathFromKey(key: string): FieldPath {
  const [root = '', ...keys] = key.split('/');
  return [root, ...keys];
}

export function childPath(path: FieldPath, ...keys: string[]): FieldPath {
  return [...path, ...keys] as unknown as FieldPath;
}

/** The Yjs value at a path, or undefined where a map on the way is missing. */
export function readAt(doc: Y.Doc, path: FieldPath): unknown {
  const [root, ...keys] = path;
  let current: unknown = doc.getMap(root);
  for (const key of keys) {
    if (!(current instanceof Y.Map)) return undefined;
    current = (current as Y.Map<unknown>).get(key);
  }
  return current;
}

export type Primitive = string | number | boolean | null | undefined;

/** A field's value as the form shows it: Y.Text as its string, nested maps as undefined. */
export function primitiveAt(doc: Y.Doc, path: FieldPath): Primitive {
  const value = readAt(doc, path);
  if (value instanceof Y.Text) return value.toString();
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Primitive;
  return undefined;
}

/** The map holding the field's key, created on the way where missing. Call inside a transaction. */
function ensureParent(doc: Y.Doc, path: FieldPath): { parent: Y.Map<unknown>; key: string } | null {
  const [root, ...keys] = path;
  const key = keys.at(-1);
  if (key === undefined) return null;
  let parent = doc.getMap<unknown>(root);
  for (const step of keys.slice(0, -1)) parent = ensureMap(parent, step);
  return { parent, key };
}

/**
 * Writes by the section's shape rule (objects as nested Y.Maps, text keys as Y.Text, the rest
 * plain); undefined removes the key. One transaction, so the server sees one update.
 */
export function writeAt(doc: Y.Doc, path: FieldPath, value: PlainValue | undefined, textKeys: ReadonlySet<string>): void {
  doc.transact(() => {
    const target = ensureParent(doc, path);
    if (target) writeValue(target.parent, target.key, value, textKeys);
  });
}

/** The Y.Text of a field, created (with the maps on the way) where missing. Call inside a transaction. */
export function ensureTextAt(doc: Y.Doc, path: FieldPath): Y.Text | null {
  const target = ensureParent(doc, path);
  return target ? ensureText(target.parent, target.key) : null;
}

export function deleteAt(doc: Y.Doc, path: FieldPath): void {
  const parent = readAt(doc, path.slice(0, -1) as unknown as FieldPath);
  const key = path.at(-1);
  if (path.length < 2 || key === undefined || !(parent instanceof Y.Map)) return;
  doc.transact(() => (parent as Y.Map<unknown>).delete(key));
}

/** Plain JSON of the map at a path (Y.Text as string); an empty object where it is missing. */
export function jsonAt(doc: Y.Doc, path: FieldPath): Record<string, unknown> {
  const value = readAt(doc, path);
  return value instanceof Y.Map ? ((value as Y.Map<unknown>).toJSON() as Record<string, unknown>) : {};
}
