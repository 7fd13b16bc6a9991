import {
  HocuspocusProvider,
  WebSocketStatus,
  type onAuthenticationFailedParameters,
  type onCloseParameters,
  type onStatusParameters,
} from '@hocuspocus/provider';
import * as Y from 'yjs';
import { CloseCode } from '../../model/closeCodes.ts';
import { caseDocumentName, type CaseId } from '../../model/documentNames.ts';
import type { ReloginReason } from '../session/sessionStore.ts';
import { AWARENESS_USER_FIELD, parseAwarenessUser, type AwarenessUser } from './awarenessUser.ts';

/** What the status line says; see ConnectionStatus for the wording. */
export type SaveStatus = 'connecting' | 'saved' | 'unsaved' | 'offline';

export interface PresenceEntry {
  readonly id: string;
  readonly name: string;
  readonly agencyName: string;
  readonly color: string;
}

export interface CaseDocumentSnapshot {
  readonly saveStatus: SaveStatus;
  readonly people: readonly PresenceEntry[];
  /** The server refused this document to this user (not a token problem). */
  readonly accessDenied: boolean;
  /**
   * The stored document has arrived once. Until then the editor is read-only: text typed
   * into the still-empty document would land above the minutes instead of where intended.
   */
  readonly loaded: boolean;
}

export interface CaseDocumentConnectionOptions {
  readonly url: string;
  readonly caseId: CaseId;
  readonly user: AwarenessUser;
  /** Read on every (re)connect, so that a re-login is picked up without a new provider. */
  readonly getCollabToken: () => string | null;
  readonly onReloginRequired: (reason: ReloginReason) => void;
}

export const initialSnapshot: CaseDocumentSnapshot = {
  saveStatus: 'connecting',
  people: [],
  accessDenied: false,
  loaded: false,
};

/**
 * Owns one case document's Y.Doc and HocuspocusProvider for as long as the page shows it.
 * The Y.Doc is the only copy of text typed while the token is being renewed, so token
 * problems pause the socket and never recreate the doc or the provider.
 */
export class CaseDocumentConnection {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly user: AwarenessUser;

  private readonly options: CaseDocumentConnectionOptions;
  private readonly listeners = new Set<() => void>();
  private snapshot: CaseDocumentSnapshot = initialSnapshot;
  private peopleKey = '';
  private lastSentToken: string | null = null;
  private awaitingNewToken = false;
  private accessDenied = false;
  /** Before the first socket closes, "disconnected" only means the first attempt has not begun. */
  private hasDisconnected = false;
  private destroyed = false;

  constructor(options: CaseDocumentConnectionOptions) {
    this.options = options;
    this.user = options.user;
    this.doc = new Y.Doc();
    this.provider = new HocuspocusProvider({
      url: options.url,
      name: caseDocumentName(options.caseId, 'minutes'),
      document: this.doc,
      token: () => {
        const token = options.getCollabToken() ?? '';
        this.lastSentToken = token;
        return token;
      },
    });
    // Published before the editor exists so the presence list is right from the first sync.
    this.provider.setAwarenessField(AWARENESS_USER_FIELD, this.user);

    // Listeners go on the provider, not in its configuration: configuration callbacks such as
    // onClose are registered on both the provider and its socket and would run twice.
    this.provider.on('status', this.refresh);
    this.provider.on('synced', this.refresh);
    this.provider.on('unsyncedChanges', this.refresh);
    this.provider.on('authenticated', this.refresh);
    this.provider.on('authenticationFailed', this.handleAuthenticationFailed);
    this.provider.on('close', this.handleClose);
    this.provider.on('disconnect', this.handleDisconnect);
    this.provider.awareness?.on('change', this.refresh);
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.refresh);

