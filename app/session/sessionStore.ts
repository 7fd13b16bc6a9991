import { sessionSchema, type Session } from '../../model/api.ts';

/**
 * The one place the login session lives. It is kept in sessionStorage only: case records are
 * sensitive, so nothing survives closing the tab and nothing else is written to the device.
 */

const STORAGE_KEY = 'kasane.session';

/** Why the tokens stopped working; the page stays mounted under the re-login dialog meanwhile. */
export type ReloginReason = 'expired' | 'rejected';

export interface SessionState {
  readonly session: Session | null;
  readonly reloginReason: ReloginReason | null;
}

const listeners = new Set<() => void>();

let state: SessionState = { session: readStoredSession(), reloginReason: null };

function readStoredSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    // A shape from an older version of the app cannot be trusted; start from the login screen.
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  } catch {
    return null;
  }
}

function update(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSessionState(): SessionState {
  return state;
}

export function currentSession(): Session | null {
  return state.session;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function setSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  update({ session, reloginReason: null });
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  update({ session: null, reloginReason: null });
}

export function requireRelogin(reason: ReloginReason): void {
  // Without a session the route guard sends the user to /login instead.
  if (state.session === null) return;
  // The first reason is the one the user is told about; later ones add nothing.
  if (state.reloginReason !== null) return;
  update({ session: state.session, reloginReason: reason });
}
