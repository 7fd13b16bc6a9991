import {
  HocuspocusProviderWebsocket,
  WebSocketStatus,
  type onCloseParameters,
  type onStatusParameters,
} from '@hocuspocus/provider';
import { CloseCode } from '../../model/closeCodes.ts';
import { caseDocumentName, meetingMinutesDocumentName, type CaseId, type CaseSection, type DocumentView, type MeetingId } from '../../model/documentNames.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import type { ReloginReason } from '../session/sessionStore.ts';
import type { AwarenessUser } from './awarenessUser.ts';
import { comparePeople, SectionConnection, type SectionHost } from './sectionConnection.ts';
import { saveStatusSeverity, type PresenceEntry, type SaveStatus } from './types.ts';

export interface CaseCollaborationOptions {
  readonly url: string;
  readonly caseId: CaseId;
  readonly user: AwarenessUser;
  /** Read on every (re)connect, so that a re-login is picked up without new providers. */
  readonly getCollabToken: () => string | null;
  readonly onReloginRequired: (reason: ReloginReason) => void;
  /** The server closed documents because this agency's access changed: ask for it again. */
  readonly onAccessChanged: () => void;
}

/** How a section is opened: which document (source or masked view) and whether for editing. */
export interface SectionOpening {
  readonly view: DocumentView;
  readonly readOnly: boolean;
}

export interface CaseCollaborationSnapshot {
  /** The worst status of the documents open on the page. */
  readonly saveStatus: SaveStatus;
  /** Everyone who has one of those documents open. */
  readonly people: readonly PresenceEntry[];
}

interface OpenSection {
  readonly connection: SectionConnection;
  /** Mounted views using it; at zero it is closed once nothing typed is waiting to be stored. */
  users: number;
}

const initialSnapshot: CaseCollaborationSnapshot = { saveStatus: 'connecting', people: [] };

/**
 * Everything collaborative on one case page: a single socket, shared by the provider of each
 * section document the visible tab needs. The Y.Docs are the only copy of what was typed
 * while the token was being renewed, so token problems pause the socket and never recreate
 * a document or provider.
 */
export class CaseCollaboration implements SectionHost {
  readonly socket: HocuspocusProviderWebsocket;
  readonly user: AwarenessUser;

  private readonly options: CaseCollaborationOptions;
  /** Keyed by document name: a section's source and masked view are different documents. */
  private readonly sections = new Map<string, OpenSection>();
  private readonly listeners = new Set<() => void>();
  private snapshot: CaseCollaborationSnapshot = initialSnapshot;
  private lastSentToken: string | null = null;
  private awaitingNewToken = false;
  private disconnectedOnce = false;
  private accessRequestPending = false;
  private destroyed = false;

