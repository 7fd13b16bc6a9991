import type * as Y from 'yjs';
import { readEcomapRecords, writeEcomapRecords, type EcomapRecords } from '../ecomap/ecomapDocument.ts';
import type { RootKind } from './sectionSpec.ts';
import { syncObject, type PlainValue } from './yjsValues.ts';

/** The roots as plain JSON (Y.Text as string), the shape a section's schema validates. */
export function readRoots(doc: Y.Doc, roots: Readonly<Record<string, RootKind>>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(roots)) {
    if (kind === 'map') json[name] = doc.getMap(name).toJSON();
    else if (kind === 'records') json[name] = readEcomapRecords(doc.getArray(name));
    else json[name] = doc.getXmlFragment(name).toString();
  }
  return json;
}

/** Brings map and record roots of `doc` in line with `json`, changing only what differs. */
export function syncRoots(doc: Y.Doc, roots: Readonly<Record<string, RootKind>>, json: Record<string, unknown>, textKeys: ReadonlySet<string>): void {
  for (const [root, kind] of Object.entries(roots)) {
    if (kind === 'records') writeEcomapRecords(doc.getArray(root), (json[root] ?? {}) as EcomapRecords);
    else if (kind === 'map') syncObject(doc.getMap(root), (json[root] ?? {}) as Record<string, PlainValue>, textKeys);
  }
}
