import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { accessBasis, proposedMasking } from '../../model/access/accessBasis.ts';
import { defaultAccess } from '../../model/access/accessLevels.ts';
import {
  addAgencyRequestSchema,
  consentRequestSchema,
  meetingBasisRequestSchema,
  setLevelsRequestSchema,
  type MyAccess,
  type Sharing,
} from '../../model/access/sharingApi.ts';
import { caseIdSchema } from '../../model/documentNames.ts';
import { casePermissions } from '../../model/access/casePermissions.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { SharingRepository } from '../store/sharingRepository.ts';
import { respondWithError } from './apiError.ts';
import { caseAuthorizer } from './caseStanding.ts';
import { clientAddress } from './clientAddress.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

export interface SharingApiDependencies {
  database: Database;
  logger: Logger;
  /** Tells open connections of the agency about its new access (closes what changed). */
  /** Resolves once this instance's connections were dealt with (other instances follow through the case-event bus). */
  onAccessChanged: (caseId: string, agencyId: string) => Promise<void>;
  audit: AuditTrail;
  trustProxy: boolean;
}

const caseParams = z.object({ caseId: caseIdSchema });
const agencyParams = caseParams.extend({ agencyId: z.uuid() });
const memberParams = caseParams.extend({ memberId: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/) });

/** 共有設定: who takes part in a case and how much of each section each agency sees. */
export function createSharingApi({ database, logger, onAccessChanged, audit, trustProxy }: SharingApiDependencies): Hono<AuthenticatedEnv> {
  const access = new AccessRepository(database);
  const sharing = new SharingRepository(database);
  const authorize = caseAuthorizer(database);
  const api = new Hono<AuthenticatedEnv>();

  /** The case's 主担当 when the caller may manage its sharing, or the error answer (404 unknown, 403 not theirs). */
  async function managedCase(c: Context<AuthenticatedEnv>, caseId: string): Promise<{ leadAgencyId: string } | Response> {
    const { actor, standing, exists } = await authorize(caseId, c.get('user'));
    if (!exists) return respondWithError(c, 404, 'not_found');
    if (!casePermissions.manageSharing(actor, standing)) return respondWithError(c, 403, 'forbidden');
    const leadAgencyId = await access.leadAgencyOf(caseId);
    return leadAgencyId === null ? respondWithError(c, 404, 'not_found') : { leadAgencyId };
  }

  async function sharingOf(caseId: string, leadAgencyId: string): Promise<Sharing> {
    const [byAgency, consents, meetingBasisAgencyIds, changes, agencies] = await Promise.all([
      access.forCase(caseId),
      sharing.consents(caseId),
      sharing.meetingBasisAgencyIds(caseId),
      sharing.changes(caseId),
      sharing.participants(caseId),
    ]);
    return {
      agencies: agencies.map((agency) => {
        const levels = byAgency.get(agency.id) ?? {};
        const basis = accessBasis({ agencyId: agency.id, coordinatorAgencyId: leadAgencyId, consents, meetingBasisAgencyIds });
        return { id: agency.id, name: agency.name, levels, basis, proposedMasking: proposedMasking(levels, basis) };
      }),
      consents,
      meetingBasisAgencyIds,
      changes,
    };
  }

  api.get('/cases/:caseId/access', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const { actor, standing, exists } = await authorize(caseId, c.get('user'));
    if (!exists) return respondWithError(c, 404, 'not_found');
    if (!casePermissions.list(actor, standing)) return respondWithError(c, 403, 'forbidden');
    const mine: MyAccess = { levels: standing.levels, canManage: casePermissions.manageSharing(actor, standing) };
    return c.json(mine);
  });

  api.get('/cases/:caseId/sharing', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const role = await managedCase(c, caseId);
    if (role instanceof Response) return role;
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.put('/cases/:caseId/sharing/:agencyId', validate('param', agencyParams), validate('json', setLevelsRequestSchema), async (c) => {
    const { caseId, agencyId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedCase(c, caseId);
    if (role instanceof Response) return role;
    if (!(await sharing.participates(caseId, agencyId))) return respondWithError(c, 404, 'not_found');
    await database.transaction((tx) => new AccessRepository(tx).setLevels(caseId, agencyId, c.req.valid('json').levels, user.sub));
    logger.info({ caseId, agencyId, by: user.sub }, 'sharing changed');
    await audit.record({ action: 'sharing.change', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { agencyId, levels: c.req.valid('json').levels }, address: clientAddress(c, trustProxy) });
    await onAccessChanged(caseId, agencyId);
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.post('/cases/:caseId/agencies', validate('param', caseParams), validate('json', addAgencyRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const { agencyId } = c.req.valid('json');
    const user = c.get('user');
    const role = await managedCase(c, caseId);
    if (role instanceof Response) return role;
    if (!(await sharing.agencyExists(agencyId))) return respondWithError(c, 404, 'not_found');
    await database.transaction(async (tx) => {
      const inTx = new SharingRepository(tx);
      if (!(await inTx.addParticipant(caseId, agencyId, user.sub))) return;
      await inTx.recordMembership(caseId, agencyId, true, user.sub);
      await new AccessRepository(tx).setLevels(caseId, agencyId, defaultAccess('participant'), user.sub);
    });
    await audit.record({ action: 'sharing.agency', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { added: agencyId }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId), 201);
  });

  api.delete('/cases/:caseId/agencies/:agencyId', validate('param', agencyParams), async (c) => {
    const { caseId, agencyId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedCase(c, caseId);
    if (role instanceof Response) return role;
    if (agencyId === role.leadAgencyId) return respondWithError(c, 403, 'forbidden');
    await database.transaction(async (tx) => {
      const inTx = new SharingRepository(tx);
      if (await inTx.removeParticipant(caseId, agencyId)) await inTx.recordMembership(caseId, agencyId, false, user.sub);
    });
    await onAccessChanged(caseId, agencyId);
    await audit.record({ action: 'sharing.agency', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { removed: agencyId }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.put('/cases/:caseId/consents/:memberId', validate('param', memberParams), validate('json', consentRequestSchema), async (c) => {
    const { caseId, memberId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedCase(c, caseId);
    if (role instanceof Response) return role;
    await sharing.recordConsent(caseId, { memberId, ...c.req.valid('json') }, user.sub);
    await audit.record({ action: 'consent.record', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { memberId, status: c.req.valid('json').status }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.put('/cases/:caseId/meeting-basis/:agencyId', validate('param', agencyParams), validate('json', meetingBasisRequestSchema), async (c) => {
    const { caseId, agencyId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedCase(c, caseId);
    if (role instanceof Response) return role;
    await sharing.setMeetingBasis(caseId, agencyId, c.req.valid('json').active, user.sub);
    await audit.record({ action: 'sharing.change', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { agencyId, meetingBasis: c.req.valid('json').active }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.get('/agencies', async (c) => {
    return c.json({ agencies: await sharing.agencies() });
  });

  return api;
}
