import type * as Y from 'yjs';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import { readSection } from '../../model/sections/sectionRegistry.ts';
import type { Queryable } from '../db/database.ts';
import { projectedSections, sectionServerSpecs } from '../sections/sectionServer.ts';

export { projectedSections } from '../sections/sectionServer.ts';

/**
 * Rewrites the read models of one section from its document. Idempotent: the same document
 * always gives the same rows, so it can run after every burst of edits and on every load.
 */
export async function projectSection(db: Queryable, documentName: string, doc: Y.Doc): Promise<void> {
  const parsed = parseCaseDocumentName(documentName);
  if (!parsed || parsed.view === 'masked' || !projectedSections.has(parsed.section)) return;
  const { caseId, section } = parsed;
  await sectionServerSpecs[section].project?.(db, caseId, readSection(doc, section));
}
