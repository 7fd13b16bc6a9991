import type { CaseId, MeetingId } from '../../model/documentNames.ts';
import { printRecordSchema, type PrintableSection, type PrintRecord } from '../../model/print.ts';
import { authorizedJson } from './apiClient.ts';

/** Records in the 監査ログ that this person prints the section now; 403 where it may not be read. */
export function recordPrint(caseId: CaseId, section: PrintableSection, meetingId: MeetingId | null = null): Promise<PrintRecord> {
  const body = meetingId === null ? { section } : { section, meetingId };
  return authorizedJson({ method: 'POST', path: `/api/cases/${encodeURIComponent(caseId)}/prints`, body }, printRecordSchema);
}
