/**
 * マスキング: how a section looks to an agency that may see it only masked. Pure functions on
 * the sections' JSON; the server builds masked view documents with them, so the identifiers
 * never leave the server for such an agency.
 */

import { ageInTokyo } from '../time/tokyoClock.ts';
import { romajiVariants } from './romaji.ts';
import { normalizedKey, normalizeForMatching } from './textNormalization.ts';

type Json = Record<string, unknown>;

export interface MemberIdentity {
  id: string;
  position?: number;
  name?: string;
  kana?: string;
  birthDate?: string | null;
  address?: string;
  phone?: string;
}

export interface HouseholdIdentity {
  name?: string;
  address?: string;
  phone?: string;
  members: MemberIdentity[];
}

/** A spelling of an identifier, normalized (see textNormalization.ts), and what replaces it. */
interface Candidate {
  readonly key: string;
  readonly replacement: string;
}

export interface Redaction {
  /** member id → 「A氏」「B氏」…, stable while the members' order is; former members follow. */
  readonly pseudonyms: ReadonlyMap<string, string>;
  /** Every spelling of every identifier of every current and former member, longest first. */
  readonly candidates: readonly Candidate[];
  /** The same identifiers with every non-letter removed: none of these may be left in a text. */
  readonly residual: readonly string[];
  /**
   * The redaction a coordinator approved for a text that would otherwise be withheld (looked up
   * by the server; the approval holds for that exact text only).
   */
  readonly approved?: (source: string) => string | undefined;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const PHONE_MASK = '（電話番号）';
export const ADDRESS_MASK = '（住所）';
export const BIRTH_DATE_MASK = '（生年月日）';
/** What a masked reader gets instead of a text that may still hold an identifier. */
export const WITHHELD_TEXT = 'マスキング中のため表示されません';
const SHARED_SURNAME_MASK = '○○';

const toKatakana = (value: string) => value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const splitName = (value: string) => value.normalize('NFKC').trim().split(/[\s\u3000・･]+/).filter(Boolean);

/** 「架空市北町3丁目12番5号」 → 「架空市」: up to the city, ward, town or village. */
export function municipalityOf(address: string): string {
  const match = /^(.*?[都道府県])?(.*?[市区町村])/.exec(address.trim());
  return match ? `${match[1] ?? ''}${match[2] ?? ''}` : '';
}

/** 生年月日 → 年代 (「50代」), as of `today`. */
export function ageBand(birthDate: string | null | undefined, today: Date): string | null {
  if (!birthDate) return null;
  const age = ageInTokyo(birthDate, today);
  if (age === null || age < 0) return null;
  return bandOfAge(age);
}

const bandOfAge = (age: number) => (age < 10 ? '10歳未満' : `${Math.floor(age / 10) * 10}代`);

export function pseudonymsOf(members: readonly MemberIdentity[]): Map<string, string> {
  const ordered = [...members].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id));
  const ids = [...new Set(ordered.map((member) => member.id))];
  return new Map(ids.map((id, index) => [id, `${LETTERS[index % 26]}${index >= 26 ? Math.floor(index / 26) : ''}氏`]));
}

const ERAS = [
  { name: '令和', letter: 'r', from: '2019-05-01' },
  { name: '平成', letter: 'h', from: '1989-01-08' },
  { name: '昭和', letter: 's', from: '1926-12-25' },
  { name: '大正', letter: 't', from: '1912-07-30' },
  { name: '明治', letter: 'm', from: '1868-01-25' },
];

/** A birth date in the ways it is written: 1944-05-10, 1944年5月10日, 昭和19年5月10日, S19.5.10. */
function birthDateSpellings(iso: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return [];
  const [, y, mm, dd] = match as unknown as [string, string, string, string];
  const m = String(Number(mm));
  const d = String(Number(dd));
  const spellings = [`${y}${mm}${dd}`, `${y}${m}${d}`, `${y}年${m}月${d}日`, `${y}年${mm}月${dd}日`];
  const era = ERAS.find((candidate) => iso >= candidate.from);
  if (era) {
    const year = Number(y) - Number(era.from.slice(0, 4)) + 1;
    for (const eraYear of year === 1 ? ['1', '元'] : [String(year)]) {
      spellings.push(`${era.name}${eraYear}年${m}月${d}日`, `${era.letter}${eraYear}${m}${d}`, `${era.letter}${eraYear}${mm}${dd}`);
    }
  }
  return spellings;
}

