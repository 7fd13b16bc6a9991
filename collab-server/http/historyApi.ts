import { Hono } from 'hono';
import { z } from 'zod';
import { casePermissions, effectiveLevel } from '../../model/access/casePermissions.ts';
import { caseIdSchema, caseSections, caseDocumentName, type CaseSection } from '../../model/documentNames.ts';
import {
  compareQuerySchema,
  historyQuerySchema,
  nameVersionRequestSchema,
  restoreRequestSchema,
  type History,
  type NamedVersion,
  type Revision,
} from '../../model/history/historyApi.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import type { Database } from '../db/database.ts';
import { CaseHistory } from '../history/caseHistory.ts';
import { listVersions, nameVersion } from '../store/namedVersions.ts';
import { RevisionStore } from '../store/revisionStore.ts';
import { forReader } from '../../model/access/readerSerializer.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import { readerJson } from './readerJson.ts';
import { respondWithError } from './apiError.ts';
import { caseAuthorizer } from './caseStanding.ts';
import { clientAddress } from './clientAddress.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

export interface HistoryApiDependencies {
  database: Database;
  audit: AuditTrail;
  trustProxy: boolean;
  restore: (caseId: string, section: CaseSection, seq: number, author: { userId: string; agencyId: string }) => Promise<number | null>;
}

const caseParams = z.object({ caseId: caseIdSchema });
const sectionParams = caseParams.extend({ section: z.enum(caseSections) });
const revisionParams = sectionParams.extend({ seq: z.coerce.number().int().min(0) });

/** 履歴: who wrote what and when, for the sections an agency may see, masked as it sees them. */
export function createHistoryApi({ database, audit, trustProxy, restore }: HistoryApiDependencies): Hono<AuthenticatedEnv> {
  const authorize = caseAuthorizer(database);
  const history = new CaseHistory(database);
  const maskings = new ReaderMaskings(database);
  const api = new Hono<AuthenticatedEnv>();

  const versions = (caseId: string): Promise<NamedVersion[]> => listVersions(database, caseId);

  api.get('/cases/:caseId/history', validate('param', caseParams), validate('query', historyQuerySchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const { actor, standing } = await authorize(caseId, c.get('user'));
    if (!casePermissions.readHistory(actor, standing)) return respondWithError(c, 403, 'forbidden');
    const body: History = { groups: await history.timeline(caseId, standing.levels, c.req.valid('query')), versions: await versions(caseId) };
    return readerJson(c, forReader('history', body, await maskings.forLevels(caseId, standing.levels)));
  });

  api.get('/cases/:caseId/sections/:section/revisions/:seq', validate('param', revisionParams), async (c) => {
    const { caseId, section, seq } = c.req.valid('param');
    const user = c.get('user');
    const { actor, standing } = await authorize(caseId, user);
    if (!casePermissions.read(actor, standing, section)) return respondWithError(c, 403, 'forbidden');
    const level = effectiveLevel(actor, standing, section);
    const state = await history.revision(caseId, section, seq, level);
    await audit.record({ action: 'section.open', user: { id: user.sub, agencyId: user.agencyId }, caseId, section, detail: { revision: seq, level }, address: clientAddress(c, trustProxy) });
    const body: Revision = { section, seq, masked: level === 'masked', state: Buffer.from(state).toString('base64') };
    return c.json(body);
  });

  api.get('/cases/:caseId/sections/:section/compare', validate('param', sectionParams), validate('query', compareQuerySchema), async (c) => {
    const { caseId, section } = c.req.valid('param');
    const { actor, standing } = await authorize(caseId, c.get('user'));
    if (!casePermissions.read(actor, standing, section)) return respondWithError(c, 403, 'forbidden');
    const level = effectiveLevel(actor, standing, section);
    const levels = standing.levels;
    const { from, to } = c.req.valid('query');
    return readerJson(c, forReader('comparison', await history.compare(caseId, section, from, to, level), await maskings.forLevels(caseId, levels)));
  });

  api.post('/cases/:caseId/sections/:section/restore', validate('param', sectionParams), validate('json', restoreRequestSchema), async (c) => {
    const { caseId, section } = c.req.valid('param');
    const user = c.get('user');
    const { actor, standing } = await authorize(caseId, user);
    if (!casePermissions.restore(actor, standing, section)) return respondWithError(c, 403, 'forbidden');
    const { seq } = c.req.valid('json');
    if (seq > (await new RevisionStore(database).lastSeq(caseDocumentName(caseId, section)))) return respondWithError(c, 404, 'not_found');
    const restoredSeq = await restore(caseId, section, seq, { userId: user.sub, agencyId: user.agencyId });
    await audit.record({ action: 'section.edit', user: { id: user.sub, agencyId: user.agencyId }, caseId, section, detail: { restoredFrom: seq, seq: restoredSeq }, address: clientAddress(c, trustProxy) });
    return c.json({ seq: restoredSeq });
  });

  api.post('/cases/:caseId/versions', validate('param', caseParams), validate('json', nameVersionRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    const { actor, standing } = await authorize(caseId, user);
    if (!casePermissions.nameVersions(actor, standing)) return respondWithError(c, 403, 'forbidden');
    const levels = standing.levels;
    await nameVersion(database, caseId, c.req.valid('json').name, user.sub);
    return readerJson(c, forReader('namedVersions', { versions: await versions(caseId) }, await maskings.forLevels(caseId, levels)), 201);
  });

  return api;
}
