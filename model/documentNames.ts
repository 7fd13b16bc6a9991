import { z } from 'zod';

/**
 * Every collaborative document of a case is named here, once. A case is split into
 * several documents because a CRDT document cannot be filtered per reader: each
 * document is one access boundary (docs/architecture.md).
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

export const meetingIdSchema = z.uuid();
export type MeetingId = z.infer<typeof meetingIdSchema>;

export interface CaseDocumentName {
  readonly caseId: CaseId;
  readonly section: CaseSection;
  readonly view: DocumentView;
  /**
   * Set for one 支援会議's own minutes. Their section is `minutes`, so that access, validation,
   * masking and attribution follow the case's minutes without a rule of their own.
   */
  readonly meetingId?: MeetingId;
}

const caseDocumentPattern = /^case\/([^/]+)\/([a-z-]+)(\/masked)?$/;
const meetingMinutesPattern = /^case\/([^/]+)\/meetings\/([^/]+)\/minutes(\/masked)?$/;

export function caseDocumentName(caseId: CaseId, section: CaseSection, view: DocumentView = 'source'): string {
  return view === 'masked' ? `case/${caseId}/${section}/masked` : `case/${caseId}/${section}`;
}

/** The minutes of one 支援会議: `case/<caseId>/meetings/<meetingId>/minutes`. */
export function meetingMinutesDocumentName(caseId: CaseId, meetingId: MeetingId, view: DocumentView = 'source'): string {
  const name = `case/${caseId}/meetings/${meetingId}/minutes`;
  return view === 'masked' ? `${name}/masked` : name;
}

/** The name a parsed name came from (or its other view). */
export function formatCaseDocumentName(name: CaseDocumentName): string {
  return name.meetingId === undefined
    ? caseDocumentName(name.caseId, name.section, name.view)
    : meetingMinutesDocumentName(name.caseId, name.meetingId, name.view);
}

function parseMeetingMinutesName(name: string): CaseDocumentName | null {
  const match = meetingMinutesPattern.exec(name);
  if (!match) return null;
  const [, rawCaseId, rawMeetingId, maskedSuffix] = match;
  const caseId = caseIdSchema.safeParse(rawCaseId);
  const meetingId = meetingIdSchema.safeParse(rawMeetingId);
  if (!caseId.success || !meetingId.success) return null;
  return { caseId: caseId.data, section: 'minutes', view: maskedSuffix ? 'masked' : 'source', meetingId: meetingId.data };
}

/** Returns null for any name that is not exactly a known section (or meeting's minutes) of a well-formed case id. */
export function parseCaseDocumentName(name: string): CaseDocumentName | null {
  const match = caseDocumentPattern.exec(name);
  if (!match) return parseMeetingMinutesName(name);
  const [, rawCaseId, rawSection, maskedSuffix] = match;
  const caseId = caseIdSchema.safeParse(rawCaseId);
  if (!caseId.success) return null;
  const section = caseSections.find((known) => known === rawSection);
  if (!section) return null;
  return { caseId: caseId.data, section, view: maskedSuffix ? 'masked' : 'source' };
}
