import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { casePermissions } from '../../model/access/casePermissions.ts';
import { maskFreeText } from '../../model/access/masking.ts';
import { maskingReviewRequestSchema, type MaskingReview } from '../../model/access/maskingReviewApi.ts';
import { caseIdSchema } from '../../model/documentNames.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import type { Database } from '../db/database.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import { MaskingApprovalRepository, sourceHash } from '../store/maskingApprovalRepository.ts';
import { respondWithError } from './apiError.ts';
import { caseAuthorizer } from './caseStanding.ts';
import { clientAddress } from './clientAddress.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

const caseParams = z.object({ caseId: caseIdSchema });

/**
 * 匿名化の確認: the coordinator sees what a masked agency will receive for a text, and may approve
 * the proposed redaction of a text the final check would withhold. Approvals are recorded in the
 * 監査ログ and hold for that exact text and that exact redaction only.
 */
export function createMaskingReviewApi({ database, audit, trustProxy }: { database: Database; audit: AuditTrail; trustProxy: boolean }): Hono<AuthenticatedEnv> {
  const maskings = new ReaderMaskings(database);
  const approvals = new MaskingApprovalRepository(database);
  const api = new Hono<AuthenticatedEnv>();

  const authorize = caseAuthorizer(database);

  // The agencies that manage the case's sharing: the same rule as 共有設定.
  async function mayReview(c: Context<AuthenticatedEnv>, caseId: string): Promise<Response | null> {
    const { actor, standing, exists } = await authorize(caseId, c.get('user'));
    if (!exists) return respondWithError(c, 404, 'not_found');
    if (!casePermissions.manageSharing(actor, standing)) return respondWithError(c, 403, 'forbidden');
    return null;
  }

  const review = async (caseId: string, text: string): Promise<MaskingReview> => {
    const masked = maskFreeText(text, await maskings.redaction(caseId));
    return { shared: masked.text, proposed: masked.proposed, withheld: masked.withheld, remaining: [...masked.remaining], approved: masked.approved };
  };

  api.post('/cases/:caseId/masking/preview', validate('param', caseParams), validate('json', maskingReviewRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const refused = await mayReview(c, caseId);
    if (refused) return refused;
    return c.json(await review(caseId, c.req.valid('json').text));
  });

  api.post('/cases/:caseId/masking/approvals', validate('param', caseParams), validate('json', maskingReviewRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const refused = await mayReview(c, caseId);
    if (refused) return refused;
    const user = c.get('user');
    const { text } = c.req.valid('json');
    // What is approved is the server's own proposal, never a text sent by the client.
    const before = await review(caseId, text);
    await approvals.approve(caseId, text, before.proposed, user.sub);
    await audit.record({
      action: 'masking.approve',
      user: { id: user.sub, agencyId: user.agencyId },
      caseId,
      // The text itself stays out of the log: it is the identifying original.
      detail: { sourceSha256: sourceHash(text), remaining: before.remaining.length, wasWithheld: before.withheld },
      address: clientAddress(c, trustProxy),
    });
    return c.json(await review(caseId, text), 201);
  });

  return api;
}