    this.refresh();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): CaseDocumentSnapshot => this.snapshot;

  /** Called whenever the session changes; resumes the socket if it was waiting for a login. */
  tokenRefreshed(): void {
    if (this.destroyed || !this.awaitingNewToken) return;
    this.awaitingNewToken = false;
    this.reconnect();
    this.refresh();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.refresh);
    this.listeners.clear();
    this.provider.destroy();
    this.doc.destroy();
  }

  private get socket() {
    return this.provider.configuration.websocketProvider;
  }

  private readonly handleAuthenticationFailed = ({ reason }: onAuthenticationFailedParameters): void => {
    if (reason === CloseCode.TokenExpired.reason) this.handleRejectedToken('expired');
    else if (reason === CloseCode.Unauthorized.reason) this.handleRejectedToken('rejected');
    else this.handleAccessDenied();
  };

  private readonly handleClose = ({ event }: onCloseParameters): void => {
    const { code, reason } = event;
    if (code === CloseCode.TokenExpired.code || reason === CloseCode.TokenExpired.reason) {
      this.handleRejectedToken('expired');
    } else if (code === CloseCode.Unauthorized.code || reason === CloseCode.Unauthorized.reason) {
      this.handleRejectedToken('rejected');
    } else if (code === CloseCode.Forbidden.code || reason === CloseCode.Forbidden.reason) {
      this.handleAccessDenied();
    }
    this.refresh();
  };

  private readonly handleDisconnect = (): void => {
    this.hasDisconnected = true;
    this.refresh();
  };

  private handleRejectedToken(reason: ReloginReason): void {
    if (this.destroyed || this.awaitingNewToken) return;
    const current = this.options.getCollabToken();
    if (current !== null && current !== this.lastSentToken) {
      // The user logged in again while the old token was still in flight: just use the new one.
      this.reconnect();
      return;
    }
    this.awaitingNewToken = true;
    // Otherwise the provider would retry with the same dead token every second.
    this.socket.disconnect();
    this.options.onReloginRequired(reason);
    this.refresh();
  }

  private handleAccessDenied(): void {
    if (this.destroyed) return;
    this.accessDenied = true;
    this.socket.disconnect();
    this.refresh();
  }

  private readonly handleOnline = (): void => {
    // The provider's back-off can reach 30 s; coming back online is the moment to retry.
    if (!this.destroyed && !this.awaitingNewToken && !this.accessDenied && this.socket.status !== WebSocketStatus.Connected) {
      void this.socket.connect();
    }
    this.refresh();
  };

  /** Opens a fresh socket so that the provider authenticates again with the current token. */
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

  private readonly refresh = (): void => {
    if (this.destroyed) return;
    const saveStatus = this.computeSaveStatus();
    const people = this.computePeople();
    const peopleKey = people
      .map((person) => [person.id, person.name, person.agencyName, person.color].join('\u0000'))
      .join('\u0001');
    const peopleChanged = peopleKey !== this.peopleKey;
    const previous = this.snapshot;
    const loaded = previous.loaded || this.provider.isSynced;
    if (
      previous.saveStatus === saveStatus &&
      previous.accessDenied === this.accessDenied &&
      previous.loaded === loaded &&
      !peopleChanged
    ) {
      return;
    }
    this.peopleKey = peopleKey;
    // Snapshots are compared by identity (useSyncExternalStore), so unchanged parts are reused.
    this.snapshot = {
      saveStatus,
      accessDenied: this.accessDenied,
      loaded,
      people: peopleChanged ? people : previous.people,
    };
    for (const listener of this.listeners) listener();
  };

  private computeSaveStatus(): SaveStatus {
    const status = this.socket.status;
    if (!navigator.onLine) return 'offline';
    if (status === WebSocketStatus.Disconnected) return this.hasDisconnected ? 'offline' : 'connecting';
    if (status !== WebSocketStatus.Connected || !this.provider.isAuthenticated || !this.provider.isSynced) {
      return 'connecting';
    }
    // The server acknowledges an update only once it is stored, so zero pending means saved.
    return this.provider.hasUnsyncedChanges ? 'unsaved' : 'saved';
  }

  private computePeople(): PresenceEntry[] {
    const byId = new Map<string, PresenceEntry>();
    const states = this.provider.awareness?.getStates() ?? new Map<number, Record<string, unknown>>();
    for (const state of states.values()) {
      const user = parseAwarenessUser(state[AWARENESS_USER_FIELD]);
      // One person with the case open in two tabs is still one person.
      if (user && !byId.has(user.id)) byId.set(user.id, user);
    }
    return [...byId.values()]
      .map(({ id, name, agencyName, color }) => ({ id, name, agencyName, color }))
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'ja') || a.name.localeCompare(b.name, 'ja'));
  }
}
