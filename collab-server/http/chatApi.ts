import { Hono } from 'hono';
import { z } from 'zod';
import { postChatRequestSchema, type ChatMessage } from '../../model/chat.ts';
import { caseIdSchema } from '../../model/documentNames.ts';
import { forReader } from '../../model/access/readerSerializer.ts';
import type { Database } from '../db/database.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { readerJson } from './readerJson.ts';
import { ChatRepository } from '../store/chatRepository.ts';
import { respondWithError } from './apiError.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

const caseParams = z.object({ caseId: caseIdSchema });

/** チャット: history filtered by the reader's agency, posting, and unread counts. */
export function createChatApi(database: Database, deliver: (message: ChatMessage) => Promise<void>): Hono<AuthenticatedEnv> {
  const chat = new ChatRepository(database);
  const access = new AccessRepository(database);
  const maskings = new ReaderMaskings(database);
  const api = new Hono<AuthenticatedEnv>();
  const maskingOf = async (caseId: string, agencyId: string) => maskings.forLevels(caseId, await access.forAgency(caseId, agencyId));

  const takesPart = async (caseId: string, agencyId: string) =>
    (await database.query('select 1 from case_agencies where case_id = $1 and agency_id = $2', [caseId, agencyId])).rows.length > 0;

  api.get('/cases/:caseId/chat', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await takesPart(caseId, user.agencyId))) return respondWithError(c, 403, 'forbidden');
    const unread = (await chat.unread(user.sub, user.agencyId))[caseId] ?? 0;
    return readerJson(c, forReader('chatHistory', { messages: await chat.visibleTo(caseId, user.agencyId), unread }, await maskingOf(caseId, user.agencyId)));
  });

  api.post('/cases/:caseId/chat', validate('param', caseParams), validate('json', postChatRequestSchema), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await takesPart(caseId, user.agencyId))) return respondWithError(c, 403, 'forbidden');
    const { body, agencyIds } = c.req.valid('json');
    if (agencyIds) {
      const { rows } = await database.query<{ agency_id: string }>('select agency_id from case_agencies where case_id = $1', [caseId]);
      const participating = new Set(rows.map((row) => row.agency_id));
      if (agencyIds.some((agencyId) => !participating.has(agencyId))) return respondWithError(c, 400, 'invalid_input');
    }
    const message = await chat.post({ caseId, userId: user.sub, agencyId: user.agencyId, body, ...(agencyIds ? { agencyIds } : {}) });
    await chat.markRead(caseId, user.sub);
    // Every instance makes it for each agency of the case before sending (caseEventHandlers.ts).
    await deliver(message);
    return readerJson(c, forReader('chatMessage', message, await maskingOf(caseId, user.agencyId)), 201);
  });

  api.post('/cases/:caseId/chat/read', validate('param', caseParams), async (c) => {
    const { caseId } = c.req.valid('param');
    const user = c.get('user');
    if (!(await takesPart(caseId, user.agencyId))) return respondWithError(c, 403, 'forbidden');
    await chat.markRead(caseId, user.sub);
    return c.body(null, 204);
  });

  api.get('/chat/unread', async (c) => {
    const user = c.get('user');
    return c.json({ unread: await chat.unread(user.sub, user.agencyId) });
  });

  return api;
}
