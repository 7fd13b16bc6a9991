import { maskingReviewSchema, type MaskingReview } from '../../model/access/maskingReviewApi.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { authorizedJson } from './apiClient.ts';

const casePath = (caseId: CaseId) => `/api/cases/${encodeURIComponent(caseId)}/masking`;

/** What a masked agency would receive for `text` (403 unless the user's agency manages the case's sharing). */
export function previewMasking(caseId: CaseId, text: string): Promise<MaskingReview> {
  return authorizedJson({ method: 'POST', path: `${casePath(caseId)}/preview`, body: { text } }, maskingReviewSchema);
}

/** Approves the server's proposed redaction of exactly this text for sharing (recorded in the 監査ログ). */
export function approveMasking(caseId: CaseId, text: string): Promise<MaskingReview> {
  return authorizedJson({ method: 'POST', path: `${casePath(caseId)}/approvals`, body: { text } }, maskingReviewSchema);
}
