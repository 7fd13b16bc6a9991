import { MEMBERS_ROOT, PRINCIPAL_ROOT } from '../sections/members.ts';
import { ageInTokyo } from '../time/tokyoClock.ts';

export type GenogramSymbol = 'male' | 'female' | 'other';

/** What a 世帯員 shape draws, read from the household data this reader may see. */
export interface HouseholdMemberView {
  /** The member's name, 「A氏」 for a masked reader, 「世帯員」 when the household is hidden. */
  readonly label: string;
  /** □ male, ○ female, ◇ other or unknown. */
  readonly symbol: GenogramSymbol;
  /** 本人 for this agency: drawn doubled. */
  readonly principal: boolean;
  readonly deceased: boolean;
  /** Inside the symbol: 「82」, or the age band 「80代」 where the birth date is masked. */
  readonly age: string;
  /** The shape refers to a member who is no longer in the household list. */
  readonly missing: boolean;
}

type Json = Record<string, unknown>;

const unknownMember = (label: string, missing: boolean): HouseholdMemberView => ({ label, symbol: 'other', principal: false, deceased: false, age: '', missing });

/**
 * The genogram symbol of one member: `membersJson` is the identity section as this reader
 * receives it (the source, or the masked view), or null when it is hidden from them.
 */
export function householdMemberView(membersJson: Json | null, memberId: string, today: Date, agencyId?: string): HouseholdMemberView {
  if (membersJson === null) return unknownMember('世帯員', false);
  const member = ((membersJson[MEMBERS_ROOT] ?? {}) as Record<string, Json>)[memberId];
  if (!member) return unknownMember('（削除された世帯員）', true);
  const principals = (membersJson[PRINCIPAL_ROOT] ?? {}) as Record<string, string>;
  const age = typeof member.birthDate === 'string' ? ageInTokyo(member.birthDate, today) : null;
  return {
    label: typeof member.name === 'string' && member.name.trim() ? member.name.trim() : '（氏名未入力）',
    symbol: member.sex === '男性' ? 'male' : member.sex === '女性' ? 'female' : 'other',
    principal: agencyId !== undefined && principals[agencyId] === memberId,
    deceased: member.deceased === true,
    age: age !== null ? String(age) : typeof member.ageBand === 'string' ? member.ageBand : '',
    missing: false,
  };
}
