import { z } from 'zod';
import type { AgencyAccess } from '../../model/access/accessLevels.ts';
import { sharingSchema, type consentRequestSchema, type Sharing } from '../../model/access/sharingApi.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { authorizedJson } from './apiClient.ts';

// ---- 共有設定 ---------------------------------------------------------------------------

export const agencyOptionSchema = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });
export type AgencyOption = z.infer<typeof agencyOptionSchema>;
const agencyListSchema = z.object({ agencies: z.array(agencyOptionSchema) });

export type ConsentRequest = z.infer<typeof consentRequestSchema>;

const casePath = (caseId: CaseId) => `/api/cases/${encodeURIComponent(caseId)}`;

/** 403 unless the user's agency coordinates the case (or is a 多機関協働事業者 taking part). */
export function getSharing(caseId: CaseId, signal?: AbortSignal): Promise<Sharing> {
  return authorizedJson({ method: 'GET', path: `${casePath(caseId)}/sharing`, signal }, sharingSchema);
}

/** Sets only the sections named; the others keep their level. */
export function setAgencyLevels(caseId: CaseId, agencyId: string, levels: AgencyAccess): Promise<Sharing> {
  return authorizedJson(
    { method: 'PUT', path: `${casePath(caseId)}/sharing/${encodeURIComponent(agencyId)}`, body: { levels } },
    sharingSchema,
  );
}

/** Every agency of the municipality, participating or not. */
export async function listAgencies(signal?: AbortSignal): Promise<AgencyOption[]> {
  const list = await authorizedJson({ method: 'GET', path: '/api/agencies', signal }, agencyListSchema);
  return list.agencies;
}

export function addCaseAgency(caseId: CaseId, agencyId: string): Promise<Sharing> {
  return authorizedJson({ method: 'POST', path: `${casePath(caseId)}/agencies`, body: { agencyId } }, sharingSchema);
}

/** The server refuses (403) to remove the coordinating agency. */
export function removeCaseAgency(caseId: CaseId, agencyId: string): Promise<Sharing> {
  return authorizedJson(
    { method: 'DELETE', path: `${casePath(caseId)}/agencies/${encodeURIComponent(agencyId)}` },
    sharingSchema,
  );
}

export function setMeetingBasis(caseId: CaseId, agencyId: string, active: boolean): Promise<Sharing> {
  return authorizedJson(
    { method: 'PUT', path: `${casePath(caseId)}/meeting-basis/${encodeURIComponent(agencyId)}`, body: { active } },
    sharingSchema,
  );
}

export function recordConsent(caseId: CaseId, memberId: string, consent: ConsentRequest): Promise<Sharing> {
  return authorizedJson(
    { method: 'PUT', path: `${casePath(caseId)}/consents/${encodeURIComponent(memberId)}`, body: consent },
    sharingSchema,
  );
}
