import type { Server as HttpServer } from 'node:http';
import type { Extension, Hocuspocus, WebSocketLike, connectedPayload } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import { CloseCode } from '../../model/closeCodes.ts';

export const COLLABORATION_PATH = '/collaboration';

export interface CollaborationSocketOptions {
  maxMessageBytes: number;
  authenticationDeadlineMs: number;
}

/**
 * Closes sockets that have not authenticated a document in time. Hocuspocus' own pre-auth
 * deadline equals its idle timeout, which must stay long for idle editors.
 */
export class AuthenticationDeadline implements Extension {
  extensionName = 'kasane-authentication-deadline';
  readonly authenticated = new WeakSet<Request>();

  async connected({ request }: connectedPayload): Promise<void> {
    this.authenticated.add(request);
  }
}

/** The client address of each websocket's request, for the 監査ログ. */
export class ConnectionAddresses {
  private readonly addresses = new WeakMap<Request, string>();

  remember(request: Request, address: string | undefined): void {
    if (address) this.addresses.set(request, address);
  }

  addressOf = (request: Request): string | null => this.addresses.get(request) ?? null;
}

/** Serves Hocuspocus on our own HTTP server (which also serves the API and the app). */
export function attachCollaborationSocket(
  httpServer: HttpServer,
  hocuspocus: Hocuspocus,
  deadline: AuthenticationDeadline,
  addresses: ConnectionAddresses,
  options: CollaborationSocketOptions,
): { closeAll(): void } {
  type Attached = { handleMessage(data: Uint8Array): void; handleClose(event: { code: number; reason: string }): void };
  const clients = new WeakMap<object, Attached>();
  // Upgraded sockets leave the HTTP server's own bookkeeping: without this, closing the server
  // would wait for every open browser tab to go away by itself.
  const peers = new Set<{ close(code?: number, reason?: string): void }>();
  const websocket = crossws({
    serverOptions: { maxPayload: options.maxMessageBytes },
    hooks: {
      open(peer) {
        peers.add(peer);
        const request = peer.request as Request;
        addresses.remember(request, peer.remoteAddress);
        clients.set(peer, hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, request));
        const timer = setTimeout(() => {
          if (!deadline.authenticated.has(request)) {
            peer.close(CloseCode.AuthenticationTimeout.code, CloseCode.AuthenticationTimeout.reason);
          }
        }, options.authenticationDeadlineMs);
        timer.unref();
      },
      message(peer, message) {
        clients.get(peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        peers.delete(peer);
        clients.get(peer)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        clients.delete(peer);
      },
    },
  });
  httpServer.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname !== COLLABORATION_PATH) {
      socket.destroy();
      return;
    }
    void websocket.handleUpgrade(request, socket, head);
  });
  return {
    closeAll() {
      // 1012 (service restart): the browsers reconnect by themselves and send what is unsaved.
      for (const peer of peers) peer.close(1012, 'server-restart');
      peers.clear();
    },
  };
}
