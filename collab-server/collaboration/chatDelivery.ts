import type { Hocuspocus } from '@hocuspocus/server';
import type { ChatMessage } from '../../model/chat.ts';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import { mayRead } from '../store/chatRepository.ts';
import type { KasaneContext } from './context.ts';

/**
 * Brings a new chat message to the browsers that have the case open and may read it, as a
 * stateless message on one of their open documents of the case (once per socket). An agency the
 * message is not for is never sent a byte of it.
 */
export function deliverChat(hocuspocus: Hocuspocus, message: ChatMessage): number {
  const payload = JSON.stringify({ type: 'chat', message });
  const reached = new Set<string>();
  for (const document of hocuspocus.documents.values()) {
    if (parseCaseDocumentName(document.name)?.caseId !== message.caseId) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as KasaneContext | undefined;
      if (!context || reached.has(connection.socketId) || !mayRead(message, context.user.agencyId)) continue;
      reached.add(connection.socketId);
      connection.sendStateless(payload);
    }
  }
  return reached.size;
}
