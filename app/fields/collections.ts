import type * as Y from 'yjs';
import { newItemId } from '../../model/sections/common.ts';
import type { PlainValue } from '../../model/sections/yjsValues.ts';
import { childPath, jsonAt, writeAt, type FieldPath } from './yPaths.ts';

export interface CollectionItem {
  readonly id: string;
  readonly data: Readonly<Record<string, unknown>>;
}

function positionOf(data: Readonly<Record<string, unknown>>): number {
  return typeof data['position'] === 'number' ? data['position'] : Number.MAX_SAFE_INTEGER;
}

/**
 * The items of a keyed collection (Y.Map id → Y.Map) in display order: by `position`, then
 * by id, so that two items added at once by two people still appear in the same order for all.
 */
export function orderedItems(collection: Readonly<Record<string, unknown>>): CollectionItem[] {
  return Object.entries(collection)
    .filter((entry): entry is [string, Record<string, unknown>] => typeof entry[1] === 'object' && entry[1] !== null)
    .map(([id, data]) => ({ id, data }))
    .sort((a, b) => positionOf(a.data) - positionOf(b.data) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const MAX_POSITION = 10_000;

/**
 * Adds an item after the last one; returns its id. Callers pass '' for the item's text keys:
 * the Y.Texts then exist from the start, instead of being created by the first two people to
 * type into the new item at once, where one of the two creations (and its text) would be lost.
 */
export function addItem(
  doc: Y.Doc,
  collection: FieldPath,
  values: { readonly [key: string]: PlainValue | undefined },
  textKeys: ReadonlySet<string>,
  withPosition = true,
): string {
  const id = newItemId();
  const items = orderedItems(jsonAt(doc, collection));
  const last = items.reduce((max, item) => Math.max(max, typeof item.data['position'] === 'number' ? item.data['position'] : -1), -1);
  const position = Math.min(last + 1, MAX_POSITION);
  writeAt(doc, childPath(collection, id), withPosition ? { position, ...values } : { ...values }, textKeys);
  return id;
}
