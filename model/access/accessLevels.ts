import { z } from 'zod';
import { caseSections, type CaseSection, type DocumentView } from '../documentNames.ts';

/** How much of one section of a case an agency gets: 編集 / 閲覧 / マスキング閲覧 / 非表示. */
export const accessLevels = ['edit', 'view', 'masked', 'hidden'] as const;
export type AccessLevel = (typeof accessLevels)[number];
export const accessLevelSchema = z.enum(accessLevels);

export const accessLevelLabels: Record<AccessLevel, string> = {
  edit: '編集',
  view: '閲覧',
  masked: 'マスキング閲覧',
  hidden: '非表示',
};

/** Per-agency access of one case: section → level. Sections not listed are hidden. */
export type AgencyAccess = Partial<Record<CaseSection, AccessLevel>>;

export const agencyAccessSchema = z.partialRecord(z.enum(caseSections), accessLevelSchema);

/** What a new participating agency gets until the coordinator decides otherwise. */
export function defaultAccess(role: 'coordinator' | 'participant'): AgencyAccess {
  if (role === 'coordinator') {
    return Object.fromEntries(caseSections.map((section) => [section, 'edit'])) as AgencyAccess;
  }
  return {
    overview: 'edit',
    members: 'masked',
    'member-history': 'hidden',
    'member-health': 'hidden',
    'member-finance': 'hidden',
    'member-work': 'hidden',
    'member-nationality': 'hidden',
    'progress-log': 'edit',
    plan: 'edit',
    minutes: 'edit',
    // Members appear on the map by id only; each reader sees them as the identity section allows.
    ecomap: 'edit',
  };
}

/**
 * How a document may be opened at a level: the source read-write (編集) or read-only (閲覧),
 * the server-derived masked view read-only (マスキング閲覧), or not at all (null). The server
 * enforces this in onAuthenticate; the app uses it to decide which document to open.
 */
export function openingMode(level: AccessLevel, view: DocumentView): 'read-write' | 'read-only' | null {
  if (view === 'masked') return level === 'masked' ? 'read-only' : null;
  if (level === 'edit') return 'read-write';
  if (level === 'view') return 'read-only';
  return null;
}

export function levelOf(access: AgencyAccess | undefined, section: CaseSection): AccessLevel {
  return access?.[section] ?? 'hidden';
}

/** The agency may read the household's identifiers (世帯・世帯員 at 編集 or 閲覧). */
export function readsIdentity(access: AgencyAccess | undefined): boolean {
  const level = levelOf(access, 'members');
  return level === 'edit' || level === 'view';
}

/**
 * The level an agency actually gets for a section. One that may not read the household's
 * identity gets every other section at most masked, whatever was set: free text anywhere in
 * the record can name the household (a new participant's default, or a slip in 共有設定, must
 * not send names through 事案概要 or the minutes). Fails closed; the sharing screen says so.
 */
export function grantedLevel(access: AgencyAccess | undefined, section: CaseSection): AccessLevel {
  const level = levelOf(access, section);
  if (section === 'members' || readsIdentity(access) || level === 'hidden') return level;
  return 'masked';
}
