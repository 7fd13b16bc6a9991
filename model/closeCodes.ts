/**
 * Close codes and authentication-failure reasons the collaboration server sends.
 * Shared so that the app can say in Japanese what happened and what to do.
 * 4000–4499 are application codes (RFC 6455 leaves them to us).
 */
export const CloseCode = {
  /** The token was missing, forged, of the wrong type or audience. */
  Unauthorized: { code: 4401, reason: 'unauthorized' },
  /** The token was valid but has expired: log in again, typed text is kept in memory. */
  TokenExpired: { code: 4402, reason: 'token-expired' },
  /** The user's agency does not take part in this case, or the document does not exist. */
  Forbidden: { code: 4403, reason: 'forbidden' },
  /** No document was authenticated in time after the socket opened. */
  AuthenticationTimeout: { code: 4408, reason: 'authentication-timeout' },
  /** Too many documents open on one connection. */
  TooManyDocuments: { code: 4429, reason: 'too-many-documents' },
  /** The case's sharing changed for this agency: ask for the access again and reopen. */
  AccessChanged: { code: 4409, reason: 'access-changed' },
  /** The 支援会議 was closed: its minutes are kept as they were, open them again read-only. */
  MeetingClosed: { code: 4410, reason: 'meeting-closed' },
  /** An update was refused (too large or malformed). */
  InvalidUpdate: { code: 4400, reason: 'invalid-update' },
} as const satisfies Record<string, { code: number; reason: string }>;

export type CloseReason = (typeof CloseCode)[keyof typeof CloseCode]['reason'];

export function isCloseReason(value: unknown): value is CloseReason {
  return Object.values(CloseCode).some((entry) => entry.reason === value);
}
