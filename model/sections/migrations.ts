import type * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { DOCUMENT_SCHEMA_VERSION, META_ROOT, SCHEMA_VERSION_KEY } from '../documentSchema.ts';
import { schemaVersionOf } from '../sectionDocuments.ts';
import { createFixedTexts } from './fixedTexts.ts';
import { sectionDefinitions } from './sectionRegistry.ts';

/**
 * Document schema migrations, run by the server when it loads a document written under an
 * older version. Each step takes a document at version N to N + 1 inside one transaction:
 * first the section's own step (its spec's `migrations`), then the step every section takes.
 */
const everySection: Record<number, (doc: Y.Doc, section: CaseSection) => void> = {
  // v3 has the server create the texts that sit at fixed places, so that two people starting
  // to type at once do not each create one.
  2: createFixedTexts,
};

/** Brings a document up to DOCUMENT_SCHEMA_VERSION; returns whether anything changed. */
export function migrateSectionDocument(doc: Y.Doc, section: CaseSection, origin: unknown = null): boolean {
  let version = schemaVersionOf(doc);
  if (version === undefined || version >= DOCUMENT_SCHEMA_VERSION) return false;
  const own = sectionDefinitions[section].migrations ?? {};
  doc.transact(() => {
    while (version !== undefined && version < DOCUMENT_SCHEMA_VERSION) {
      own[version]?.(doc);
      everySection[version]?.(doc, section);
      version += 1;
    }
    doc.getMap<unknown>(META_ROOT).set(SCHEMA_VERSION_KEY, DOCUMENT_SCHEMA_VERSION);
  }, origin);
  return true;
}
