import type { AccessLevel } from '../../model/access/accessLevels.ts';
import type { CaseSection, DocumentView } from '../../model/documentNames.ts';

/** What `onAuthenticate` establishes for one document on one connection. */
export interface KasaneContext {
  user: {
    id: string;
    name: string;
    agencyId: string;
    agencyName: string;
  };
  caseId: string;
  section: CaseSection;
  view: DocumentView;
  /** The agency's level for this section when the document was opened. */
  level: AccessLevel;
  /** Seconds since the epoch; the connection is closed once this passes. */
  tokenExpiresAt: number;
}

/** Thrown from hooks: Hocuspocus sends `reason` to the client and closes with `code`. */
export class CollaborationRefusal extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(close: { code: number; reason: string }) {
    super(close.reason);
    this.code = close.code;
    this.reason = close.reason;
  }
}
