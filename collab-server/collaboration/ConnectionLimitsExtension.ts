import type {
  Extension,
  connectedPayload,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { CloseCode } from '../../model/closeCodes.ts';
import { CollaborationRefusal } from './context.ts';

/** Caps how many documents one websocket may hold open (Hocuspocus caps only pending ones). */
export class ConnectionLimitsExtension implements Extension {
  extensionName = 'kasane-connection-limits';
  private readonly maxDocumentsPerConnection: number;
  private readonly openDocuments = new Map<string, Set<string>>();

  constructor(maxDocumentsPerConnection: number) {
    this.maxDocumentsPerConnection = maxDocumentsPerConnection;
  }

  async onAuthenticate({ socketId, documentName }: onAuthenticatePayload): Promise<void> {
    const open = this.openDocuments.get(socketId);
    if (open && !open.has(documentName) && open.size >= this.maxDocumentsPerConnection) {
      throw new CollaborationRefusal(CloseCode.TooManyDocuments);
    }
  }

  async connected({ socketId, documentName }: connectedPayload): Promise<void> {
    const open = this.openDocuments.get(socketId) ?? new Set<string>();
    open.add(documentName);
    this.openDocuments.set(socketId, open);
  }

  async onDisconnect({ socketId, documentName }: onDisconnectPayload): Promise<void> {
    const open = this.openDocuments.get(socketId);
    open?.delete(documentName);
    if (open?.size === 0) this.openDocuments.delete(socketId);
  }
}
