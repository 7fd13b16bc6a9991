import { z } from 'zod';

/**
 * Every collaborative document of a case is named here, once. A case is split into
 * several documents because a CRDT document cannot be filtered per reader: each
 * document is one access boundary (see DEVELOPERS.md, principle 1).
 */
export const caseSections = [
  'overview',
  'members',
  'member-history',
  'member-health',
  'member-finance',
  'member-work',
  'member-nationality',
  'progress-log',
  'plan',
  'minutes',
  'ecomap',
] as const;
export type CaseSection = (typeof caseSections)[number];

export const caseIdSchema = z.uuid();
export type CaseId = z.infer<typeof caseIdSchema>;

/**
 * `source` is the document agencies edit; `masked` is a read-only view the server derives
 * from it for agencies that may see the section only masked (they never receive the source).
 */
export const documentViews = ['source', 'masked'] as const;
export type DocumentView = (typeof documentViews)[number];

export interface CaseDocumentName {
  readonly caseId: CaseId;
  readonly section: CaseSection;
  readonly view: DocumentView;
}

const caseDocumentPattern = /^case\/([^/]+)\/([a-z-]+)(\/masked)?$/;

export function caseDocumentName(caseId: CaseId, section: CaseSection, view: DocumentView = 'source'): string {
  return view === 'masked' ? `case/${caseId}/${section}/masked` : `case/${caseId}/${section}`;
}

/** Returns null for any name that is not exactly a known section of a well-formed case id. */
export function parseCaseDocumentName(name: string): CaseDocumentName | null {
  const match = caseDocumentPattern.exec(name);
  if (!match) return null;
  const [, rawCaseId, rawSection, maskedSuffix] = match;
  const caseId = caseIdSchema.safeParse(rawCaseId);
  if (!caseId.success) return null;
  const section = caseSections.find((known) => known === rawSection);
  if (!section) return null;
  return { caseId: caseId.data, section, view: maskedSuffix ? 'masked' : 'source' };
}
