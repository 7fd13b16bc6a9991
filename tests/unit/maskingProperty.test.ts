import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { maskFreeText, redactionFor, WITHHELD_TEXT, type HouseholdIdentity } from '../../model/access/masking.ts';
import { normalizedKey } from '../../model/access/textNormalization.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';

/** Syllables with their katakana, half-width, hiragana and Hepburn spellings, written out here (not taken from the code under test). */
const syllables: readonly (readonly [string, string, string, string])[] = [
  ['カ', 'ｶ', 'か', 'ka'], ['キ', 'ｷ', 'き', 'ki'], ['サ', 'ｻ', 'さ', 'sa'], ['シ', 'ｼ', 'し', 'shi'], ['タ', 'ﾀ', 'た', 'ta'], ['ナ', 'ﾅ', 'な', 'na'],
  ['ハ', 'ﾊ', 'は', 'ha'], ['マ', 'ﾏ', 'ま', 'ma'], ['ミ', 'ﾐ', 'み', 'mi'], ['ヤ', 'ﾔ', 'や', 'ya'], ['ラ', 'ﾗ', 'ら', 'ra'], ['リ', 'ﾘ', 'り', 'ri'],
  ['コ', 'ｺ', 'こ', 'ko'], ['ダ', 'ﾀﾞ', 'だ', 'da'], ['ゴ', 'ｺﾞ', 'ご', 'go'], ['ブ', 'ﾌﾞ', 'ぶ', 'bu'], ['ツ', 'ﾂ', 'つ', 'tsu'], ['チ', 'ﾁ', 'ち', 'chi'],
];
const KANJI = [...'森林川谷原野沢崎島浜岡藤堀松杉梅桜菊蘭翠颯凛湊蒼暁'];
const FILLER = ['本人と面談した。', '通院に同行する予定。', 'ケアマネジャーから連絡あり', '家計の状況を確認', '次回の支援会議で検討', '', '、', ' '];

const reading = fc.array(fc.integer({ min: 0, max: syllables.length - 1 }), { minLength: 2, maxLength: 4 });
const person = fc.record({
  surname: fc.array(fc.constantFrom(...KANJI), { minLength: 2, maxLength: 2 }).map((chars) => chars.join('')),
  given: fc.array(fc.constantFrom(...KANJI), { minLength: 2, maxLength: 2 }).map((chars) => chars.join('')),
  surnameReading: reading,
  givenReading: reading,
  phone: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((digits) => `0${digits.join('')}`),
  birth: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }),
  block: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 })),
});
type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

const form = (indexes: number[], column: 0 | 1 | 2 | 3) => indexes.map((index) => syllables[index]![column]).join('');
const iso = (date: Date) => date.toISOString().slice(0, 10);
const fullWidth = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
const KANJI_DIGITS = '〇一二三四五六七八九';
const kanjiNumber = (value: number) => (value < 10 ? KANJI_DIGITS[value]! : `${value >= 20 ? KANJI_DIGITS[Math.floor(value / 10)] : ''}十${value % 10 ? KANJI_DIGITS[value % 10] : ''}`);
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function wareki(date: Date): string {
  const [year, month, day] = iso(date).split('-').map(Number) as [number, number, number];
  const era = iso(date) >= '1989-01-08' ? ['平成', 1988] : ['昭和', 1925];
  return `${era[0]}${year - (era[1] as number)}年${month}月${day}日`;
}

/** One identifier of the person as someone might write it. */
const spellingOf = (p: Person): fc.Arbitrary<string> =>
  fc.constantFrom(
    `${p.surname}${p.given}`,
    `${p.surname} ${p.given}`,
    [...`${p.surname}${p.given}`].join(' '),
    `${p.given}さん`,
    `${form(p.surnameReading, 0)} ${form(p.givenReading, 0)}`,
    `${form(p.surnameReading, 1)} ${form(p.givenReading, 1)}`,
    `${form(p.surnameReading, 2)}${form(p.givenReading, 2)}`,
    [...form(p.givenReading, 0)].join(' '),
    `${capitalized(form(p.surnameReading, 3))} ${capitalized(form(p.givenReading, 3))}`,
    `${capitalized(form(p.givenReading, 3))} ${form(p.surnameReading, 3).toUpperCase()}`,
    `${form(p.surnameReading, 3)}${form(p.givenReading, 3)}`,
    `${p.phone.slice(0, 3)}-${p.phone.slice(3, 6)}-${p.phone.slice(6)}`,
    `${p.phone.slice(0, 3)}.${p.phone.slice(3, 6)}.${p.phone.slice(6)}`,
    fullWidth(`${p.phone.slice(0, 3)} ${p.phone.slice(3, 6)} ${p.phone.slice(6)}`),
    `架空市緑町${p.block[0]}-${p.block[1]}-${p.block[2]}`,
    `緑町${kanjiNumber(p.block[0])}丁目${kanjiNumber(p.block[1])}番${kanjiNumber(p.block[2])}号`,
    fullWidth(`緑町${p.block[0]}丁目${p.block[1]}番地${p.block[2]}`),
    iso(p.birth),
    `${wareki(p.birth)}生まれ`,
    `${82 + p.block[0]}歳`,
  );