/** A name's spellings: kanji or kana as written, katakana, the long vowel dropped, and romaji. */
function nameSpellings(parts: readonly string[], isReading: boolean): string[] {
  const spellings = new Set<string>();
  const orders = parts.length > 1 ? [parts, [...parts.slice(1), parts[0]!]] : [parts];
  for (const order of orders) {
    spellings.add(order.join(''));
    if (!isReading) continue;
    const katakana = order.map(toKatakana);
    spellings.add(katakana.map((part) => part.replace(/([オコソトノホモヨロゴゾドボポョォ])ウ/g, '$1')).join(''));
    const romaji = katakana.map(romajiVariants);
    // Every combination of the parts' spellings (a handful each).
    let combined: string[] = [''];
    for (const variants of romaji) combined = combined.flatMap((prefix) => variants.map((variant) => prefix + variant));
    for (const spelling of combined) spellings.add(spelling);
  }
  return [...spellings];
}

/** Long enough to stand for the person rather than for a common word. */
function usableKey(key: string): boolean {
  if (/^[0-9]+$/.test(key)) return key.length >= 6;
  if (/^[a-z]+$/.test(key)) return key.length >= 3;
  return key.length >= 2;
}

/**
 * Every identifier of the household and of `former` members (deleted or renamed since, from the
 * update log), turned into candidates. A former member keeps a pseudonym after the current ones.
 */
export function redactionFor(household: HouseholdIdentity, former: readonly MemberIdentity[] = []): Redaction {
  const currentIds = new Set(household.members.map((member) => member.id));
  const everyone = [
    ...household.members,
    ...former.map((member, index) => ({ ...member, position: currentIds.has(member.id) ? (member.position ?? 0) : 100_000 + index })),
  ];
  const pseudonyms = pseudonymsOf(everyone);
  const candidates = new Map<string, string>();
  const add = (spelling: string, replacement: string) => {
    const key = normalizedKey(spelling);
    if (usableKey(key) && !candidates.has(key)) candidates.set(key, replacement);
  };
  const surnameCount = new Map<string, number>();
  for (const id of pseudonyms.keys()) {
    const surnames = new Set(everyone.filter((member) => member.id === id).map((member) => normalizedKey(splitName(member.name ?? '')[0] ?? '')));
    for (const surname of surnames) if (surname) surnameCount.set(surname, (surnameCount.get(surname) ?? 0) + 1);
  }
  // Whole names first, so that 山田ハナ becomes A氏 rather than ○○A氏.
  for (const member of everyone) {
    const pseudonym = pseudonyms.get(member.id) ?? SHARED_SURNAME_MASK;
    for (const [source, isReading] of [[member.name ?? '', false], [member.kana ?? '', true]] as const) {
      const parts = splitName(source);
      if (parts.length === 0) continue;
      for (const spelling of nameSpellings(parts, isReading)) add(spelling, pseudonym);
    }
  }
  for (const member of everyone) {
    const pseudonym = pseudonyms.get(member.id) ?? SHARED_SURNAME_MASK;
    const nameParts = splitName(member.name ?? '');
    const shared = (surnameCount.get(normalizedKey(nameParts[0] ?? '')) ?? 0) > 1;
    for (const [source, isReading] of [[member.name ?? '', false], [member.kana ?? '', true]] as const) {
      const [surname, ...given] = splitName(source);
      if (given.length > 0) for (const spelling of nameSpellings(given, isReading)) add(spelling, pseudonym);
      if (surname && given.length > 0) for (const spelling of nameSpellings([surname], isReading)) add(spelling, shared ? SHARED_SURNAME_MASK : pseudonym);
    }
    for (const spelling of birthDateSpellings(member.birthDate ?? '')) add(spelling, BIRTH_DATE_MASK);
  }
  for (const phone of [household.phone, ...everyone.map((member) => member.phone)]) {
    const digits = normalizedKey(phone ?? '').replace(/\D/g, '');
    if (digits.length < 6) continue;
    add(digits, PHONE_MASK);
    if (digits.length >= 10) add(digits.slice(-8), PHONE_MASK);
  }
  for (const address of [household.address, ...everyone.map((member) => member.address)]) {
    const trimmed = (address ?? '').trim();
    if (!trimmed) continue;
    const city = municipalityOf(trimmed);
    add(trimmed, city ? `${city}${ADDRESS_MASK}` : ADDRESS_MASK);
    const street = trimmed.slice(city.length).trim();
    if (normalizedKey(street).length >= 3) add(street, ADDRESS_MASK);
  }
  const ordered = [...candidates].map(([key, replacement]) => ({ key, replacement })).sort((a, b) => b.key.length - a.key.length);
  const residual = [...new Set(ordered.map((candidate) => normalizedKey(candidate.key, true)).filter(usableKey))];
  return { pseudonyms, candidates: ordered, residual };
}

