import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import * as Y from 'yjs';
import { caseIdParamsSchema, caseListQuerySchema, createCaseRequestSchema, type CaseSummary } from '../../model/api.ts';
import { defaultAccess } from '../../model/access/accessLevels.ts';
import { accountPermissions, casePermissions } from '../../model/access/casePermissions.ts';
import { caseDocumentName, caseSections } from '../../model/documentNames.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { CaseRepository } from '../store/caseRepository.ts';
import { UpdateLog } from '../store/updateLog.ts';
import { apiError, respondWithError } from './apiError.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import { createAuditApi } from './auditApi.ts';
import type { ChatMessage } from '../../model/chat.ts';
import { createChatApi } from './chatApi.ts';
import { createEcomapApi } from './ecomapApi.ts';
import { createHistoryApi, type HistoryApiDependencies } from './historyApi.ts';
import { createMeetingsApi, type MeetingsApiDependencies } from './meetingsApi.ts';
import { createPrintApi } from './printApi.ts';
import { createMaskingReviewApi } from './maskingReviewApi.ts';
import { clientAddress } from './clientAddress.ts';
import { caseAuthorizer, actorOf } from './caseStanding.ts';
import { createPublicApi } from './publicApi.ts';
import { requireUser, type AuthenticatedEnv } from './requireUser.ts';
import { createSharingApi, type SharingApiDependencies } from './sharingApi.ts';
import { validate } from './validate.ts';
import { clearReader, forReader } from '../../model/access/readerSerializer.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import { readerJson } from './readerJson.ts';

export interface ApiDependencies {
  database: Database;
  tokens: TokenService;
  logger: Logger;
  version: string;
  onAccessChanged: SharingApiDependencies['onAccessChanged'];
  audit: AuditTrail;
  restore: HistoryApiDependencies['restore'];
  deliverChat: (message: ChatMessage) => Promise<void>;
  meetings: Pick<MeetingsApiDependencies, 'presence' | 'writeDecision' | 'close'>;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  tldrawLicenseKey: string | undefined;
}

const MAX_BODY_BYTES = 64 * 1024;

export function createApi({ database, tokens, logger, version, onAccessChanged, audit, restore, deliverChat, meetings, trustProxy, tldrawLicenseKey }: ApiDependencies): Hono<AuthenticatedEnv> {
  const cases = new CaseRepository(database);
  const maskings = new ReaderMaskings(database);
  const authenticated = requireUser(tokens);
  const authorize = caseAuthorizer(database);

  const api = new Hono<AuthenticatedEnv>();

  api.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(apiError('payload_too_large'), 413) }));

  api.route('/', createPublicApi({ database, tokens, logger, audit, version, trustProxy, tldrawLicenseKey }));
  // Deny by default: every route registered below answers 401 without a verified access token.
  api.use('*', authenticated);

  api.post('/auth/logout', async (c) => {
    const user = c.get('user');
    logger.info({ userId: user.sub }, 'logout');
    await audit.record({ action: 'logout', user: { id: user.sub, agencyId: user.agencyId }, address: clientAddress(c, trustProxy) });
    return c.body(null, 204);
  });

  // A case's title is free text: masked for an agency that may not read the identity section.
  const summaryFor = async (summary: CaseSummary) =>
    forReader('caseSummary', summary, summary.householdVisible ? clearReader : { kind: 'masked', redaction: await maskings.redaction(summary.id) });

  api.get('/cases', validate('query', caseListQuerySchema), async (c) => {
    const user = c.get('user');
    if (!accountPermissions.listCases(actorOf(user))) return respondWithError(c, 403, 'forbidden');
    const list: CaseSummary[] = [];
    for (const summary of await cases.listForAgency(user.agencyId, c.req.valid('query'))) list.push(await summaryFor(summary));
    return readerJson(c, forReader('caseList', { cases: list }, clearReader));
  });

  api.post('/cases', validate('json', createCaseRequestSchema), async (c) => {
    const user = c.get('user');
    if (!accountPermissions.createCase(actorOf(user))) return respondWithError(c, 403, 'forbidden');
    const { title } = c.req.valid('json');
    const caseId = randomUUID();
    await database.transaction(async (tx) => {
      const inTx = new CaseRepository(tx);
      await inTx.create({ id: caseId, title, leadAgencyId: user.agencyId, createdBy: user.sub, agencyIds: [] });
      await new AccessRepository(tx).setLevels(caseId, user.agencyId, defaultAccess('coordinator'), user.sub);
      const log = new UpdateLog(database);
      for (const section of caseSections) {
        const doc = createSectionDocument(section);
        await log.append(caseDocumentName(caseId, section), Y.encodeStateAsUpdate(doc), {
          userId: user.sub,
          agencyId: user.agencyId,
        }, tx);
        doc.destroy();
      }
    });
    const created = await cases.findForAgency(caseId, user.agencyId);
    if (created === null || created === 'forbidden') return respondWithError(c, 500, 'internal');
    return readerJson(c, await summaryFor(created), 201);
  });

  api.get('/cases/:caseId', validate('param', caseIdParamsSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const { actor, standing, exists } = await authorize(caseId, c.get('user'));
    if (!exists) return respondWithError(c, 404, 'not_found');
    if (!casePermissions.list(actor, standing)) return respondWithError(c, 403, 'forbidden');
    const found = await cases.findForAgency(caseId, actor.agencyId);
    if (found === null) return respondWithError(c, 404, 'not_found');
    // Removed from the case between the two reads.
    if (found === 'forbidden') return respondWithError(c, 403, 'forbidden');
    return readerJson(c, await summaryFor(found));
  });

  api.route('/', createSharingApi({ database, logger, onAccessChanged, audit, trustProxy }));
  api.route('/', createHistoryApi({ database, audit, trustProxy, restore }));
  api.route('/', createEcomapApi({ database, audit, trustProxy }));
  api.route('/', createMeetingsApi({ database, audit, trustProxy, ...meetings }));
  api.route('/', createPrintApi({ database, audit, trustProxy }));
  api.route('/', createMaskingReviewApi({ database, audit, trustProxy }));
  api.route('/', createChatApi(database, deliverChat));
  api.route('/audit', createAuditApi(audit, trustProxy));

  api.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      // Malformed JSON bodies and the like: hono raises these before our validators run.
      return c.json(apiError('invalid_input'), error.status);
    }
    logger.error({ err: error }, 'API error');
    return c.json(apiError('internal'), 500);
  });

  return api;
}
