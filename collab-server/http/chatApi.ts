import { Hono } from 'hono';
import { z } from 'zod';
import { postChatRequestSchema, type ChatMessage } from '../../model/chat.ts';
import { caseIdSchema } from '../../model/documentNames.ts';
import { forReader } from '../../model/access/readerSerializer.ts';
import type { Database } from '../db/database.ts';
import { accountPermissions, casePermissions } from '../../model/access/casePermissions.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import { readerJson } from './readerJson.ts';
import { ChatRepository } from '../store/chatRepository.ts';
import { SharingRepository } from '../store/sharingRepository.ts';
import { respondWithError } from './apiError.ts';
import { actorOf, caseAuthorizer } from './caseStanding.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

const caseParams = z.object({ caseId: caseIdSchema });

/** チャット: history filtered by the reader's agency, posting, and unread counts. */
export function createChatApi(database: Database, deliver: (message: ChatMessage) => Promise<void>): Hono<AuthenticatedEnv> {
  const chat = new ChatRepository(database);
  const maskings = new ReaderMaskings(database);
  const api = new Hono<AuthenticatedEnv>();
  const sharing = new SharingRepository(database);
  const authorize = caseAuthorizer(database);
  /** Whether the rule allows it, and how this reader gets the case's free text. */
  const may = async (caseId: string, user: AuthenticatedEnv['Variables']['user'], rule: typeof casePermissions.readChat) => {
    const { actor, standing } = await authorize(caseId, user);
    return rule(actor, standing) ? { masking: await maskings.forLevels(caseId, standing.levels) } : null;
  };

  api.get('/cases/:caseId/chat', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    const allowed = await may(caseId, user, casePermissions.readChat);
    if (!allowed) return respondWithError(c, 403, 'forbidden');
    const unread = (await chat.unread(user.sub, user.agencyId))[caseId] ?? 0;
    return readerJson(c, forReader('chatHistory', { messages: await chat.visibleTo(caseId, user.agencyId), unread }, allowed.masking));
  });

  api.post('/cases/:caseId/chat', validate('param', caseParams), validate('json', postChatRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    const allowed = await may(caseId, user, casePermissions.postChat);
    if (!allowed) return respondWithError(c, 403, 'forbidden');
    const { body, agencyIds } = c.req.valid('json');
    if (agencyIds) {
      const participating = new Set((await sharing.participants(caseId)).map((agency) => agency.id));
      if (agencyIds.some((agencyId) => !participating.has(agencyId))) return respondWithError(c, 400, 'invalid_input');
    }
    const message = await chat.post({ caseId, userId: user.sub, agencyId: user.agencyId, body, ...(agencyIds ? { agencyIds } : {}) });
    await chat.markRead(caseId, user.sub);
    // Every instance makes it for each agency of the case before sending (caseEventHandlers.ts).
    await deliver(message);
    return readerJson(c, forReader('chatMessage', message, allowed.masking), 201);
  });

  api.post('/cases/:caseId/chat/read', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await may(caseId, user, casePermissions.readChat))) return respondWithError(c, 403, 'forbidden');
    await chat.markRead(caseId, user.sub);
    return c.body(null, 204);
  });

  api.get('/chat/unread', async (c) => {
    const user = c.get('user');
    // The counts are per case: an administrator, who has no cases, is not told which exist.
    if (!accountPermissions.listCases(actorOf(user))) return respondWithError(c, 403, 'forbidden');
    return c.json({ unread: await chat.unread(user.sub, user.agencyId) });
  });

  return api;
}