  constructor(options: CaseCollaborationOptions) {
    this.options = options;
    this.user = options.user;
    // Connects when the first provider attaches, not before: an open socket without any
    // document is closed by the server after its authentication deadline.
    this.socket = new HocuspocusProviderWebsocket({ url: options.url, autoConnect: false });
    this.socket.on('status', this.handleSocketStatus);
    this.socket.on('close', this.handleSocketClose);
    this.socket.on('disconnect', this.handleSocketDisconnect);
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleSocketStatus);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): CaseCollaborationSnapshot => this.snapshot;

  /** The document a view asks for: a section, or (for a section each meeting has, the minutes) one meeting's. */
  documentName(section: CaseSection, view: DocumentView, meetingId?: MeetingId): string {
    return meetingId !== undefined && sectionDefinitions[section].perMeeting
      ? meetingMinutesDocumentName(this.options.caseId, meetingId, view)
      : caseDocumentName(this.options.caseId, section, view);
  }

  /** Opens (or reuses) a section document; every acquire needs one release. */
  acquire(section: CaseSection, opening: SectionOpening, meetingId?: MeetingId): SectionConnection {
    const name = this.documentName(section, opening.view, meetingId);
    const open = this.sections.get(name);
    // A document closed for an access change cannot be used again; a new one takes its place.
    if (open && !open.connection.isClosed) {
      open.users += 1;
      return open.connection;
    }
    open?.connection.destroy();
    const connection = new SectionConnection(section, opening.view, name, opening.readOnly, this);
    this.sections.set(name, { connection, users: 1 });
    this.ensureSocket();
    this.sectionChanged();
    return connection;
  }

  release(connection: SectionConnection): void {
    for (const open of this.sections.values()) {
      if (open.connection !== connection) continue;
      open.users = Math.max(0, open.users - 1);
    }
    this.closeUnused();
    this.sectionChanged();
  }

  /** Called whenever the session changes; resumes the socket if it was waiting for a login. */
  tokenRefreshed(): void {
    if (this.destroyed || !this.awaitingNewToken) return;
    this.awaitingNewToken = false;
    this.reconnect();
    this.sectionChanged();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleSocketStatus);
    for (const { connection } of this.sections.values()) connection.destroy();
    this.sections.clear();
    this.listeners.clear();
    this.socket.destroy();
  }

  // ---- SectionHost ----------------------------------------------------------------------

  hasDisconnected(): boolean {
    return this.disconnectedOnce;
  }

  token(): string {
    const token = this.options.getCollabToken() ?? '';
    this.lastSentToken = token;
    return token;
  }

  tokenRejected(reason: ReloginReason): void {
    if (this.destroyed || this.awaitingNewToken) return;
    const current = this.options.getCollabToken();
    if (current !== null && current !== this.lastSentToken) {
      // The user logged in again while the old token was still in flight: just use the new one.
      this.reconnect();
      return;
    }
    this.awaitingNewToken = true;
    // Otherwise the socket would retry with the same dead token every second.
    this.socket.disconnect();
    this.options.onReloginRequired(reason);
    this.sectionChanged();
  }

  accessChanged(): void {
    if (this.destroyed) return;
    // Every document closed by one sharing change reports it; one request is enough.
    if (this.accessRequestPending) return;
    this.accessRequestPending = true;
    queueMicrotask(() => {
      this.accessRequestPending = false;
      if (!this.destroyed) this.options.onAccessChanged();
    });
  }

  readonly sectionChanged = (): void => {
    if (this.destroyed) return;
    // Not synchronously: this runs inside the provider's own event handlers.
    if (this.hasUnused()) queueMicrotask(this.closeUnusedAndRefresh);
    let saveStatus: SaveStatus = 'saved';
    const people = new Map<string, PresenceEntry>();
    for (const { connection } of this.sections.values()) {
      if (connection.isClosed) continue;
      const snapshot = connection.getSnapshot();
      if (saveStatusSeverity[snapshot.saveStatus] > saveStatusSeverity[saveStatus]) saveStatus = snapshot.saveStatus;
      for (const person of snapshot.people) if (!people.has(person.id)) people.set(person.id, person);
    }
    const previous = this.snapshot;
    const nextPeople = [...people.values()].sort(comparePeople);
    const samePeople =
      nextPeople.length === previous.people.length &&
      nextPeople.every((person, index) => {
        const other = previous.people[index];
        return (
          other !== undefined &&
          other.id === person.id &&
          other.name === person.name &&
          other.agencyName === person.agencyName &&
          other.color === person.color
        );
      });
    if (previous.saveStatus === saveStatus && samePeople) return;
    this.snapshot = { saveStatus, people: samePeople ? previous.people : nextPeople };
    for (const listener of this.listeners) listener();
  };

  // ---- Socket ---------------------------------------------------------------------------

  private isUnused(open: OpenSection): boolean {
    return open.users === 0 && !open.connection.hasPendingChanges;
  }

  private hasUnused(): boolean {
    for (const open of this.sections.values()) if (this.isUnused(open)) return true;
    return false;
  }

  /** Documents left behind by a tab are closed once what was typed in them is stored. */
  private closeUnused(): void {
    for (const [name, open] of this.sections) {
      if (!this.isUnused(open)) continue;
      this.sections.delete(name);
      open.connection.destroy();
    }
  }

  private readonly closeUnusedAndRefresh = (): void => {
    if (this.destroyed || !this.hasUnused()) return;
    this.closeUnused();
    this.sectionChanged();
  };

  private ensureSocket(): void {
    if (this.destroyed || this.awaitingNewToken) return;
    if (this.socket.status === WebSocketStatus.Disconnected) void this.socket.connect();
  }

  private readonly handleSocketStatus = (_event?: onStatusParameters | Event): void => {
    for (const { connection } of this.sections.values()) connection.socketChanged();
    this.sectionChanged();
  };

  private readonly handleSocketDisconnect = (): void => {
    this.disconnectedOnce = true;
    this.handleSocketStatus();
  };

  private readonly handleSocketClose = ({ event }: onCloseParameters): void => {
    const { code, reason } = event;
    if (code === CloseCode.TokenExpired.code || reason === CloseCode.TokenExpired.reason) {
      this.tokenRejected('expired');
    } else if (code === CloseCode.Unauthorized.code || reason === CloseCode.Unauthorized.reason) {
      this.tokenRejected('rejected');
    }
    this.handleSocketStatus();
  };

  private readonly handleOnline = (): void => {
    // The socket's back-off can reach 30 s; coming back online is the moment to retry.
    if (!this.destroyed && !this.awaitingNewToken && this.socket.status !== WebSocketStatus.Connected) {
      void this.socket.connect();
    }
    this.handleSocketStatus();
  };

  /** Opens a fresh socket so that every provider authenticates again with the current token. */
  private reconnect(): void {
    const socket = this.socket;
    if (socket.status !== WebSocketStatus.Connected || socket.webSocket === null) {
      void socket.connect();
      return;
    }
    // connect() does nothing while the old socket still counts as connected, and the close
    // arrives asynchronously: wait for it, then connect.
    const onStatus = ({ status }: onStatusParameters): void => {
      if (status !== WebSocketStatus.Disconnected) return;
      socket.off('status', onStatus);
      if (!this.destroyed) void socket.connect();
    };
    socket.on('status', onStatus);
    socket.disconnect();
  }
}
