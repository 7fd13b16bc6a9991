import { Hono } from 'hono';
import { z } from 'zod';
import { levelOf } from '../../model/access/accessLevels.ts';
import { caseIdSchema } from '../../model/documentNames.ts';
import { printRequestSchema, type PrintRecord } from '../../model/print.ts';
import type { AuditTrail } from '../audit/auditTrail.ts';
import type { Database } from '../db/database.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { respondWithError } from './apiError.ts';
import { clientAddress } from './clientAddress.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

export interface PrintApiDependencies {
  database: Database;
  audit: AuditTrail;
  trustProxy: boolean;
}

const caseParams = z.object({ caseId: caseIdSchema });

/**
 * 印刷: a sheet on paper leaves every access control behind, so each one is recorded in the
 * 監査ログ before the browser prints it, and only for a section the agency may read at all.
 */
export function createPrintApi({ database, audit, trustProxy }: PrintApiDependencies): Hono<AuthenticatedEnv> {
  const access = new AccessRepository(database);
  const api = new Hono<AuthenticatedEnv>();

  api.post('/cases/:caseId/prints', validate('param', caseParams), validate('json', printRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const { section, meetingId } = c.req.valid('json');
    const user = c.get('user');
    const level = levelOf(await access.forAgency(caseId, user.agencyId), section);
    if (level === 'hidden') return respondWithError(c, 403, 'forbidden');
    if (meetingId !== undefined) {
      const { rows } = await database.query('select 1 from case_meetings where id = $1 and case_id = $2', [meetingId, caseId]);
      if (rows.length === 0) return respondWithError(c, 404, 'not_found');
    }
    await audit.record({
      action: 'print',
      user: { id: user.sub, agencyId: user.agencyId },
      caseId,
      section,
      // What was on the sheet: the masked view for マスキング閲覧, the record itself otherwise.
      detail: { level, view: level === 'masked' ? 'masked' : 'source', ...(meetingId ? { meetingId } : {}) },
      address: clientAddress(c, trustProxy),
    });
    const body: PrintRecord = { section, level, recordedAt: new Date().toISOString() };
    return c.json(body, 201);
  });

  return api;
}
