import { z } from 'zod';
import {
  auditEntrySchema,
  auditVerificationSchema,
  type AuditEntry,
  type AuditQuery,
  type AuditVerification,
} from '../../model/audit.ts';
import { authorizedJson, authorizedResponse, searchOf } from './apiClient.ts';

/** 監査ログ: administrators only (the server answers 403 to anyone else). */

const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });

function auditSearch(query: AuditQuery): string {
  return searchOf({
    from: query.from,
    to: query.to,
    action: query.action,
    loginId: query.loginId,
    caseId: query.caseId,
    q: query.q,
  });
}

/** Newest first; the server returns at most AUDIT_SEARCH_LIMIT entries. */
export async function searchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditEntry[]> {
  const list = await authorizedJson({ method: 'GET', path: `/api/audit${auditSearch(query)}`, signal }, auditListSchema);
  return list.entries;
}

/** The server's cap on one search (collab-server/audit/auditTrail.ts); the CSV has no such cap. */
export const AUDIT_SEARCH_LIMIT = 1_000;

/** The CSV of every matching entry (the export is itself recorded in the log). */
export async function exportAuditCsv(query: AuditQuery): Promise<Blob> {
  const response = await authorizedResponse({ method: 'GET', path: `/api/audit/export.csv${auditSearch(query)}`, accept: 'text/csv' });
  return response.blob();
}

export function verifyAudit(signal?: AbortSignal): Promise<AuditVerification> {
  return authorizedJson({ method: 'GET', path: '/api/audit/verify', signal }, auditVerificationSchema);
}
