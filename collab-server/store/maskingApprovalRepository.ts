import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

export const sourceHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** 匿名化の承認: redacted texts a coordinator approved for masked agencies, per case. */
export class MaskingApprovalRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  async approve(caseId: string, source: string, approvedText: string, approvedBy: string): Promise<void> {
    await this.db.query(
      `insert into masking_approvals (case_id, source_sha256, approved_text, approved_by) values ($1, $2, $3, $4)
       on conflict (case_id, source_sha256) do update set approved_text = excluded.approved_text, approved_by = excluded.approved_by, approved_at = now()`,
      [caseId, sourceHash(source), approvedText, approvedBy],
    );
  }

  /** source hash → approved text. */
  async forCase(caseId: string): Promise<Map<string, string>> {
    const { rows } = await this.db.query<{ source_sha256: string; approved_text: string }>(
      'select source_sha256, approved_text from masking_approvals where case_id = $1',
      [caseId],
    );
    return new Map(rows.map((row) => [row.source_sha256, row.approved_text]));
  }

  /** Changes whenever an approval is added or replaced, to know when a cached redaction is stale. */
  async version(caseId: string): Promise<string> {
    const { rows } = await this.db.query<{ version: string | null }>(
      `select count(*)::text || ':' || coalesce(max(approved_at)::text, '') as version from masking_approvals where case_id = $1`,
      [caseId],
    );
    return rows[0]?.version ?? '';
  }
}
