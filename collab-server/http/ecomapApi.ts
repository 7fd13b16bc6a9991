import { Hono } from 'hono';
import { z } from 'zod';
import { casePermissions, effectiveLevel, type CaseStanding } from '../../model/access/casePermissions.ts';
import { caseIdSchema } from '../../model/documentNames.ts';
import {
  createEcomapSnapshotRequestSchema,
  recordEcomapExportRequestSchema,
  type EcomapSnapshotList,
} from '../../model/ecomap/ecomapApi.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import type { Database } from '../db/database.ts';
import { forReader } from '../../model/access/readerSerializer.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import { readerJson } from './readerJson.ts';
import { EcomapSnapshotRepository } from '../store/ecomapSnapshotRepository.ts';
import { respondWithError } from './apiError.ts';
import { caseAuthorizer } from './caseStanding.ts';
import { clientAddress } from './clientAddress.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

const caseParams = z.object({ caseId: caseIdSchema });

/**
 * エコマップ's own API: saved states (時点保存) and the record of exports. The map itself
 * travels over the collaboration socket; a saved state is read through 履歴's revision API,
 * which masks it as this agency sees the map.
 */
export function createEcomapApi({ database, audit, trustProxy }: { database: Database; audit: AuditTrail; trustProxy: boolean }): Hono<AuthenticatedEnv> {
  const authorize = caseAuthorizer(database);
  const snapshots = new EcomapSnapshotRepository(database);
  const maskings = new ReaderMaskings(database);
  const api = new Hono<AuthenticatedEnv>();
  // Labels are free text (「太郎さん入院時」): masked for an agency that may not read the identity section.
  const snapshotsFor = async (caseId: string, standing: CaseStanding) =>
    forReader('ecomapSnapshots', { snapshots: await snapshots.list(caseId) } satisfies EcomapSnapshotList, await maskings.forLevels(caseId, standing.levels));

  api.get('/cases/:caseId/ecomap/snapshots', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const { actor, standing } = await authorize(caseId, c.get('user'));
    if (!casePermissions.read(actor, standing, 'ecomap')) return respondWithError(c, 403, 'forbidden');
    return readerJson(c, await snapshotsFor(caseId, standing));
  });

  api.post('/cases/:caseId/ecomap/snapshots', validate('param', caseParams), validate('json', createEcomapSnapshotRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    const { actor, standing } = await authorize(caseId, user);
    if (!casePermissions.saveEcomapSnapshot(actor, standing)) return respondWithError(c, 403, 'forbidden');
    await snapshots.save({ caseId, ...c.req.valid('json'), createdBy: user.sub });
    return readerJson(c, await snapshotsFor(caseId, standing), 201);
  });

  // The file is made in the browser from what it already shows; the server records that it left.
  api.post('/cases/:caseId/ecomap/exports', validate('param', caseParams), validate('json', recordEcomapExportRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    const { actor, standing } = await authorize(caseId, user);
    if (!casePermissions.export(actor, standing, 'ecomap')) return respondWithError(c, 403, 'forbidden');
    const level = effectiveLevel(actor, standing, 'ecomap');
    const { format } = c.req.valid('json');
    await audit.record({
      action: format === 'print' ? 'print' : 'export',
      user: { id: user.sub, agencyId: user.agencyId },
      caseId,
      section: 'ecomap',
      detail: { format, level },
      address: clientAddress(c, trustProxy),
    });
    return c.body(null, 204);
  });

  return api;
}
