import * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { DOCUMENT_SCHEMA_VERSION, META_ROOT, SCHEMA_VERSION_KEY } from '../documentSchema.ts';
import { schemaVersionOf } from '../sectionDocuments.ts';
import { OVERVIEW_ROOT, concernCategories } from './overview.ts';
import { createFixedTexts } from './fixedTexts.ts';

/**
 * Document schema migrations, run by the server when it loads a document written under an
 * older version. Each step takes a document at version N to N + 1 inside one transaction.
 */
type MigrationStep = (doc: Y.Doc, section: CaseSection) => void;

const steps: Record<number, MigrationStep> = {
  // v1 kept 相談内容 of the overview as a list plus the main one's name; v2 keeps one map
  // (category → 'main' | 'yes') so that two agencies ticking different boxes both count.
  1: (doc, section) => {
    if (section !== 'overview') return;
    const overview = doc.getMap<unknown>(OVERVIEW_ROOT);
    const legacy = overview.get('concernList');
    const main = overview.get('mainConcern');
    if (!(legacy instanceof Y.Array)) return;
    const concerns = new Y.Map<unknown>();
    for (const category of legacy.toArray()) {
      if (typeof category === 'string' && (concernCategories as readonly string[]).includes(category)) {
        concerns.set(category, category === main ? 'main' : 'yes');
      }
    }
    overview.delete('concernList');
    overview.delete('mainConcern');
    overview.set('concerns', concerns);
  },
  // v3 keeps ◎ in its own key (mainConcern) and has the server create the texts that sit at
  // fixed places, so that two people starting to type at once do not each create one.
  2: (doc, section) => {
    if (section === 'overview') {
      const overview = doc.getMap<unknown>(OVERVIEW_ROOT);
      const concerns = overview.get('concerns');
      if (concerns instanceof Y.Map) {
        for (const [category, mark] of [...concerns.entries()]) {
          if (mark === 'main') {
            concerns.set(category, 'yes');
            overview.set('mainConcern', category);
          }
        }
      }
    }
    createFixedTexts(doc, section);
  },
};

/** Brings a document up to DOCUMENT_SCHEMA_VERSION; returns whether anything changed. */
export function migrateSectionDocument(doc: Y.Doc, section: CaseSection, origin: unknown = null): boolean {
  let version = schemaVersionOf(doc);
  if (version === undefined || version >= DOCUMENT_SCHEMA_VERSION) return false;
  doc.transact(() => {
    while (version !== undefined && version < DOCUMENT_SCHEMA_VERSION) {
      steps[version]?.(doc, section);
      version += 1;
    }
    doc.getMap<unknown>(META_ROOT).set(SCHEMA_VERSION_KEY, DOCUMENT_SCHEMA_VERSION);
  }, origin);
  return true;
}
