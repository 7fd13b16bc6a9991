import { z } from 'zod';
import { caseSections, type CaseSection } from '../documentNames.ts';

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
  };
}

export function levelOf(access: AgencyAccess | undefined, section: CaseSection): AccessLevel {
  return access?.[section] ?? 'hidden';
}
