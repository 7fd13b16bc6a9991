import { readsIdentity, type AgencyAccess } from '../../model/access/accessLevels.ts';
import type { Redaction } from '../../model/access/masking.ts';
import { clearReader, type ReaderMasking } from '../../model/access/readerSerializer.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import type { Queryable } from '../db/database.ts';
import { CaseHistory } from '../history/caseHistory.ts';
import { RevisionStore } from '../store/revisionStore.ts';
import { MaskingApprovalRepository, sourceHash } from '../store/maskingApprovalRepository.ts';


/**
 * How each reader gets a case's free text. An agency that may not read the identity section
 * gets every free text masked, whatever section or route it comes by, against every name the
 * household has held (so a deleted member stays masked). Redactions are kept per case until
 * the identity section changes.
 */
export class ReaderMaskings {
  private readonly history: CaseHistory;
  private readonly revisions: RevisionStore;
  private readonly approvals: MaskingApprovalRepository;
  private readonly cache = new Map<string, { version: string; redaction: Redaction }>();

  constructor(db: Queryable) {
    this.history = new CaseHistory(db);
    this.revisions = new RevisionStore(db);
    this.approvals = new MaskingApprovalRepository(db);
  }

  async forLevels(caseId: string, levels: AgencyAccess): Promise<ReaderMasking> {
    if (readsIdentity(levels)) return clearReader;
    return { kind: 'masked', redaction: await this.redaction(caseId) };
  }

  async redaction(caseId: string): Promise<Redaction> {
    const version = `${await this.revisions.lastSeq(caseDocumentName(caseId, 'members'))}/${await this.approvals.version(caseId)}`;
    const cached = this.cache.get(caseId);
    if (cached && cached.version === version) return cached.redaction;
    const redaction = await withApprovals(await this.history.redactionOverTime(caseId), this.approvals, caseId);
    this.cache.set(caseId, { version, redaction });
    return redaction;
  }
}

/** The case's approved redactions, as a lookup for Redaction.approved (undefined when there are none). */
export async function approvedRedactions(approvals: MaskingApprovalRepository, caseId: string): Promise<Redaction['approved']> {
  const approved = await approvals.forCase(caseId);
  return approved.size === 0 ? undefined : (source) => approved.get(sourceHash(source));
}

async function withApprovals(redaction: Redaction, approvals: MaskingApprovalRepository, caseId: string): Promise<Redaction> {
  const approved = await approvedRedactions(approvals, caseId);
  return approved ? { ...redaction, approved } : redaction;
}
