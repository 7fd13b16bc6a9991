import * as Y from 'yjs';
import type { CaseSection } from './documentNames.ts';
import { DOCUMENT_SCHEMA_VERSION, META_ROOT, SCHEMA_VERSION_KEY } from './documentSchema.ts';
import { createFixedTexts } from './sections/fixedTexts.ts';
import { sectionDefinitions } from './sections/sectionRegistry.ts';

/**
 * The first state of a section's document, written by the server when the case is created,
 * so that the schema version is there before any client connects (clients never seed content).
 */
export function createSectionDocument(section: CaseSection): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_ROOT);
    meta.set(SCHEMA_VERSION_KEY, DOCUMENT_SCHEMA_VERSION);
    meta.set('section', section);
    createFixedTexts(doc, section);
    sectionDefinitions[section].initialize?.(doc);
  });
  return doc;
}

export function schemaVersionOf(doc: Y.Doc): number | undefined {
  const version = doc.getMap<unknown>(META_ROOT).get(SCHEMA_VERSION_KEY);
  return typeof version === 'number' ? version : undefined;
}
