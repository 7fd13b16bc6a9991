import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { CloseCode } from '../../model/closeCodes.ts';
import { CollaborationRefusal, type KasaneContext } from './context.ts';

/**
 * A token is checked when a document is opened; this keeps an open document from
 * outliving it. The refused message is neither applied nor acknowledged, so the client
 * keeps it and sends it again once its user has logged in anew.
 */
export class TokenExpiryExtension implements Extension {
  extensionName = 'kasane-token-expiry';

  async beforeHandleMessage({ context, connection }: beforeHandleMessagePayload): Promise<void> {
    const { tokenExpiresAt } = context as KasaneContext;
    if (tokenExpiresAt * 1000 <= Date.now()) {
      // Closing the socket, not only this document, makes the provider reconnect and
      // present its current token: a fresh one if its user has logged in again, or else
      // it hears 'token-expired' as an authentication failure and can ask them to.
      connection.webSocket.close(CloseCode.TokenExpired.code, CloseCode.TokenExpired.reason);
      throw new CollaborationRefusal(CloseCode.TokenExpired);
    }
  }
}
