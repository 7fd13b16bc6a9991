/**
 * マスキング: how a section looks to an agency that may see it only masked. Pure functions on
 * the sections' JSON; the server builds masked view documents with them, so the identifiers
 * never leave the server for such an agency.
 */

import { ageInTokyo } from '../time/tokyoClock.ts';

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

export interface Redaction {
  /** member id → 「A氏」「B氏」…, stable while the members' order is. */
  readonly pseudonyms: ReadonlyMap<string, string>;
  readonly rules: readonly { readonly pattern: RegExp; readonly replacement: string }[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const PHONE_MASK = '（電話番号）';
export const ADDRESS_MASK = '（住所）';
const SHARED_SURNAME_MASK = '○○';

const fullWidthDigit = (digit: string) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0);
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toKatakana = (value: string) => value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const toHiragana = (value: string) => value.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const splitName = (value: string) => value.trim().split(/[\s\u3000]+/).filter(Boolean);

/** A name matched with or without the space between surname and given name, in either kana. */
function namePattern(parts: string[]): string {
  const variants = new Set<string>();
  for (const form of [parts, parts.map(toKatakana), parts.map(toHiragana)]) variants.add(form.map(escapeRegExp).join('[\\s\\u3000]*'));
  return [...variants].join('|');
}

/** Phone digits in half or full width, with any of the usual separators between them. */
function phonePattern(phone: string): string | null {
  const digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.length < 6) return null;
  return [...digits].map((digit) => `[${digit}${fullWidthDigit(digit)}]`).join('[-‐－ー―−()（）\\s\\u3000]*');
}

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
  return age < 10 ? '10歳未満' : `${Math.floor(age / 10) * 10}代`;
}

export function pseudonymsOf(members: readonly MemberIdentity[]): Map<string, string> {
  const ordered = [...members].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id));
  return new Map(ordered.map((member, index) => [member.id, `${LETTERS[index % 26]}${index >= 26 ? Math.floor(index / 26) : ''}氏`]));
}

/** Every identifier of the household, turned into replacement rules, longest first. */
export function redactionFor(household: HouseholdIdentity): Redaction {
  const pseudonyms = pseudonymsOf(household.members);
  const rules: { source: string; replacement: string; weight: number }[] = [];
  const surnameCount = new Map<string, number>();
  for (const member of household.members) {
    const surname = splitName(member.name ?? '')[0];
    if (surname) surnameCount.set(surname, (surnameCount.get(surname) ?? 0) + 1);
  }
  for (const member of household.members) {
    const pseudonym = pseudonyms.get(member.id) ?? SHARED_SURNAME_MASK;
    for (const source of [member.name ?? '', member.kana ?? '']) {
      const parts = splitName(source);
      if (parts.length === 0) continue;
      rules.push({ source: namePattern(parts), replacement: pseudonym, weight: 3 });
      const [surname, ...given] = parts;
      if (given.length > 0) rules.push({ source: namePattern(given), replacement: pseudonym, weight: 2 });
      if (surname && parts.length > 1) {
        const shared = (surnameCount.get(splitName(member.name ?? '')[0] ?? '') ?? 0) > 1;
        rules.push({ source: namePattern([surname]), replacement: shared ? SHARED_SURNAME_MASK : pseudonym, weight: 1 });
      }
    }
    const phone = phonePattern(member.phone ?? '');
    if (phone) rules.push({ source: phone, replacement: PHONE_MASK, weight: 4 });
  }
  const householdPhone = phonePattern(household.phone ?? '');
  if (householdPhone) rules.push({ source: householdPhone, replacement: PHONE_MASK, weight: 4 });
  for (const address of [household.address, ...household.members.map((member) => member.address)]) {
    const trimmed = (address ?? '').trim();
    if (!trimmed) continue;
    const city = municipalityOf(trimmed);
    rules.push({ source: escapeRegExp(trimmed), replacement: city ? `${city}${ADDRESS_MASK}` : ADDRESS_MASK, weight: 5 });
    const street = trimmed.slice(city.length).trim();
    if (street.length >= 2) rules.push({ source: escapeRegExp(street), replacement: ADDRESS_MASK, weight: 5 });
  }
  // Phone-like numbers and 丁目・番地 that are not in the record are hidden too.
  rules.push({ source: '[0０][0-9０-９]{1,4}[-‐－ー―−]?[0-9０-９]{1,4}[-‐－ー―−][0-9０-９]{3,4}', replacement: PHONE_MASK, weight: 0 });
  rules.push({ source: '[0-9０-９]+丁目[0-9０-９]+(?:番地?|-|－)[0-9０-９]*(?:号)?', replacement: ADDRESS_MASK, weight: 0 });
  rules.sort((a, b) => b.weight - a.weight || b.source.length - a.source.length);
  return { pseudonyms, rules: rules.map((rule) => ({ pattern: new RegExp(rule.source, 'g'), replacement: rule.replacement })) };
}

export function redactText(text: string, redaction: Redaction): string {
  let result = text;
  for (const rule of redaction.rules) result = result.replace(rule.pattern, rule.replacement);
  return result;
}

/** Redacts every string in a section's JSON (keys are ids and field names, never identifiers). */
export function redactJson<Value>(value: Value, redaction: Redaction): Value {
  if (typeof value === 'string') return redactText(value, redaction) as Value;
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
