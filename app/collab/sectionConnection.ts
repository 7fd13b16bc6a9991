import {
  HocuspocusProvider,
  WebSocketStatus,
  type HocuspocusProviderWebsocket,
  type onAuthenticationFailedParameters,
  type onCloseParameters,
  type onStatelessParameters,
} from '@hocuspocus/provider';
import * as Y from 'yjs';
import { CloseCode } from '../../model/closeCodes.ts';
import type { CaseSection, DocumentView } from '../../model/documentNames.ts';
import type { ReloginReason } from '../session/sessionStore.ts';
import {
  AWARENESS_EDITING_FIELD,
  AWARENESS_USER_FIELD,
  parseAwarenessEditing,
  parseAwarenessUser,
  type AwarenessUser,
} from './awarenessUser.ts';
import { parseMaskedViewEpoch, parseUpdateRefusal } from './statelessMessages.ts';
import type { PresenceEntry, SaveStatus } from './types.ts';

/** What a section's document shares with the other documents of the case page. */
export interface SectionHost {
  readonly socket: HocuspocusProviderWebsocket;
  readonly user: AwarenessUser;
  /** Before the socket first closes, "disconnected" only means the first attempt has not begun. */
  hasDisconnected(): boolean;
  /** Read on every authentication, so that a re-login is picked up without a new provider. */
  token(): string;
  tokenRejected(reason: ReloginReason): void;
  /** The server closed a document because this agency's access to it changed. */
  accessChanged(): void;
  sectionChanged(): void;
}

export interface SectionSnapshot {
  /**
   * Replaced when the server refused a change and the document is read again, and when a
   * masked view was derived anew on the server.
   */
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly saveStatus: SaveStatus;
  /**
   * The stored document has arrived once. Until then fields are read-only: a value written
   * into the still-empty document would create a second Y.Text or Y.Map where the stored
   * one already is, and one of the two would be lost.
   */
  readonly loaded: boolean;
  /** The server refused this document to this user (not a token problem). */
  readonly accessDenied: boolean;
  /** Opened for reading only (閲覧 or マスキング閲覧): fields must not accept typing. */
  readonly readOnly: boolean;
  /**
   * The agency's access changed while the document was open; the page asks for its access
   * again and opens what it may now see.
   */
  readonly accessChanged: boolean;
  /** The server refused a change; the document was read again and that change is gone. */
  readonly reloadedAfterRefusal: boolean;
  /** What the server said was wrong with it (Japanese, from its `update-refused` message). */
  readonly refusalProblems: readonly string[];
  readonly people: readonly PresenceEntry[];
}

const noEditors: readonly PresenceEntry[] = [];
const REOPEN_MIN_DELAY_MS = 1_000;
const REOPEN_MAX_DELAY_MS = 30_000;

/**
 * One section document of the case (Y.Doc + HocuspocusProvider) on the page's shared socket.
 * Each provider gets its own routing key (sessionAwareness): after the server closes a
 * document, messages the old provider had already sent wait on the server under the old
 * key, and must not be replayed into the new provider's session.
 */
export class SectionConnection {
  readonly section: CaseSection;
  readonly view: DocumentView;
  readonly documentName: string;
  private readonly readOnlyByAccess: boolean;
  private readonly host: SectionHost;
  private readonly listeners = new Set<() => void>();
  private doc: Y.Doc;
  private provider: HocuspocusProvider;
  private snapshot: SectionSnapshot;
  private peopleKey = '';
  private editors = new Map<string, readonly PresenceEntry[]>();
  private editorsKey = '';
  private editing: string | null = null;
  private accessDenied = false;
  private closedForAccessChange = false;
  private reloadedAfterRefusal = false;
  private refusalProblems: readonly string[] = [];
  private localChangesPending = false;
  /**
   * For a masked view: which derivation of it on the server this Y.Doc holds (null until the
   * server has said). Another derivation is an unrelated document that must not be merged in.
   */
  private viewEpoch: string | null = null;
  private reopenDelayMs = REOPEN_MIN_DELAY_MS;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(section: CaseSection, view: DocumentView, documentName: string, readOnly: boolean, host: SectionHost) {
    this.section = section;
    this.view = view;
    this.documentName = documentName;
    this.readOnlyByAccess = readOnly;
    this.host = host;
    this.doc = new Y.Doc();
    this.doc.on('update', this.handleDocUpdate);
    this.provider = this.createProvider();
    this.snapshot = {
      doc: this.doc,
      provider: this.provider,
      saveStatus: 'connecting',
      loaded: false,
      accessDenied: false,
      readOnly: readOnly,
      accessChanged: false,
      reloadedAfterRefusal: false,
      refusalProblems: [],
      people: [],
    };
    this.refresh();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): SectionSnapshot => this.snapshot;

