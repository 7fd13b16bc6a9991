import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import * as Y from 'yjs';
import {
  caseIdParamsSchema,
  caseListQuerySchema,
  createCaseRequestSchema,
  loginRequestSchema,
  type CaseSummary,
  type ClientConfig,
  type Health,
  type Session,
} from '../../model/api.ts';
import { defaultAccess } from '../../model/access/accessLevels.ts';
import { caseDocumentName, caseSections } from '../../model/documentNames.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import { verifyPassword } from '../auth/passwords.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { CaseRepository } from '../store/caseRepository.ts';
import { UpdateLog } from '../store/updateLog.ts';
import { UserRepository } from '../store/userRepository.ts';
import { apiError, respondWithError } from './apiError.ts';
import type { AuditTrail } from '../audit/auditTrail.ts';
import { createAuditApi } from './auditApi.ts';
import type { ChatMessage } from '../../model/chat.ts';
import { createChatApi } from './chatApi.ts';
import { createEcomapApi } from './ecomapApi.ts';
import { createHistoryApi, type HistoryApiDependencies } from './historyApi.ts';
import { createMeetingsApi, type MeetingsApiDependencies } from './meetingsApi.ts';
import { createPrintApi } from './printApi.ts';
import { createMaskingReviewApi } from './maskingReviewApi.ts';
import { clientAddress } from './clientAddress.ts';
import { requireUser } from './requireUser.ts';
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

export function createApi({ database, tokens, logger, version, onAccessChanged, audit, restore, deliverChat, meetings, trustProxy, tldrawLicenseKey }: ApiDependencies): Hono {
  const users = new UserRepository(database);
  const cases = new CaseRepository(database);
  const maskings = new ReaderMaskings(database);
  const authenticated = requireUser(tokens);

  const api = new Hono();

  api.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(apiError('payload_too_large'), 413) }));

  api.get('/health', (c) => c.json({ status: 'ok', storage: database.kind, version } satisfies Health));

  // Settings the built app reads at run time, so that one build serves every deployment.
  api.get('/client-config', (c) => c.json({ tldrawLicenseKey: tldrawLicenseKey ?? null } satisfies ClientConfig));

  api.post('/auth/login', validate('json', loginRequestSchema), async (c) => {
    const { loginId, password } = c.req.valid('json');
    const user = await users.findActiveByLoginId(loginId);
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      logger.info({ loginId }, 'login failed');
      await audit.record({ action: 'login.failed', user: { id: null, loginId }, address: clientAddress(c, trustProxy) });
      return respondWithError(c, 401, 'invalid_credentials');
    }
    const subject = { userId: user.id, agencyId: user.agencyId, name: user.name, agencyName: user.agencyName, role: user.role };
    const access = await tokens.issue(subject, 'access');
    const collab = await tokens.issue(subject, 'collab');
    logger.info({ userId: user.id }, 'login');
    await audit.record({ action: 'login', user: { id: user.id, loginId: user.loginId, agencyId: user.agencyId }, address: clientAddress(c, trustProxy) });
    const session: Session = {
      accessToken: access.token,
      collabToken: collab.token,
      expiresAt: access.expiresAt,
      user: { id: user.id, loginId: user.loginId, name: user.name, agencyId: user.agencyId, agencyName: user.agencyName, role: user.role },
    };
    return c.json(session);
  });

  api.post('/auth/logout', authenticated, async (c) => {
    const user = c.get('user');
    logger.info({ userId: user.sub }, 'logout');
    await audit.record({ action: 'logout', user: { id: user.sub, agencyId: user.agencyId }, address: clientAddress(c, trustProxy) });
    return c.body(null, 204);
  });

  // A case's title is free text: masked for an agency that may not read the identity section.
  const summaryFor = async (summary: CaseSummary) =>
    forReader('caseSummary', summary, summary.householdVisible ? clearReader : { kind: 'masked', redaction: await maskings.redaction(summary.id) });

  api.get('/cases', authenticated, validate('query', caseListQuerySchema), async (c) => {
    const found = await cases.listForAgency(c.get('user').agencyId, c.req.valid('query'));
    const list: CaseSummary[] = [];
    for (const summary of found) list.push(await summaryFor(summary));
    return readerJson(c, forReader('caseList', { cases: list }, clearReader));
  });

  api.post('/cases', authenticated, validate('json', createCaseRequestSchema), async (c) => {
    const user = c.get('user');
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

  api.get('/cases/:caseId', authenticated, validate('param', caseIdParamsSchema), async (c) => {
    const found = await cases.findForAgency(c.req.valid('param').caseId, c.get('user').agencyId);
    if (found === null) return respondWithError(c, 404, 'not_found');
    if (found === 'forbidden') return respondWithError(c, 403, 'forbidden');
    return readerJson(c, await summaryFor(found));
  });

  api.use('/cases/:caseId/*', authenticated);
  api.use('/agencies', authenticated);
  api.route('/', createSharingApi({ database, logger, onAccessChanged, audit, trustProxy }));
  api.route('/', createHistoryApi({ database, audit, trustProxy, restore }));
  api.route('/', createEcomapApi({ database, audit, trustProxy }));
  api.route('/', createMeetingsApi({ database, audit, trustProxy, ...meetings }));
  api.route('/', createPrintApi({ database, audit, trustProxy }));
  api.route('/', createMaskingReviewApi({ database, audit, trustProxy }));
  api.use('/chat/*', authenticated);
  api.route('/', createChatApi(database, deliverChat));
  api.use('/audit/*', authenticated);
  api.use('/audit', authenticated);
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
