import { meetingIdSchema, type CaseId, type CaseSection, type MeetingId } from '../../model/documentNames.ts';
import { idSchema } from '../../model/sections/common.ts';

/** The tabs showing one section of the record each. */
export const sectionTabs = ['overview', 'members', 'progress', 'plan', 'minutes', 'ecomap'] as const;
export type SectionTab = (typeof sectionTabs)[number];

/**
 * The tabs of a case page, in order; each is a path segment after /cases/:caseId/. チャット, 履歴
 * and 共有設定 are about the whole case rather than one section; 共有設定 is offered only to
 * those who may change the sharing.
 */
export const caseTabs = [...sectionTabs, 'meetings', 'chat', 'history', 'sharing'] as const;
export type CaseTab = (typeof caseTabs)[number];

export const caseTabSections = {
  overview: 'overview',
  members: 'members',
  progress: 'progress-log',
  plan: 'plan',
  minutes: 'minutes',
  ecomap: 'ecomap',
} as const satisfies Record<SectionTab, CaseSection>;

export function isSectionTab(tab: CaseTab): tab is SectionTab {
  return (sectionTabs as readonly string[]).includes(tab);
}

/** The tabs of one household member: /cases/:caseId/members/:memberId/:memberTab. */
export const memberTabs = ['basic', 'history', 'health', 'finance', 'work', 'nationality'] as const;
export type MemberTab = (typeof memberTabs)[number];

/** Which document holds each member tab (基本情報 lives with the identity in `members`). */
export const memberTabSections = {
  basic: 'members',
  history: 'member-history',
  health: 'member-health',
  finance: 'member-finance',
  work: 'member-work',
  nationality: 'member-nationality',
} as const satisfies Record<MemberTab, CaseSection>;

export type CaseRoute =
  | { readonly tab: Exclude<CaseTab, 'members' | 'meetings'> }
  /** 支援会議: the list, or one meeting (meeting mode). */
  | { readonly tab: 'meetings'; readonly meetingId: MeetingId | null }
  | { readonly tab: 'members'; readonly memberId: string | null; readonly memberTab: MemberTab };

function isCaseTab(value: string): value is CaseTab {
  return (caseTabs as readonly string[]).includes(value);
}

function isMemberTab(value: string): value is MemberTab {
  return (memberTabs as readonly string[]).includes(value);
}

/** The part of the URL after /cases/:caseId/; null for anything that is not a page. */
export function parseCaseRoute(rest: string): CaseRoute | null {
  const segments = rest.split('/').filter((segment) => segment !== '');
  const [tab = 'overview', memberId, memberTab = 'basic', ...extra] = segments;
  if (!isCaseTab(tab) || extra.length > 0) return null;
  if (tab === 'meetings') {
    if (memberId === undefined) return { tab, meetingId: null };
    const meetingId = meetingIdSchema.safeParse(memberId);
    return meetingId.success && segments.length === 2 ? { tab, meetingId: meetingId.data } : null;
  }
  if (tab !== 'members') return segments.length <= 1 ? { tab } : null;
  if (memberId === undefined) return { tab, memberId: null, memberTab: 'basic' };
  if (!idSchema.safeParse(memberId).success || !isMemberTab(memberTab)) return null;
  return { tab, memberId, memberTab };
}

/** /cases/:caseId alone also shows 事案概要; its tab links say so explicitly. */
export function caseTabUrl(caseId: CaseId, tab: CaseTab): string {
  return `/cases/${caseId}/${tab}`;
}

export function meetingUrl(caseId: CaseId, meetingId: MeetingId): string {
  return `/cases/${caseId}/meetings/${meetingId}`;
}

export function memberUrl(caseId: CaseId, memberId: string, memberTab: MemberTab = 'basic'): string {
  return `/cases/${caseId}/members/${encodeURIComponent(memberId)}/${memberTab}`;
}

/** The tabs with a print layout; their sections are model/print.ts's printable ones. */
export const printableTabs = ['overview', 'progress', 'plan', 'minutes'] as const satisfies readonly SectionTab[];
export type PrintableTab = (typeof printableTabs)[number];

export function isPrintableTab(tab: CaseTab): tab is PrintableTab {
  return (printableTabs as readonly string[]).includes(tab);
}

/** /cases/:caseId/print/:tab: the tab's print layout, under the case so that it shares its connection. */
export function printUrl(caseId: CaseId, tab: PrintableTab): string {
  return `/cases/${caseId}/print/${tab}`;
}

/** The printable tab of a `print/:tab` path after /cases/:caseId/; null for anything else. */
export function parsePrintRoute(rest: string): PrintableTab | null {
  const segments = rest.split('/').filter((segment) => segment !== '');
  if (segments.length !== 2 || segments[0] !== 'print') return null;
  const tab = segments[1] ?? '';
  return (printableTabs as readonly string[]).includes(tab) ? (tab as PrintableTab) : null;
}
