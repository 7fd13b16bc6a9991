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
import type { TokenClaims } from '../../model/tokens.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { AuditTrail } from '../audit/auditTrail.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { SharingRepository } from '../store/sharingRepository.ts';
import { respondWithError } from './apiError.ts';
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

interface CaseRole {
  takesPart: boolean;
  canManage: boolean;
  leadAgencyId: string;
}

/** 共有設定: who takes part in a case and how much of each section each agency sees. */
export function createSharingApi({ database, logger, onAccessChanged, audit, trustProxy }: SharingApiDependencies): Hono<AuthenticatedEnv> {
  const access = new AccessRepository(database);
  const sharing = new SharingRepository(database);
  const api = new Hono<AuthenticatedEnv>();

  async function roleOf(caseId: string, user: TokenClaims): Promise<CaseRole | null> {
    const { rows } = await database.query<{ lead_agency_id: string; takes_part: boolean; kind: string }>(
      `select c.lead_agency_id,
              exists (select 1 from case_agencies ca where ca.case_id = c.id and ca.agency_id = $2) as takes_part,
              (select kind from agencies where id = $2) as kind
         from cases c where c.id = $1`,
      [caseId, user.agencyId],
    );
    const row = rows[0];
    if (!row) return null;
    const canManage = row.takes_part && (row.lead_agency_id === user.agencyId || row.kind === '多機関協働事業者');
    return { takesPart: row.takes_part, canManage, leadAgencyId: row.lead_agency_id };
  }

  /** The caller's role in a case they may manage, or the error answer (404 unknown, 403 not theirs). */
  async function managedRole(c: Context<AuthenticatedEnv>, caseId: string): Promise<CaseRole | Response> {
    const role = await roleOf(caseId, c.get('user'));
    if (!role) return respondWithError(c, 404, 'not_found');
    if (!role.canManage) return respondWithError(c, 403, 'forbidden');
    return role;
  }

  async function sharingOf(caseId: string, leadAgencyId: string): Promise<Sharing> {
    const [byAgency, consents, meetingBasisAgencyIds, changes, agencies] = await Promise.all([
      access.forCase(caseId),
      sharing.consents(caseId),
      sharing.meetingBasisAgencyIds(caseId),
      sharing.changes(caseId),
      database.query<{ id: string; name: string }>(
        `select a.id, a.name from case_agencies ca join agencies a on a.id = ca.agency_id where ca.case_id = $1 order by a.name`,
        [caseId],
      ),
    ]);
    return {
      agencies: agencies.rows.map((agency) => {
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
    const role = await roleOf(caseId, c.get('user'));
    if (!role) return respondWithError(c, 404, 'not_found');
    if (!role.takesPart) return respondWithError(c, 403, 'forbidden');
    const mine: MyAccess = { levels: await access.forAgency(caseId, c.get('user').agencyId), canManage: role.canManage };
    return c.json(mine);
  });

  api.get('/cases/:caseId/sharing', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const role = await managedRole(c, caseId);
    if (role instanceof Response) return role;
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.put('/cases/:caseId/sharing/:agencyId', validate('param', agencyParams), validate('json', setLevelsRequestSchema), async (c) => {
    const { caseId, agencyId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedRole(c, caseId);
    if (role instanceof Response) return role;
    const takesPart = await database.query('select 1 from case_agencies where case_id = $1 and agency_id = $2', [caseId, agencyId]);
    if (takesPart.rows.length === 0) return respondWithError(c, 404, 'not_found');
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
    const role = await managedRole(c, caseId);
    if (role instanceof Response) return role;
    const exists = await database.query('select 1 from agencies where id = $1', [agencyId]);
    if (exists.rows.length === 0) return respondWithError(c, 404, 'not_found');
    await database.transaction(async (tx) => {
      const inserted = await tx.query(
        'insert into case_agencies (case_id, agency_id, added_by) values ($1, $2, $3) on conflict do nothing returning agency_id',
        [caseId, agencyId, user.sub],
      );
      if (inserted.rows.length === 0) return;
      await new SharingRepository(tx).recordMembership(caseId, agencyId, true, user.sub);
      await new AccessRepository(tx).setLevels(caseId, agencyId, defaultAccess('participant'), user.sub);
    });
    await audit.record({ action: 'sharing.agency', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { added: agencyId }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId), 201);
  });

  api.delete('/cases/:caseId/agencies/:agencyId', validate('param', agencyParams), async (c) => {
    const { caseId, agencyId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedRole(c, caseId);
    if (role instanceof Response) return role;
    if (agencyId === role.leadAgencyId) return respondWithError(c, 403, 'forbidden');
    await database.transaction(async (tx) => {
      const removed = await tx.query('delete from case_agencies where case_id = $1 and agency_id = $2 returning agency_id', [caseId, agencyId]);
      if (removed.rows.length > 0) await new SharingRepository(tx).recordMembership(caseId, agencyId, false, user.sub);
    });
    await onAccessChanged(caseId, agencyId);
    await audit.record({ action: 'sharing.agency', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { removed: agencyId }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.put('/cases/:caseId/consents/:memberId', validate('param', memberParams), validate('json', consentRequestSchema), async (c) => {
    const { caseId, memberId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedRole(c, caseId);
    if (role instanceof Response) return role;
    await sharing.recordConsent(caseId, { memberId, ...c.req.valid('json') }, user.sub);
    await audit.record({ action: 'consent.record', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { memberId, status: c.req.valid('json').status }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.put('/cases/:caseId/meeting-basis/:agencyId', validate('param', agencyParams), validate('json', meetingBasisRequestSchema), async (c) => {
    const { caseId, agencyId } = c.req.valid('param');
    const user = c.get('user');
    const role = await managedRole(c, caseId);
    if (role instanceof Response) return role;
    await sharing.setMeetingBasis(caseId, agencyId, c.req.valid('json').active, user.sub);
    await audit.record({ action: 'sharing.change', user: { id: user.sub, agencyId: user.agencyId }, caseId, detail: { agencyId, meetingBasis: c.req.valid('json').active }, address: clientAddress(c, trustProxy) });
    return c.json(await sharingOf(caseId, role.leadAgencyId));
  });

  api.get('/agencies', async (c) => {
    const { rows } = await database.query<{ id: string; name: string; kind: string }>('select id, name, kind from agencies order by name');
    return c.json({ agencies: rows });
  });

  return api;
}
