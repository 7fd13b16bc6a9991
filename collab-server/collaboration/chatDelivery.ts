import type { Hocuspocus } from '@hocuspocus/server';
import type { ForReader } from '../../model/access/readerSerializer.ts';
import type { ChatMessage } from '../../model/chat.ts';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import { mayRead } from '../store/chatRepository.ts';
import type { KasaneContext } from './context.ts';

/**
 * Brings a new chat message to the browsers that have the case open and may read it, as a
 * stateless message on one of their open documents of the case (once per socket). An agency the
 * message is not for is never sent a byte of it; each other agency gets the message as the
 * reader serializer made it for that agency (masked where it may not read the household's
 * identity), and an agency for which none was made gets nothing.
 */
export type ChatForAgency = (agencyId: string) => ForReader<ChatMessage> | null;

export function deliverChat(hocuspocus: Hocuspocus, message: ChatMessage, forAgency: ChatForAgency): number {
  const payloads = new Map<string, string | null>();
  const payloadFor = (agencyId: string) => {
    if (!payloads.has(agencyId)) {
      const prepared = forAgency(agencyId);
      payloads.set(agencyId, prepared ? JSON.stringify({ type: 'chat', message: prepared }) : null);
    }
    return payloads.get(agencyId) ?? null;
  };
  const reached = new Set<string>();
  for (const document of hocuspocus.documents.values()) {
    if (parseCaseDocumentName(document.name)?.caseId !== message.caseId) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as KasaneContext | undefined;
      if (!context || reached.has(connection.socketId) || !mayRead(message, context.user.agencyId)) continue;
      const payload = payloadFor(context.user.agencyId);
      if (payload === null) continue;
      reached.add(connection.socketId);
      connection.sendStateless(payload);
    }
  }
  return reached.size;
}