  /** Other people whose focus is in the field at `path`; the same array until that changes. */
  readonly editorsAt = (path: string): readonly PresenceEntry[] => this.editors.get(path) ?? noEditors;

  /** Typed here but not yet stored: such a document stays open after its tab is left. */
  get hasPendingChanges(): boolean {
    return this.localChangesPending && !this.accessDenied && !this.closedForAccessChange && !this.destroyed;
  }

  /** Nothing to save and nothing to show: left out of the page's status. */
  get isClosed(): boolean {
    return this.accessDenied || this.closedForAccessChange;
  }

  setEditing(path: string | null): void {
    if (this.destroyed || this.editing === path) return;
    this.editing = path;
    this.provider.setAwarenessField(AWARENESS_EDITING_FIELD, path);
  }

  /** Only if the focus is still in that field: blur of one field may come after focus of the next. */
  clearEditing(path: string): void {
    if (this.editing === path) this.setEditing(null);
  }

  dismissRefusalNotice(): void {
    if (!this.reloadedAfterRefusal) return;
    this.reloadedAfterRefusal = false;
    this.refusalProblems = [];
    this.refresh();
  }

  /** The socket's status changed; every provider hears it, but only once per page is enough. */
  socketChanged(): void {
    this.refresh();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.reopenTimer);
    this.listeners.clear();
    this.disposeProvider(this.provider);
    this.doc.off('update', this.handleDocUpdate);
    this.doc.destroy();
  }

  private createProvider(): HocuspocusProvider {
    const provider = new HocuspocusProvider({
      websocketProvider: this.host.socket,
      name: this.documentName,
      document: this.doc,
      sessionAwareness: true,
      token: () => this.host.token(),
    });
    // Published before any field exists so the presence list is right from the first sync.
    provider.setAwarenessField(AWARENESS_USER_FIELD, this.host.user);
    provider.setAwarenessField(AWARENESS_EDITING_FIELD, this.editing);
    // Listeners go on the provider, not in its configuration: configuration callbacks such as
    // onClose are registered on both the provider and the socket and would run twice.
    provider.on('synced', this.refresh);
    provider.on('unsyncedChanges', this.refresh);
    provider.on('authenticated', this.handleAuthenticated);
    provider.on('authenticationFailed', this.handleAuthenticationFailed);
    provider.on('close', this.handleClose);
    provider.on('stateless', this.handleStateless);
    provider.awareness?.on('change', this.refresh);
    provider.attach();
    return provider;
  }

  private disposeProvider(provider: HocuspocusProvider): void {
    provider.off('synced', this.refresh);
    provider.off('unsyncedChanges', this.refresh);
    provider.off('authenticated', this.handleAuthenticated);
    provider.off('authenticationFailed', this.handleAuthenticationFailed);
    provider.off('close', this.handleClose);
    provider.off('stateless', this.handleStateless);
    provider.awareness?.off('change', this.refresh);
    provider.destroy();
  }

  private readonly handleDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin !== this.provider) this.localChangesPending = true;
  };

  private readonly handleAuthenticated = (): void => {
    this.reopenDelayMs = REOPEN_MIN_DELAY_MS;
    this.refresh();
  };

  private readonly handleAuthenticationFailed = ({ reason }: onAuthenticationFailedParameters): void => {
    if (reason === CloseCode.TokenExpired.reason) this.host.tokenRejected('expired');
    else if (reason === CloseCode.Unauthorized.reason) this.host.tokenRejected('rejected');
    else if (reason === CloseCode.TooManyDocuments.reason) this.scheduleReopen();
    else this.denyAccess();
    this.refresh();
  };

  private readonly handleClose = ({ event }: onCloseParameters): void => {
    // The socket's own close reaches every provider too; the page handles that once. While
    // the socket is still up, this close is the server ending just this document.
    if (this.host.socket.status !== WebSocketStatus.Connected) {
      this.refresh();
      return;
    }
    const { reason } = event;
    if (reason === CloseCode.InvalidUpdate.reason) this.reloadAfterRefusal();
    else if (reason === CloseCode.AccessChanged.reason) this.closeForAccessChange();
    else if (reason === CloseCode.MeetingClosed.reason) this.reloadAfterMeetingClosed();
    else if (reason === CloseCode.Forbidden.reason) this.denyAccess();
    else if (reason === CloseCode.TokenExpired.reason) this.host.tokenRejected('expired');
    else if (reason === CloseCode.Unauthorized.reason) this.host.tokenRejected('rejected');
    else this.scheduleReopen();
    this.refresh();
  };

  /**
   * The server names its masked view's derivation before it sends any of its content. Another
   * name than this Y.Doc's means the view was derived anew (reloaded, restarted, another
   * instance): start from a fresh Y.Doc. Nothing typed can be lost, a masked view is read-only.
   */
  private readonly handleStateless = ({ payload }: onStatelessParameters): void => {
    if (this.destroyed) return;
    // Sent right before the server closes the document for an invalid update: kept for the notice.
    const problems = parseUpdateRefusal(payload);
    if (problems !== null) {
      this.refusalProblems = problems;
      this.refresh();
      return;
    }
    if (this.view !== 'masked') return;
    const epoch = parseMaskedViewEpoch(payload);
    if (epoch === null || epoch === this.viewEpoch) return;
    // Content that came without an epoch (a server before this message) is of unknown origin too.
    if (this.viewEpoch === null && this.doc.store.clients.size === 0) {
      this.viewEpoch = epoch;
      return;
    }
    clearTimeout(this.reopenTimer);
    // The fresh provider is attached before the stale one is destroyed, so that its request
    // for the view is already on the wire when the server sees the stale one leave it.
    const stale = { doc: this.doc, provider: this.provider };
    stale.doc.off('update', this.handleDocUpdate);
    this.doc = new Y.Doc();
    this.doc.on('update', this.handleDocUpdate);
    this.viewEpoch = null;
    this.provider = this.createProvider();
    this.disposeProvider(stale.provider);
    stale.doc.destroy();
    this.refresh();
  };

  private denyAccess(): void {
    if (this.destroyed || this.accessDenied) return;
    this.accessDenied = true;
    clearTimeout(this.reopenTimer);
    // Without a provider nothing more is sent for a document the server will not accept.
    this.provider.detach();
  }

  private closeForAccessChange(): void {
    if (this.destroyed || this.closedForAccessChange) return;
    this.closedForAccessChange = true;
    clearTimeout(this.reopenTimer);
    this.disposeProvider(this.provider);
    this.host.accessChanged();
  }

  /**
   * The server refused an update and closed the document. This Y.Doc holds the refused
   * change, so syncing it again would only be refused again: start over from the server's copy.
   */
  private reloadAfterRefusal(): void {
    if (this.destroyed) return;
    clearTimeout(this.reopenTimer);
    this.disposeProvider(this.provider);
    this.startOver();
    this.reloadedAfterRefusal = true;
  }

  /**
   * The 支援会議 was closed: its minutes are now read-only for everyone. What this page typed
   * after the close was not stored, so it starts over from the server's copy rather than keep
   * showing text nobody else has. A moment's wait lets the close be committed before reopening.
   */
  private reloadAfterMeetingClosed(): void {
    if (this.destroyed) return;
    clearTimeout(this.reopenTimer);
    this.disposeProvider(this.provider);
    this.reopenTimer = setTimeout(() => {
      if (this.destroyed || this.isClosed) return;
      this.startOver();
      this.refresh();
    }, REOPEN_MIN_DELAY_MS);
  }

  private startOver(): void {
    this.doc.off('update', this.handleDocUpdate);
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.doc.on('update', this.handleDocUpdate);
    this.localChangesPending = false;
    this.viewEpoch = null;
    this.provider = this.createProvider();
  }

  /** The document was closed for a passing reason: open it again, keeping what was typed. */
  private scheduleReopen(): void {
    if (this.destroyed || this.isClosed) return;
    clearTimeout(this.reopenTimer);
    // Stop the closed provider now: anything it sent would pile up unanswered on the server.
    this.disposeProvider(this.provider);
    const delay = this.reopenDelayMs;
    this.reopenDelayMs = Math.min(this.reopenDelayMs * 2, REOPEN_MAX_DELAY_MS);
    this.reopenTimer = setTimeout(() => {
      if (this.destroyed || this.isClosed) return;
      this.provider = this.createProvider();
      this.refresh();
    }, delay);
  }

  private readonly refresh = (): void => {
    if (this.destroyed) return;
    const saveStatus = this.computeSaveStatus();
    if (saveStatus === 'saved') this.localChangesPending = false;
    const people = this.computePeople();
    const peopleKey = people
      .map((person) => [person.id, person.name, person.agencyName, person.color].join('\u0000'))
      .join('\u0001');
    const peopleChanged = peopleKey !== this.peopleKey;
    const editorsChanged = this.computeEditors();
    const previous = this.snapshot;
    const loaded = (previous.loaded && previous.doc === this.doc) || this.provider.isSynced;
    const readOnly = this.readOnlyByAccess || this.provider.authorizedScope === 'readonly';
    if (
      previous.doc === this.doc &&
      previous.provider === this.provider &&
      previous.saveStatus === saveStatus &&
      previous.accessDenied === this.accessDenied &&
      previous.readOnly === readOnly &&
      previous.accessChanged === this.closedForAccessChange &&
      previous.reloadedAfterRefusal === this.reloadedAfterRefusal &&
      previous.refusalProblems === this.refusalProblems &&
      previous.loaded === loaded &&
      !peopleChanged &&
      !editorsChanged
    ) {
      return;
    }
    this.peopleKey = peopleKey;
    // Snapshots are compared by identity (useSyncExternalStore), so unchanged parts are reused.
    this.snapshot = {
      doc: this.doc,
      provider: this.provider,
      saveStatus,
      loaded,
      accessDenied: this.accessDenied,
      readOnly,
      accessChanged: this.closedForAccessChange,
      reloadedAfterRefusal: this.reloadedAfterRefusal,
      refusalProblems: this.refusalProblems,
      people: peopleChanged ? people : previous.people,
    };
    for (const listener of this.listeners) listener();
    this.host.sectionChanged();
  };

  private computeSaveStatus(): SaveStatus {
    if (!navigator.onLine) return 'offline';
    const status = this.host.socket.status;
    if (status === WebSocketStatus.Disconnected) return this.host.hasDisconnected() ? 'offline' : 'connecting';
    if (status !== WebSocketStatus.Connected || !this.provider.isAttached) return 'connecting';
    if (!this.provider.isAuthenticated || !this.provider.isSynced) return 'connecting';
    // The server acknowledges an update only once it is stored, so zero pending means saved.
    return this.provider.hasUnsyncedChanges ? 'unsaved' : 'saved';
  }

  private awarenessStates(): Map<number, Record<string, unknown>> {
    return this.provider.awareness?.getStates() ?? new Map<number, Record<string, unknown>>();
  }

  private computePeople(): PresenceEntry[] {
    const byId = new Map<string, PresenceEntry>();
    for (const state of this.awarenessStates().values()) {
      const user = parseAwarenessUser(state[AWARENESS_USER_FIELD]);
      // One person with the case open in two tabs is still one person.
      if (user && !byId.has(user.id)) byId.set(user.id, user);
    }
    return [...byId.values()]
      .map(({ id, name, agencyName, color }) => ({ id, name, agencyName, color }))
      .sort(comparePeople);
  }

  /** Returns whether the map of who edits which field changed. */
  private computeEditors(): boolean {
    const byPath = new Map<string, Map<string, PresenceEntry>>();
    for (const state of this.awarenessStates().values()) {
      const user = parseAwarenessUser(state[AWARENESS_USER_FIELD]);
      const path = parseAwarenessEditing(state[AWARENESS_EDITING_FIELD]);
      // My own focus (in this or another browser tab) is no news to me.
      if (!user || path === null || user.id === this.host.user.id) continue;
      const people = byPath.get(path) ?? new Map<string, PresenceEntry>();
      const { id, name, agencyName, color } = user;
      people.set(id, { id, name, agencyName, color });
      byPath.set(path, people);
    }
    const next = new Map<string, readonly PresenceEntry[]>();
    for (const [path, people] of byPath) next.set(path, [...people.values()].sort(comparePeople));
    const key = [...next.entries()]
      .map(([path, people]) => `${path}\u0000${people.map((person) => person.id).join(',')}`)
      .sort()
      .join('\u0001');
    if (key === this.editorsKey) return false;
    this.editorsKey = key;
    // Entries for paths whose editors did not change keep their identity, so unaffected
    // fields do not re-render.
    for (const [path, people] of next) {
      const previous = this.editors.get(path);
      if (previous && previous.map((person) => person.id).join(',') === people.map((person) => person.id).join(',')) {
        next.set(path, previous);
      }
    }
    this.editors = next;
    return true;
  }
}

export function comparePeople(a: PresenceEntry, b: PresenceEntry): number {
  return a.agencyName.localeCompare(b.agencyName, 'ja') || a.name.localeCompare(b.name, 'ja');
}