const DIGIT = '[0-9０-９]';
const KANJI_NUMERAL = '[〇一二三四五六七八九十百]';
const NUMBER = `(?:${DIGIT}+|${KANJI_NUMERAL}+)`;
const ERA = '(?:明治|大正|昭和|平成|令和|[MTSHRmtshr])';

/** Identifiers recognisable by their form alone, whoever they belong to. */
const genericRules: { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  // 82歳 → 80代: masking promises age bands, never exact ages.
  {
    pattern: new RegExp(`(${NUMBER})\\s*(?:歳|才)(?!未満)`, 'g'),
    replace: (match, number) => {
      const age = /\d/.test(number!.normalize('NFKC')) ? Number(number!.normalize('NFKC')) : Number(normalizedKey(`${number}歳`).replace(/\D/g, ''));
      return Number.isFinite(age) && age < 150 ? bandOfAge(age) : match;
    },
  },
  // A birth date named as such, in any calendar.
  { pattern: new RegExp(`${ERA}\\s*(?:${NUMBER}|元)\\s*[年.．/]\\s*(?:${NUMBER}\\s*[月.．/]\\s*(?:${NUMBER}\\s*日?)?)?\\s*(?=生)`, 'g'), replace: () => BIRTH_DATE_MASK },
  { pattern: new RegExp(`(生年月日|誕生日)[\\s:：は]*(?:${ERA}\\s*)?(?:${NUMBER}|元)\\s*[年.．/\\-－]\\s*${NUMBER}\\s*[月.．/\\-－]\\s*${NUMBER}\\s*日?`, 'g'), replace: (_match, label) => `${label}${BIRTH_DATE_MASK}` },
  // 丁目・番地・号 in any numerals, and postal codes.
  { pattern: new RegExp(`${NUMBER}\\s*丁目(?:\\s*${NUMBER}\\s*(?:番地?|[-‐－−の])(?:\\s*${NUMBER}\\s*号?)?)?`, 'g'), replace: () => ADDRESS_MASK },
  { pattern: new RegExp(`${NUMBER}\\s*番地?\\s*(?:${NUMBER}\\s*号)?`, 'g'), replace: (match) => (/番地|号/.test(match) ? ADDRESS_MASK : match) },
  { pattern: new RegExp(`〒\\s*${DIGIT}{3}[-‐－−]?${DIGIT}{4}`, 'g'), replace: () => ADDRESS_MASK },
  // Runs of digits: a phone number (10–11 digits, any separators) or a house number (3-12-5).
  {
    pattern: new RegExp(`[(（]?${DIGIT}(?:[-‐－―−.．()（）\\s\\u3000]*${DIGIT})+`, 'g'),
    replace: (match) => {
      const digits = match.normalize('NFKC').replace(/\D/g, '');
      const international = /^[(（]?\+?81/.test(match.normalize('NFKC'));
      if ((digits.startsWith('0') || international) && digits.length >= 10 && digits.length <= 12) return PHONE_MASK;
      const groups = match.normalize('NFKC').split(/[-‐―−]/).map((group) => group.trim());
      if (groups.length === 3 && groups.every((group) => /^\d{1,4}$/.test(group)) && groups[0]!.length <= 3) return ADDRESS_MASK;
      return match;
    },
  },
];

export interface MaskedText {
  /** What a masked reader may receive: the redacted text, or WITHHELD_TEXT. */
  readonly text: string;
  /** The redaction proposed before the final check (what the coordinator reviews). */
  readonly proposed: string;
  readonly withheld: boolean;
  /** Whether anything was replaced. */
  readonly redacted: boolean;
  /** The identifiers (normalized) still found in the proposal, the reason for withholding it. */
  readonly remaining: readonly string[];
  /** Shared because a coordinator approved this redaction of this text. */
  readonly approved: boolean;
}

function replaceCandidates(text: string, redaction: Redaction): string {
  const normalized = normalizeForMatching(text);
  const taken = new Array<boolean>(normalized.text.length).fill(false);
  const cuts: { start: number; end: number; replacement: string }[] = [];
  for (const candidate of redaction.candidates) {
    let from = normalized.text.indexOf(candidate.key);
    while (from !== -1) {
      const to = from + candidate.key.length;
      if (!taken.slice(from, to).some(Boolean)) {
        taken.fill(true, from, to);
        cuts.push({ start: normalized.spans[from]![0], end: normalized.spans[to - 1]![1], replacement: candidate.replacement });
      }
      from = normalized.text.indexOf(candidate.key, from + 1);
    }
  }
  let result = text;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) result = result.slice(0, cut.start) + cut.replacement + result.slice(cut.end);
  return result;
}

