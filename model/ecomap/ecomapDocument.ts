import type * as Y from 'yjs';

/**
 * The ecomap of a case (`case/<id>/ecomap`): tldraw records kept in one Y.Array as
 * `{ key, val }` entries, the layout of y-utility's YKeyValue (tldraw's Yjs example). A plain
 * Y.Map would keep every overwritten value of a shape being dragged; YKeyValue keeps one entry
 * per record, and of two entries for one key the rightmost wins.
 *
 * This module has no tldraw import, so that the rest of the app can name the document's roots
 * without loading tldraw; validation against tldraw's schema lives in ecomapSchema.ts.
 */
export const RECORDS_ROOT = 'records';

/** In the meta map: tldraw's serialized schema the records were written under. */
export const TLDRAW_SCHEMA_KEY = 'tldrawSchema';

/** A map of a household needs tens of shapes; the bound keeps validation and loading cheap. */
export const ECOMAP_MAX_RECORDS = 5_000;

/**
 * Records that belong in the shared document. tldraw keeps others in the same store (cameras,
 * pointers, presence, and its own user records with names typed in the browser): those stay in
 * each browser, and the server refuses them.
 */
export const SHARED_RECORD_TYPES: ReadonlySet<string> = new Set(['document', 'page', 'shape', 'binding']);

export const ECOMAP_PAGE_ID = 'page:ecomap';

export type EcomapRecord = { readonly id: string; readonly typeName: string } & Record<string, unknown>;
export type EcomapRecords = Record<string, EcomapRecord>;

export interface EcomapEntry {
  readonly key: string;
  readonly val: EcomapRecord;
}

/**
 * The records every map starts with, written by the server when the case is created: if each
 * client created its own page on first open, two people opening an empty map together would
 * draw on two different pages.
 */
export const initialEcomapRecords: readonly EcomapRecord[] = [
  { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
  { id: ECOMAP_PAGE_ID, typeName: 'page', name: 'エコマップ', index: 'a1', meta: {} },
];

export function ecomapRecordsArray(doc: Y.Doc): Y.Array<EcomapEntry> {
  return doc.getArray<EcomapEntry>(RECORDS_ROOT);
}

/** The records as YKeyValue reads them (rightmost entry wins), without writing anything. */
export function readEcomapRecords(array: Y.Array<unknown>): EcomapRecords {
  const records: EcomapRecords = {};
  for (const entry of array.toArray()) {
    if (entry !== null && typeof entry === 'object' && 'key' in entry && 'val' in entry && typeof entry.key === 'string') {
      records[entry.key] = entry.val as EcomapRecord;
    }
  }
  return records;
}

/**
 * Makes the array hold exactly `records`, touching only entries that differ (so observers see
 * only real changes). Used by the server for masked views and restores, where it is the only
 * writer.
 */
export function writeEcomapRecords(array: Y.Array<EcomapEntry>, records: EcomapRecords): void {
  const entries = array.toArray();
  const current = readEcomapRecords(array as Y.Array<unknown>);
  const changed = new Set(
    Object.keys({ ...current, ...records }).filter((key) => JSON.stringify(current[key]) !== JSON.stringify(records[key])),
  );
  if (changed.size === 0) return;
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    if (changed.has(entries[index]!.key)) array.delete(index, 1);
  }
  const added = [...changed].filter((key) => records[key] !== undefined).map((key) => ({ key, val: records[key]! }));
  if (added.length > 0) array.push(added);
}

export function writeInitialEcomap(doc: Y.Doc): void {
  const array = ecomapRecordsArray(doc);
  if (array.length > 0) return;
  array.push(initialEcomapRecords.map((record) => ({ key: record.id, val: record })));
}
