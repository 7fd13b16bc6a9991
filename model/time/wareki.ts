/**
 * 和暦 ⇄ ISO dates, pure and without Intl's japanese calendar: ICU versions differ in how
 * they write 元年 and where they put 明治's start, and these strings end up in records
 * that several agencies read side by side.
 */

export interface Era {
  readonly name: string;
  /** The initial used in 「S47.3.5」. */
  readonly initial: string;
  /** First day of the era (proleptic Gregorian, ISO). */
  readonly start: string;
}

export const eras: readonly Era[] = [
  { name: '明治', initial: 'M', start: '1868-01-25' },
  { name: '大正', initial: 'T', start: '1912-07-30' },
  { name: '昭和', initial: 'S', start: '1926-12-25' },
  { name: '平成', initial: 'H', start: '1989-01-08' },
  { name: '令和', initial: 'R', start: '2019-05-01' },
];

/** Dates before 明治 have no 和暦 here; later than this is taken for a typing mistake. */
export const EARLIEST_DATE = '1868-01-25';
export const LATEST_DATE = '2100-12-31';

export type DateParseError = 'format' | 'nonexistent' | 'outsideEra' | 'outOfRange';
export type DateParseResult = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly error: DateParseError };

const separator = '[年./\\-]';
const monthSeparator = '[月./\\-]';
const eraPattern = new RegExp(`^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\\d{1,2})${separator}(\\d{1,2})${monthSeparator}(\\d{1,2})日?$`);
const westernPattern = new RegExp(`^(\\d{4})${separator}(\\d{1,2})${monthSeparator}(\\d{1,2})日?$`);
const compactPattern = /^(\d{4})(\d{2})(\d{2})$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function eraByNameOrInitial(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return eras.find((era) => era.name === token || era.initial === upper);
}

function startYear(era: Era): number {
  return Number(era.start.slice(0, 4));
}

/** ISO dates compare correctly as strings (fixed width, most significant first). */
function withinSupportedRange(iso: string): boolean {
  return iso >= EARLIEST_DATE && iso <= LATEST_DATE;
}

/**
 * Reads what people type for a date: 「昭和47年3月5日」「S47.3.5」「s47/3/5」「令和元年5月1日」
 * 「R7.4.1」「1972-03-05」「1972/3/5」「1972年3月5日」「19720305」, in full-width too.
 */
export function parseDateInput(input: string): DateParseResult {
  const normalized = input.normalize('NFKC').replace(/\s+/g, '');
  if (normalized === '') return { ok: false, error: 'format' };

  const eraMatch = eraPattern.exec(normalized);
  if (eraMatch) {
    const [, eraToken = '', yearToken = '', monthToken = '', dayToken = ''] = eraMatch;
    const era = eraByNameOrInitial(eraToken);
    if (!era) return { ok: false, error: 'format' };
    const eraYear = yearToken === '元' ? 1 : Number(yearToken);
    if (eraYear < 1) return { ok: false, error: 'nonexistent' };
    const year = startYear(era) + eraYear - 1;
    const month = Number(monthToken);
    const day = Number(dayToken);
    if (!isRealDate(year, month, day)) return { ok: false, error: 'nonexistent' };
    const iso = isoDate(year, month, day);
    const next = eras[eras.indexOf(era) + 1];
    if (iso < era.start || (next && iso >= next.start)) return { ok: false, error: 'outsideEra' };
    if (!withinSupportedRange(iso)) return { ok: false, error: 'outOfRange' };
    return { ok: true, iso };
  }

  const westernMatch = westernPattern.exec(normalized) ?? compactPattern.exec(normalized);
  if (westernMatch) {
    const [, yearToken = '', monthToken = '', dayToken = ''] = westernMatch;
    const year = Number(yearToken);
    const month = Number(monthToken);
    const day = Number(dayToken);
    if (!isRealDate(year, month, day)) return { ok: false, error: 'nonexistent' };
    const iso = isoDate(year, month, day);
    if (!withinSupportedRange(iso)) return { ok: false, error: 'outOfRange' };
    return { ok: true, iso };
  }

  return { ok: false, error: 'format' };
}

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(iso: string): DateParts | null {
  const match = isoDatePattern.exec(iso);
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  const parts = { year: Number(year), month: Number(month), day: Number(day) };
  return isRealDate(parts.year, parts.month, parts.day) ? parts : null;
}

export function eraOf(iso: string): Era | null {
  if (iso < EARLIEST_DATE) return null;
  let found: Era | null = null;
  for (const era of eras) if (iso >= era.start) found = era;
  return found;
}

function eraYearLabel(era: Era, year: number): string {
  const eraYear = year - startYear(era) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年`;
}

/** 「昭和47年3月5日」; null for anything that is not a real date from 明治 on. */
export function formatWareki(iso: string): string | null {
  const parts = partsOf(iso);
  const era = parts ? eraOf(iso) : null;
  if (!parts || !era) return null;
  return `${eraYearLabel(era, parts.year)}${parts.month}月${parts.day}日`;
}

/** 「令和8年11月」 for a month (`YYYY-MM`); the era is the one in force on the month's last day. */
export function formatWarekiMonth(yearMonth: string): string | null {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const era = eraOf(isoDate(year, month, daysInMonth(year, month)));
  if (!era) return null;
  return `${eraYearLabel(era, year)}${month}月`;
}

/** 「1972年3月5日」: shown next to the 和暦 so that either reading can be checked. */
export function formatWestern(iso: string): string | null {
  const parts = partsOf(iso);
  return parts ? `${parts.year}年${parts.month}月${parts.day}日` : null;
}

/** Full years of age on a given day; someone born on 29 February ages on 1 March in other years. */
export function ageOn(birthIso: string, onIso: string): number | null {
  const birth = partsOf(birthIso);
  const on = partsOf(onIso);
  if (!birth || !on || onIso < birthIso) return null;
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}