/**
 * Free text for a masked reader: identifiers of the household and those recognisable by their
 * form are replaced; if anything that looks like one of the household's identifiers is still
 * there (spelled in a way the replacement missed), the whole text is withheld.
 */
export function maskFreeText(text: string, redaction: Redaction): MaskedText {
  let proposed = replaceCandidates(text, redaction);
  for (const rule of genericRules) proposed = proposed.replace(rule.pattern, rule.replace as (substring: string, ...args: string[]) => string);
  const rest = normalizedKey(proposed, true);
  const remaining = redaction.residual.filter((key) => rest.includes(key));
  if (remaining.length > 0) {
    const approved = redaction.approved?.(text);
    // Only the proposal itself can be approved: an approval cannot put back what was redacted.
    if (approved !== undefined && approved === proposed) return { text: approved, proposed, withheld: false, redacted: true, remaining, approved: true };
  }
  const withheld = remaining.length > 0;
  return { text: withheld ? WITHHELD_TEXT : proposed, proposed, withheld, redacted: proposed !== text, remaining, approved: false };
}

export function redactText(text: string, redaction: Redaction): string {
  return maskFreeText(text, redaction).text;
}

/**
 * Masks every string in a section's JSON (keys are ids and field names, never identifiers).
 * Values that are member ids are references, not words, and stay as they are.
 */
export function redactJson<Value>(value: Value, redaction: Redaction): Value {
  if (typeof value === 'string') return (redaction.pseudonyms.has(value) ? value : redactText(value, redaction)) as Value;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redaction)) as Value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, redactJson(item, redaction)])) as Value;
  }
  return value;
}

/** The identity section as a masked reader sees it. */
export function maskMembersSection(json: Json, redaction: Redaction, today: Date): Json {
  const household = (json.household ?? {}) as Json;
  const members = (json.members ?? {}) as Record<string, Json>;
  const maskedMembers = Object.fromEntries(
    Object.entries(members).map(([id, member]) => [
      id,
      {
        ...redactJson(member, redaction),
        name: redaction.pseudonyms.get(id) ?? SHARED_SURNAME_MASK,
        kana: '',
        birthDate: null,
        ageBand: ageBand(member.birthDate as string | null | undefined, today),
        address: municipalityOf(String(member.address ?? '')),
        phone: '',
      },
    ]),
  );
  return {
    ...redactJson(json, redaction),
    household: {
      name: redactText(String(household.name ?? ''), redaction),
      address: municipalityOf(String(household.address ?? '')),
      phone: '',
    },
    members: maskedMembers,
  };
}

export function householdIdentityFrom(membersJson: Json): HouseholdIdentity {
  const household = (membersJson.household ?? {}) as Json;
  const members = (membersJson.members ?? {}) as Record<string, Json>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    name: text(household.name),
    address: text(household.address),
    phone: text(household.phone),
    members: Object.entries(members).map(([id, member]) => ({
      id,
      position: typeof member.position === 'number' ? member.position : 0,
      name: text(member.name),
      kana: text(member.kana),
      birthDate: typeof member.birthDate === 'string' ? member.birthDate : null,
      address: text(member.address),
      phone: text(member.phone),
    })),
  };
}