/** What must not be in a masked text, compared in the form that ignores spelling. */
function forbidden(p: Person): string[] {
  return [p.surname, p.given, form(p.surnameReading, 0), form(p.givenReading, 0), p.phone, p.phone.slice(-8), iso(p.birth).replace(/-/g, ''), wareki(p.birth), `緑町${p.block.join('')}`, form(p.surnameReading, 3), form(p.givenReading, 3)]
    .map((value) => normalizedKey(value, true))
    .filter((key) => key.length >= 2);
}

function household(people: Person[]): HouseholdIdentity {
  return {
    address: `架空市緑町${people[0]!.block.join('-')}`,
    members: people.map((p, index) => ({
      id: `member-${index}`,
      position: index,
      name: `${p.surname} ${p.given}`,
      kana: `${form(p.surnameReading, 2)} ${form(p.givenReading, 2)}`,
      birthDate: iso(p.birth),
      phone: p.phone,
      address: `架空市緑町${p.block[0]}丁目${p.block[1]}番${p.block[2]}号`,
    })),
  };
}

function survivors(masked: string, people: Person[]): string[] {
  const rest = normalizedKey(masked, true);
  const left = people.flatMap(forbidden).filter((key) => rest.includes(key));
  if (/[0-9０-９]+\s*(歳|才)/.test(masked)) left.push('exact age');
  if (/[0-9０-９]+[-－][0-9０-９]+[-－][0-9０-９]+/.test(masked.replace(/\d{4}-\d{2}-\d{2}/g, ''))) left.push('house number');
  return left;
}

const scenario = fc
  .array(person, { minLength: 1, maxLength: 3 })
  .chain((people) =>
    fc.record({
      people: fc.constant(people),
      // The last person is deleted from the household: still a candidate, from the log.
      deleteLast: fc.boolean(),
      pieces: fc.array(fc.oneof(fc.constantFrom(...FILLER), fc.constantFrom(...people).chain(spellingOf)), { minLength: 1, maxLength: 8 }),
    }),
  );

function redactionOf(people: Person[], deleteLast: boolean) {
  const identity = household(people);
  if (!deleteLast || people.length < 2) return redactionFor(identity);
  return redactionFor({ ...identity, members: identity.members.slice(0, -1) }, identity.members.slice(-1));
}

describe('masking whatever the spelling (property)', () => {
  it('leaves nothing identifying in free text: redacted, or withheld', () => {
    fc.assert(
      fc.property(scenario, ({ people, deleteLast, pieces }) => {
        const text = pieces.join('');
        // The check itself sees every spelling: unmasked, the text fails it.
        if (pieces.some((piece) => !FILLER.includes(piece))) expect(survivors(text, people)).not.toEqual([]);
        const masked = maskFreeText(text, redactionOf(people, deleteLast));
        expect(survivors(masked.text, people)).toEqual([]);
        if (masked.withheld) expect(masked.text).toBe(WITHHELD_TEXT);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('leaves nothing identifying in minutes, however the text is split into runs, marked, linked and attributed', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }), ({ people, deleteLast, pieces }, cuts) => {
        const text = pieces.join('');
        const source = new Y.Doc();
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.setAttribute('title', text);
        const runs = new Y.XmlText();
        paragraph.insert(0, [runs]);
        source.getXmlFragment(MINUTES_FRAGMENT).insert(0, [paragraph]);
        const boundaries = [...new Set([0, ...cuts.filter((cut) => cut < text.length), text.length])].sort((a, b) => a - b);
        const marks = [{ bold: {} }, { italic: {} }, { link: { href: `tel:${text}` } }, {}];
        runs.applyDelta(
          boundaries.slice(1).map((end, index) => ({ insert: text.slice(boundaries[index], end), attributes: marks[index % marks.length] })).filter((op) => op.insert !== ''),
        );
        const view = new Y.Doc();
        renderMaskedView(view, 'minutes', source, redactionOf(people, deleteLast), new Date('2026-12-04T00:00:00+09:00'), null);
        const fragment = view.getXmlFragment(MINUTES_FRAGMENT);
        const everything = JSON.stringify([fragment.toString(), fragment.toArray().map((node) => (node instanceof Y.XmlElement ? node.getAttributes() : null))]);
        expect(survivors(everything, people)).toEqual([]);
        expect(everything).not.toContain('tel:');
      }),
      { numRuns: 200, seed: 20261205 },
    );
  });
});
