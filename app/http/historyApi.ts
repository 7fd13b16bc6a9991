import { z } from 'zod';
import type { CaseId, CaseSection, MeetingId } from '../../model/documentNames.ts';
import {
  comparisonSchema,
  historySchema,
  namedVersionSchema,
  revisionSchema,
  type Comparison,
  type History,
  type HistoryQuery,
  type NamedVersion,
  type Revision,
} from '../../model/history/historyApi.ts';
import { authorizedJson, searchOf } from './apiClient.ts';

const casePath = (caseId: CaseId) => `/api/cases/${encodeURIComponent(caseId)}`;
const sectionPath = (caseId: CaseId, section: CaseSection) => `${casePath(caseId)}/sections/${encodeURIComponent(section)}`;

const restoreResultSchema = z.object({ seq: z.number().int().nullable() });
const versionListSchema = z.object({ versions: z.array(namedVersionSchema) });

/** Revision groups of the sections this agency may see (masked where it sees them masked). */
export function getHistory(caseId: CaseId, query: HistoryQuery, signal?: AbortSignal): Promise<History> {
  const search = searchOf({
    section: query.section,
    agencyId: query.agencyId,
    userId: query.userId,
    from: query.from,
    to: query.to,
  });
  return authorizedJson({ method: 'GET', path: `${casePath(caseId)}/history${search}`, signal }, historySchema);
}

/** A past state of one 支援会議's own minutes. */
export function getMeetingMinutesRevision(caseId: CaseId, meetingId: MeetingId, seq: number, signal?: AbortSignal): Promise<Revision> {
  return authorizedJson({ method: 'GET', path: `${casePath(caseId)}/meetings/${encodeURIComponent(meetingId)}/minutes/revisions/${seq}`, signal }, revisionSchema);
}

export function getRevision(caseId: CaseId, section: CaseSection, seq: number, signal?: AbortSignal): Promise<Revision> {
  return authorizedJson({ method: 'GET', path: `${sectionPath(caseId, section)}/revisions/${seq}`, signal }, revisionSchema);
}

export function compareRevisions(
  caseId: CaseId,
  section: CaseSection,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<Comparison> {
  return authorizedJson(
    { method: 'GET', path: `${sectionPath(caseId, section)}/compare${searchOf({ from, to })}`, signal },
    comparisonSchema,
  );
}

/** Writes the section as it was at `seq` as a new change; 403 without 編集 access. */
export async function restoreRevision(caseId: CaseId, section: CaseSection, seq: number): Promise<number | null> {
  const result = await authorizedJson(
    { method: 'POST', path: `${sectionPath(caseId, section)}/restore`, body: { seq } },
    restoreResultSchema,
  );
  return result.seq;
}

/** Names the current state of every section; answers with all named versions of the case. */
export async function nameVersion(caseId: CaseId, name: string): Promise<NamedVersion[]> {
  const list = await authorizedJson({ method: 'POST', path: `${casePath(caseId)}/versions`, body: { name } }, versionListSchema);
  return list.versions;
}

/** The base64 Yjs update of a revision as bytes, for Y.applyUpdate. */
export function revisionUpdate(revision: Revision): Uint8Array {
  const binary = atob(revision.state);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
