import type { CaseSection, DocumentView } from '../documentNames.ts';
import { caseSections } from '../documentNames.ts';
import { grantedLevel, openingMode, type AccessLevel, type AgencyAccess } from './accessLevels.ts';

/**
 * The one permission rule per action on a case. The HTTP API and the collaboration server both
 * ask these functions and nothing else, so "who may do what" is written once. Pure: the
 * caller reads the facts (token claims, the case's participation and sharing) and passes them in.
 */

export type UserRole = 'worker' | 'admin';

/** Who asks, from the verified token only. */
export interface CaseActor {
  readonly role: UserRole;
  readonly agencyId: string;
}

/** What the server knows of one agency's part in one case, read from PostgreSQL. */
export interface CaseStanding {
  /** The agency is one of the case's participating agencies (参加機関). */
  readonly participates: boolean;
  /** The agency is the case's 主担当 or a 多機関協働事業者: it decides the sharing. */
  readonly coordinates: boolean;
  /** The agency's access per section; sections not listed are hidden. */
  readonly levels: AgencyAccess;
}

/** A standing with no part in the case, for a case that does not exist or an unknown agency. */
export const noStanding: CaseStanding = { participates: false, coordinates: false, levels: {} };

/**
 * 参加: the only definition of taking part in a case. The municipal administrator administers
 * and audits; whatever agency the account belongs to, it never takes part in a case.
 */
export function takesPart(actor: CaseActor, standing: CaseStanding): boolean {
  return actor.role === 'worker' && standing.participates;
}

/** The level this actor gets for a section: hidden unless it takes part. */
export function effectiveLevel(actor: CaseActor, standing: CaseStanding, section: CaseSection): AccessLevel {
  return takesPart(actor, standing) ? grantedLevel(standing.levels, section) : 'hidden';
}

const levels = (actor: CaseActor, standing: CaseStanding): AccessLevel[] =>
  caseSections.map((section) => effectiveLevel(actor, standing, section));

/** Edits no section at all (閲覧のみ): such an agency reads, it does not change the record. */
const readOnly = (actor: CaseActor, standing: CaseStanding) => !levels(actor, standing).includes('edit');
/**
 * A masked agency (マスキング閲覧 in some section): it does not see the record a version, a
 * meeting or a restore is about, so it manages none of them.
 */
const masked = (actor: CaseActor, standing: CaseStanding) => levels(actor, standing).includes('masked');

export const casePermissions = {
  /** The case in the case list, its summary, search by it. */
  list: (actor: CaseActor, standing: CaseStanding) => takesPart(actor, standing),
  /** Opening one document of the case (source or masked view): refused, read-only or read-write. */
  open: (actor: CaseActor, standing: CaseStanding, section: CaseSection, view: DocumentView) =>
    openingMode(effectiveLevel(actor, standing, section), view),
  /** Reading a section in any form (live, a revision, a comparison), masked where its level says so. */
  read: (actor: CaseActor, standing: CaseStanding, section: CaseSection) => effectiveLevel(actor, standing, section) !== 'hidden',
  edit: (actor: CaseActor, standing: CaseStanding, section: CaseSection) => effectiveLevel(actor, standing, section) === 'edit',
  /** 共有設定: who takes part, levels, consent, 支援会議 basis. */
  manageSharing: (actor: CaseActor, standing: CaseStanding) => takesPart(actor, standing) && standing.coordinates,
  /** The case's history: the timeline shows only the sections the agency may read. */
  readHistory: (actor: CaseActor, standing: CaseStanding) => levels(actor, standing).some((level) => level !== 'hidden'),
  /**
   * 復元: writes an old state as a new change, so it is editing the section; and it works from
   * the record's history, which a masked agency does not see whole.
   */
  restore: (actor: CaseActor, standing: CaseStanding, section: CaseSection) =>
    effectiveLevel(actor, standing, section) === 'edit' && !masked(actor, standing),
  /** A named version names the whole record: only an agency that edits it and sees none of it masked. */
  nameVersions: (actor: CaseActor, standing: CaseStanding) =>
    takesPart(actor, standing) && !readOnly(actor, standing) && !masked(actor, standing),
  /**
   * The list and records of the case's 支援会議 (agenda, decisions, who is present): they come
   * from the minutes, so they go to whoever may read the minutes (masked where those are).
   */
  readMeetings: (actor: CaseActor, standing: CaseStanding) => effectiveLevel(actor, standing, 'minutes') !== 'hidden',
  /**
   * Creating, starting and closing a meeting: its minutes are governed like the case's minutes,
   * so only an agency that edits those, and closing names a version of the record, so not a
   * masked agency.
   */
  manageMeetings: (actor: CaseActor, standing: CaseStanding) =>
    effectiveLevel(actor, standing, 'minutes') === 'edit' && !masked(actor, standing),
  /**
   * Turning a line of the minutes into a plan row or a task edits that section and adds to the
   * meeting's record, so it needs both.
   */
  writeDecision: (actor: CaseActor, standing: CaseStanding, target: 'plan' | 'progress-log') =>
    effectiveLevel(actor, standing, target) === 'edit' && casePermissions.manageMeetings(actor, standing),
  /** 印刷: what the agency reads (the masked view for マスキング閲覧), recorded first. */
  print: (actor: CaseActor, standing: CaseStanding, section: CaseSection) => effectiveLevel(actor, standing, section) !== 'hidden',
  /** A file (SVG, PNG) made from what the agency reads. */
  export: (actor: CaseActor, standing: CaseStanding, section: CaseSection) => effectiveLevel(actor, standing, section) !== 'hidden',
  /** 時点保存 of the ecomap changes what the map's history offers: drawing on it. */
  saveEcomapSnapshot: (actor: CaseActor, standing: CaseStanding) => effectiveLevel(actor, standing, 'ecomap') === 'edit',
  readChat: (actor: CaseActor, standing: CaseStanding) => takesPart(actor, standing),
  postChat: (actor: CaseActor, standing: CaseStanding) => takesPart(actor, standing),
} as const;

/** Actions outside any one case. */
export const accountPermissions = {
  /** The case list (and 未読 counts, which name cases). Administrators have no cases. */
  listCases: (actor: CaseActor) => actor.role === 'worker',
  /** A new case, with the creating agency as its 主担当. */
  createCase: (actor: CaseActor) => actor.role === 'worker',
  /** 監査ログ: search, CSV, tamper check. */
  readAudit: (actor: CaseActor) => actor.role === 'admin',
} as const;

/** The screen a user starts on: administrators have no case list. */
export function homePath(role: UserRole): '/cases' | '/admin/audit' {
  return role === 'admin' ? '/admin/audit' : '/cases';
}
