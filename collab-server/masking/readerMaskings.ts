import { levelOf, type AgencyAccess } from '../../model/access/accessLevels.ts';
import type { Redaction } from '../../model/access/masking.ts';
import { clearReader, type ReaderMasking } from '../../model/access/readerSerializer.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import type { Queryable } from '../db/database.ts';
import { CaseHistory } from '../history/caseHistory.ts';
import { RevisionStore } from '../history/revisionStore.ts';

/** Whether an agency with these levels may read the household's identifiers at all. */
export function seesIdentity(levels: AgencyAccess): boolean {
  const level = levelOf(levels, 'members');
  return level === 'edit' || level === 'view';
}

/**
 * How each reader gets a case's free text. An agency that may not read the identity section
 * gets every free text masked, whatever section or route it comes by, against every name the
 * household has held (so a deleted member stays masked). Redactions are kept per case until
 * the identity section changes.
 */
export class ReaderMaskings {
  private readonly history: CaseHistory;
  private readonly revisions: RevisionStore;
  private readonly cache = new Map<string, { seq: number; redaction: Redaction }>();

  constructor(db: Queryable) {
    this.history = new CaseHistory(db);
    this.revisions = new RevisionStore(db);
  }

  async forLevels(caseId: string, levels: AgencyAccess): Promise<ReaderMasking> {
    if (seesIdentity(levels)) return clearReader;
    return { kind: 'masked', redaction: await this.redaction(caseId) };
  }

  async redaction(caseId: string): Promise<Redaction> {
    const seq = await this.revisions.lastSeq(caseDocumentName(caseId, 'members'));
    const cached = this.cache.get(caseId);
    if (cached && cached.seq === seq) return cached.redaction;
    const redaction = await this.history.redactionOverTime(caseId);
    this.cache.set(caseId, { seq, redaction });
    return redaction;
  }
}
