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
