import { Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import { casePermissions, effectiveLevel, type CaseActor, type CaseStanding } from '../../model/access/casePermissions.ts';
import type { Revision } from '../../model/history/historyApi.ts';
import { caseIdSchema, meetingIdSchema, meetingMinutesDocumentName } from '../../model/documentNames.ts';
import {
  createMeetingRequestSchema,
  decisionRequestSchema,
  type Meeting,
  type MeetingAttendee,
  type MeetingList,
  type MeetingPresence,
} from '../../model/meetings.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import { forReader } from '../../model/access/readerSerializer.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import { readerJson } from './readerJson.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import type { Database } from '../db/database.ts';
import { CaseHistory } from '../history/caseHistory.ts';
import { RevisionStore } from '../store/revisionStore.ts';
import type { Decision } from '../meetings/decisionToTask.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { MeetingRepository } from '../store/meetingRepository.ts';
import { UpdateLog } from '../store/updateLog.ts';
import { respondWithError } from './apiError.ts';
import { caseAuthorizer } from './caseStanding.ts';
import { clientAddress } from './clientAddress.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

/** What the meetings API needs from the live documents (Hocuspocus), given by server.ts. */
export interface MeetingsApiDependencies {
  database: Database;
  audit: AuditTrail;
  trustProxy: boolean;
  presence: (caseId: string, meetingId: string) => MeetingAttendee[];
  writeDecision: (decision: Decision) => Promise<string>;
  close: (meeting: Meeting, closedBy: string) => Promise<boolean>;
}

const caseParams = z.object({ caseId: caseIdSchema });
const meetingParams = caseParams.extend({ meetingId: meetingIdSchema });
const revisionParams = meetingParams.extend({ seq: z.coerce.number().int().min(0) });

/** 支援会議: the meetings of a case, for the agencies taking part in it only. */
export function createMeetingsApi({ database, audit, trustProxy, presence, writeDecision, close }: MeetingsApiDependencies): Hono<AuthenticatedEnv> {
  const authorize = caseAuthorizer(database);
  const meetings = new MeetingRepository(database);
  const maskings = new ReaderMaskings(database);
  const access = new AccessRepository(database);
  const api = new Hono<AuthenticatedEnv>();
  // An agency whose standing cannot be read gets no levels: every text masked (fail closed).
  const levelsOf = async (caseId: string, agencyId: string) => (await access.standing(caseId, agencyId))?.levels ?? {};
  // A meeting's texts name the household: masked for an agency that may not read the identity section.
  const meetingFor = async (caseId: string, agencyId: string, meeting: Meeting) =>
    forReader('meeting', meeting, await maskings.forLevels(caseId, await levelsOf(caseId, agencyId)));

  type Rule = (actor: CaseActor, standing: CaseStanding) => boolean;
  const allowed = async (caseId: string, user: AuthenticatedEnv['Variables']['user'], rule: Rule) => {
    const { actor, standing } = await authorize(caseId, user);
    return rule(actor, standing);
  };

  api.get('/cases/:caseId/meetings', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    if (!(await allowed(caseId, c.get('user'), casePermissions.readMeetings))) return respondWithError(c, 403, 'forbidden');
    const body: MeetingList = { meetings: await meetings.list(caseId), agencies: await meetings.candidates(caseId) };
    return readerJson(c, forReader('meetingList', body, await maskings.forLevels(caseId, await levelsOf(caseId, c.get('user').agencyId))));
  });

  api.post('/cases/:caseId/meetings', validate('param', caseParams), validate('json', createMeetingRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await allowed(caseId, user, casePermissions.manageMeetings))) return respondWithError(c, 403, 'forbidden');
    const request = c.req.valid('json');
    const candidates = new Map((await meetings.candidates(caseId)).flatMap((agency) => agency.users.map((candidate) => [candidate.id, agency.id] as const)));
    if (request.attendeeUserIds.some((userId) => !candidates.has(userId))) return respondWithError(c, 400, 'invalid_input');
    const meetingId = await database.transaction(async (tx) => {
      const id = await new MeetingRepository(tx).create({
        ...request,
        caseId,
        attendees: [...new Set(request.attendeeUserIds)].map((userId) => ({ userId, agencyId: candidates.get(userId)! })),
        createdBy: user.sub,
      });
      // The minutes exist with their schema version before anyone opens them, like a section's.
      const minutes = createSectionDocument('minutes');
      await new UpdateLog(database).append(meetingMinutesDocumentName(caseId, id), Y.encodeStateAsUpdate(minutes), { userId: user.sub, agencyId: user.agencyId }, tx);
      minutes.destroy();
      return id;
    });
    const created = (await meetings.find(caseId, meetingId))!;
    await audit.record({
      action: 'meeting.create',
      user: { id: user.sub, agencyId: user.agencyId },
      caseId,
      detail: { meetingId, title: created.title, date: created.date, legalBasis: created.legalBasis },
      address: clientAddress(c, trustProxy),
    });
    return readerJson(c, await meetingFor(caseId, user.agencyId, created), 201);
  });

  api.get('/cases/:caseId/meetings/:meetingId', validate('param', meetingParams), async (c) => {
    const { caseId, meetingId } = c.req.valid('param');
    if (!(await allowed(caseId, c.get('user'), casePermissions.readMeetings))) return respondWithError(c, 403, 'forbidden');
    const meeting = await meetings.find(caseId, meetingId);
    return meeting ? readerJson(c, await meetingFor(caseId, c.get('user').agencyId, meeting)) : respondWithError(c, 404, 'not_found');
  });

  api.post('/cases/:caseId/meetings/:meetingId/start', validate('param', meetingParams), async (c) => {
    const { caseId, meetingId } = c.req.valid('param');
    if (!(await allowed(caseId, c.get('user'), casePermissions.manageMeetings))) return respondWithError(c, 403, 'forbidden');
    if (!(await meetings.exists(caseId, meetingId))) return respondWithError(c, 404, 'not_found');
    await meetings.start(meetingId);
    return readerJson(c, await meetingFor(caseId, c.get('user').agencyId, (await meetings.find(caseId, meetingId))!));
  });

  api.get('/cases/:caseId/meetings/:meetingId/presence', validate('param', meetingParams), async (c) => {
    const { caseId, meetingId } = c.req.valid('param');
    if (!(await allowed(caseId, c.get('user'), casePermissions.readMeetings))) return respondWithError(c, 403, 'forbidden');
    if (!(await meetings.exists(caseId, meetingId))) return respondWithError(c, 404, 'not_found');
    const body: MeetingPresence = { present: presence(caseId, meetingId) };
    return c.json(body);
  });

  api.post('/cases/:caseId/meetings/:meetingId/decisions', validate('param', meetingParams), validate('json', decisionRequestSchema), async (c) => {
    const { caseId, meetingId } = c.req.valid('param');
    const user = c.get('user');
    const request = c.req.valid('json');
    const section = request.target === 'plan' ? 'plan' : 'progress-log';
    // Writing into the plan or the progress log is editing it: the same level as typing there.
    if (!(await allowed(caseId, user, (actor, standing) => casePermissions.writeDecision(actor, standing, section)))) return respondWithError(c, 403, 'forbidden');
    const meeting = await meetings.find(caseId, meetingId);
    if (!meeting) return respondWithError(c, 404, 'not_found');
    if (meeting.status === '終了') return respondWithError(c, 400, 'invalid_input');
    const agency = (await meetings.candidates(caseId)).find((candidate) => candidate.id === request.agencyId);
    if (!agency) return respondWithError(c, 400, 'invalid_input');
    const itemId = await writeDecision({
      caseId,
      target: request.target,
      text: request.text,
      agency: { id: agency.id, name: agency.name },
      dueDate: request.dueDate,
      author: { userId: user.sub, name: user.name, agencyId: user.agencyId, agencyName: user.agencyName },
    });
    await meetings.addTask({ meetingId, target: request.target, itemId, agencyId: agency.id, text: request.text, dueDate: request.dueDate, createdBy: user.sub });
    await audit.record({
      action: 'section.edit',
      user: { id: user.sub, agencyId: user.agencyId },
      caseId,
      section,
      detail: { meetingId, itemId, agencyId: agency.id },
      address: clientAddress(c, trustProxy),
    });
    return readerJson(c, await meetingFor(caseId, user.agencyId, (await meetings.find(caseId, meetingId))!), 201);
  });

  // 履歴 of a meeting's minutes: any past state, as the case minutes' history gives it (masked for masked readers).
  api.get('/cases/:caseId/meetings/:meetingId/minutes/revisions/:seq', validate('param', revisionParams), async (c) => {
    const { caseId, meetingId, seq } = c.req.valid('param');
    const user = c.get('user');
    const { actor, standing } = await authorize(caseId, user);
    if (!casePermissions.read(actor, standing, 'minutes')) return respondWithError(c, 403, 'forbidden');
    const level = effectiveLevel(actor, standing, 'minutes');
    if (!(await meetings.exists(caseId, meetingId))) return respondWithError(c, 404, 'not_found');
    if (seq > (await new RevisionStore(database).lastSeq(meetingMinutesDocumentName(caseId, meetingId)))) return respondWithError(c, 404, 'not_found');
    const state = await new CaseHistory(database).revision(caseId, 'minutes', seq, level, meetingId);
    await audit.record({ action: 'section.open', user: { id: user.sub, agencyId: user.agencyId }, caseId, section: 'minutes', detail: { meetingId, revision: seq, level }, address: clientAddress(c, trustProxy) });
    const body: Revision = { section: 'minutes', seq, masked: level === 'masked', state: Buffer.from(state).toString('base64') };
    return c.json(body);
  });

  api.post('/cases/:caseId/meetings/:meetingId/close', validate('param', meetingParams), async (c) => {
    const { caseId, meetingId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await allowed(caseId, user, casePermissions.manageMeetings))) return respondWithError(c, 403, 'forbidden');
    const meeting = await meetings.find(caseId, meetingId);
    if (!meeting) return respondWithError(c, 404, 'not_found');
    if (await close(meeting, user.sub)) {
      await audit.record({
        action: 'meeting.close',
        user: { id: user.sub, agencyId: user.agencyId },
        caseId,
        section: 'minutes',
        detail: { meetingId, title: meeting.title },
        address: clientAddress(c, trustProxy),
      });
    }
    return readerJson(c, await meetingFor(caseId, user.agencyId, (await meetings.find(caseId, meetingId))!));
  });

  return api;
}
