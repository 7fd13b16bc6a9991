import { chatHistorySchema, chatMessageSchema, unreadCountsSchema, type ChatMessage } from '../../model/chat.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { authorizedJson, authorizedResponse } from './apiClient.ts';

const chatPath = (caseId: CaseId) => `/api/cases/${encodeURIComponent(caseId)}/chat`;

export interface ChatHistory {
  readonly messages: readonly ChatMessage[];
  readonly unread: number;
}

/** Only the messages this agency may read. */
export function getChat(caseId: CaseId, signal?: AbortSignal): Promise<ChatHistory> {
  return authorizedJson({ method: 'GET', path: chatPath(caseId), signal }, chatHistorySchema);
}

/** `agencyIds` limits who reads it (the writer's agency is added by the server); omit for everyone. */
export function postChat(caseId: CaseId, body: string, agencyIds?: readonly string[]): Promise<ChatMessage> {
  return authorizedJson(
    { method: 'POST', path: chatPath(caseId), body: agencyIds ? { body, agencyIds } : { body } },
    chatMessageSchema,
  );
}

export async function markChatRead(caseId: CaseId): Promise<void> {
  await authorizedResponse({ method: 'POST', path: `${chatPath(caseId)}/read` });
}

/** Unread messages per case id; cases without any are left out. */
export async function getUnreadCounts(signal?: AbortSignal): Promise<Readonly<Record<string, number>>> {
  return (await authorizedJson({ method: 'GET', path: '/api/chat/unread', signal }, unreadCountsSchema)).unread;
}
