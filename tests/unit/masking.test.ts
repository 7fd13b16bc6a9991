import { describe, expect, it } from 'vitest';
import {
  ADDRESS_MASK,
  PHONE_MASK,
  ageBand,
  householdIdentityFrom,
  maskMembersSection,
  municipalityOf,
  redactJson,
  redactText,
  redactionFor,
  maskFreeText,
  WITHHELD_TEXT,
} from '../../model/access/masking.ts';
import { readSection } from '../../model/sections/sectionRegistry.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import { HANA, TARO, fillDemoSection } from '../../collab-server/seed/demoCaseRecord.ts';

function seeded(section: 'members' | 'overview' | 'progress-log') {
  const doc = createSectionDocument(section);
  fillDemoSection(doc, section);
  return readSection(doc, section);
}

const members = seeded('members');
const redaction = redactionFor(householdIdentityFrom(members));
const today = new Date('2026-11-22T12:00:00+09:00');

/** Every identifier of the seeded household, in the forms a leak could take. */
const identifiers = [
  '山田 ハナ', '山田ハナ', 'ハナ', '山田 太郎', '山田太郎', '太郎', '山田',
  'やまだ はな', 'やまだ たろう', 'ヤマダ', 'タロウ', 'たろう',
  '1944-05-10', '1972-03-05', '090-0000-2222', '0120-000-111', '北町3丁目12番5号',
];

describe('masking of the identity section', () => {
  const masked = maskMembersSection(members, redaction, today);

  it('replaces names with stable pseudonyms, birth dates with age bands, addresses with the city', () => {
    expect(masked.members).toMatchObject({
      [HANA]: { name: 'A氏', kana: '', birthDate: null, ageBand: '80代', address: '架空市', phone: '' },
      [TARO]: { name: 'B氏', kana: '', birthDate: null, ageBand: '50代', address: '架空市', phone: '' },
    });
    expect(masked.household).toEqual({ name: '○○世帯', address: '架空市', phone: '' });
    expect(maskMembersSection(members, redactionFor(householdIdentityFrom(members)), today)).toEqual(masked);
  });

  it('leaves no identifier anywhere in the masked section', () => {
    const serialized = JSON.stringify(masked);
    for (const identifier of identifiers) expect(serialized).not.toContain(identifier);
  });
});

describe('free-text redaction', () => {
  it.each([
    ['山田ハナさん（82歳）と太郎さん', 'A氏さん（80代）とB氏さん'],
    ['山田 太郎さんの件', 'B氏さんの件'],
    ['ヤマダ タロウ様から電話', 'B氏様から電話'],
    ['やまだたろう', 'B氏'],
    ['山田さん宅を訪問', '○○さん宅を訪問'],
    ['携帯 090-0000-2222 に連絡', `携帯 ${PHONE_MASK} に連絡`],
    ['携帯 ０９０－００００－２２２２ に連絡', `携帯 ${PHONE_MASK} に連絡`],
    ['自宅 0120 000 111', `自宅 ${PHONE_MASK}`],
    ['別の番号 03-1234-5678 も', `別の番号 ${PHONE_MASK} も`],
    ['架空市北町3丁目12番5号に住む', `架空市${ADDRESS_MASK}に住む`],
    ['北町3丁目12番5号の前', `${ADDRESS_MASK}の前`],
    ['南町１丁目２番地', `南町${ADDRESS_MASK}`],
  ])('%s → %s', (text, expected) => {
    expect(redactText(text, redaction)).toBe(expected);
  });

  it('redacts the seeded overview and progress log completely', () => {
    const serialized = JSON.stringify(redactJson({ overview: seeded('overview'), log: seeded('progress-log') }, redaction));
    for (const identifier of identifiers) expect(serialized).not.toContain(identifier);
    expect(serialized).toContain('A氏');
  });
});

describe('masking helpers', () => {
  it('cuts an address at the municipality', () => {
    expect(municipalityOf('架空市北町3丁目12番5号')).toBe('架空市');
    expect(municipalityOf('千葉県架空郡架空町1-2')).toBe('千葉県架空郡架空町');
    expect(municipalityOf('東京都新宿区西新宿2-8-1')).toBe('東京都新宿区');
  });

  it('turns a birth date into an age band', () => {
    expect(ageBand('1972-03-05', today)).toBe('50代');
    expect(ageBand('1976-11-23', today)).toBe('40代');
    expect(ageBand('2020-01-01', today)).toBe('10歳未満');
    expect(ageBand(null, today)).toBeNull();
  });
});


describe('fail-closed redaction of the spellings the issue lists', () => {
  it.each([
    ['ﾔﾏﾀﾞ ﾊﾅさんと面談', 'A氏さんと面談'],
    ['Yamada Hana さん', 'A氏 さん'],
    ['TARO YAMADA', 'B氏'],
    ['Tarō と話した', 'B氏 と話した'],
    ['山 田 ハ ナ', 'A氏'],
    ['090.0000.2222', PHONE_MASK],
    ['０９０ ００００ ２２２２', PHONE_MASK],
    ['北町3-12-5', ADDRESS_MASK],
    ['北町三丁目十二番五号', ADDRESS_MASK],
    ['緑町３丁目１番地', `緑町${ADDRESS_MASK}`],
    ['昭和19年5月10日生まれ', '（生年月日）生まれ'],
    ['1944/05/10', '（生年月日）'],
    ['S47.3.5', '（生年月日）'],
    ['82歳', '80代'],
    ['2026-11-20 10:00 支援会議', '2026-11-20 10:00 支援会議'],
  ])('%s → %s', (text, expected) => {
    expect(redactText(text, redaction)).toBe(expected);
  });

  it('withholds a text in which an identifier is still there after redaction', () => {
    for (const text of ['山*田さん', 'や♪ま♪だ', 'Y+A+M+A+D+A']) {
      const masked = maskFreeText(text, redaction);
      expect(masked, text).toMatchObject({ withheld: true, text: WITHHELD_TEXT });
      expect(masked.remaining.length).toBeGreaterThan(0);
    }
  });

  it('keeps a deleted member’s names as candidates, with a pseudonym after the current members', () => {
    const identity = householdIdentityFrom(members);
    const withFormer = redactionFor(identity, [{ id: 'jiro-deleted', name: '山田 次郎', kana: 'やまだ じろう' }]);
    expect(redactText('次郎さん、ジロウ、Jiro', withFormer)).toBe('C氏さん、C氏、C氏');
    expect(redactText('次郎さん', redaction)).toBe('次郎さん');
  });
});
