import { Hono } from 'hono';
import { z } from 'zod';
import { casePermissions, effectiveLevel } from '../../model/access/casePermissions.ts';
import { caseIdSchema } from '../../model/documentNames.ts';
import { printRequestSchema, type PrintRecord } from '../../model/print.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import type { Database } from '../db/database.ts';
import { MeetingRepository } from '../store/meetingRepository.ts';
import { respondWithError } from './apiError.ts';
import { caseAuthorizer } from './caseStanding.ts';
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
  const authorize = caseAuthorizer(database);
  const meetings = new MeetingRepository(database);
  const api = new Hono<AuthenticatedEnv>();

  api.post('/cases/:caseId/prints', validate('param', caseParams), validate('json', printRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const { section, meetingId } = c.req.valid('json');
    const user = c.get('user');
    const { actor, standing } = await authorize(caseId, user);
    if (!casePermissions.print(actor, standing, section)) return respondWithError(c, 403, 'forbidden');
    const level = effectiveLevel(actor, standing, section);
    if (meetingId !== undefined && !(await meetings.exists(caseId, meetingId))) return respondWithError(c, 404, 'not_found');
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
