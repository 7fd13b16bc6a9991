/**
 * The form in which identifiers are looked for: one spelling per sound and number, whatever
 * width, kana, case, spacing or numeral style the writer used. Each normalized character keeps
 * the span of the original text it came from, so that a match found here can be cut out there.
 */

export interface NormalizedText {
  /** The normalized characters, joined. */
  readonly text: string;
  /** For each normalized character, [start, end) in the original text. */
  readonly spans: readonly (readonly [number, number])[];
}

// Spacing and punctuation a writer may put inside a name, number or address without changing it.
const SEPARATORS = new Set([
  ' ', '\u3000', '\t', '\n', '\r', '・', '･', '-', '‐', '‑', '–', '—', '―', '−', '－', 'ー', 'ｰ', '〜', '~', '.', '．', '。', '、', ',', '，',
  '_', '(', ')', '（', '）', '/', '／', '〒', '「', '」', '『', '』', '"', "'", '’', '‘', '“', '”', ':', '：', '·',
]);
const VOICING_MARKS = new Set(['\uff9e', '\uff9f', '\u3099', '\u309a', '\u309b', '\u309c']);
const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 壱: 1, 弐: 2, 参: 3 };
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
// Written after a number in an address; dropped so that 3丁目12番5号 and 3-12-5 read alike.
const ADDRESS_UNITS = ['丁目', '番地', '番', '号', 'の'];

const toKatakana = (value: string) => value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const withoutDiacritics = (value: string) => (/[\u00c0-\u024f]/.test(value) ? value.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : value);

// Characters repeat a lot; NFKC per character is the cost of masking, so each is worked out once.
const characterCache = new Map<string, string>();

function normalizedCharacter(original: string): string {
  let normalized = characterCache.get(original);
  if (normalized === undefined) {
    normalized = toKatakana(withoutDiacritics(original.normalize('NFKC')).toLowerCase()).replace(/[\u3099\u309a]/g, '');
    if (characterCache.size > 20_000) characterCache.clear();
    characterCache.set(original, normalized);
  }
  return normalized;
}

interface Token {
  char: string;
  start: number;
  end: number;
}

function kanjiNumber(run: string): string {
  if (![...run].some((c) => c in KANJI_UNITS)) return [...run].map((c) => String(KANJI_DIGITS[c] ?? '')).join('');
  let total = 0;
  let digit = 0;
  for (const c of run) {
    if (c in KANJI_UNITS) {
      total += (digit || 1) * KANJI_UNITS[c]!;
      digit = 0;
    } else digit = KANJI_DIGITS[c] ?? 0;
  }
  return String(total + digit);
}

const isKanjiNumeral = (c: string) => c in KANJI_DIGITS || c in KANJI_UNITS;

/**
 * Normalizes for matching: NFKC (half-width kana and full-width digits and letters), hiragana as
 * katakana, lower case without diacritics (Tarō = taro), kanji numerals as digits, separators and
 * the units of an address dropped. `aggressive` also drops every character that is neither a
 * letter nor a digit, for the final check that nothing is left.
 */
export function normalizeForMatching(text: string, aggressive = false): NormalizedText {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index)!;
    let length = codePoint > 0xffff ? 2 : 1;
    while (index + length < text.length && VOICING_MARKS.has(text[index + length]!)) length += 1;
    const original = text.slice(index, index + length);
    const normalized = normalizedCharacter(original);
    for (const char of normalized) {
      if (SEPARATORS.has(char) || /\s/.test(char)) continue;
      if (aggressive && !/[\p{L}\p{N}]/u.test(char)) continue;
      tokens.push({ char, start: index, end: index + length });
    }
    index += length;
  }
  // Kanji numerals → digits, each digit covering the whole numeral.
  const numbered: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!isKanjiNumeral(tokens[i]!.char)) {
      numbered.push(tokens[i]!);
      i += 1;
      continue;
    }
    let j = i;
    while (j < tokens.length && isKanjiNumeral(tokens[j]!.char)) j += 1;
    const run = tokens.slice(i, j);
    // A lone 一 or 十 inside words (一緒, 十分) is left alone; numbers in addresses are followed by a unit or a digit.
    const next = tokens[j]?.char ?? '';
    const looksNumeric = run.length > 1 || /[0-9丁番号歳才年月日]/.test(next);
    if (!looksNumeric) numbered.push(...run);
    else for (const char of kanjiNumber(run.map((token) => token.char).join(''))) numbered.push({ char, start: run[0]!.start, end: run.at(-1)!.end });
    i = j;
  }
  // Address units after a digit are dropped (their span is still covered by a match that ends there).
  const result: Token[] = [];
  for (let i = 0; i < numbered.length; ) {
    const previous = result.at(-1)?.char ?? '';
    if (/[0-9]/.test(previous)) {
      const unit = ADDRESS_UNITS.find((candidate) => [...candidate].every((c, k) => numbered[i + k]?.char === c));
      if (unit) {
        result.at(-1)!.end = numbered[i + unit.length - 1]!.end;
        i += unit.length;
        continue;
      }
    }
    result.push({ ...numbered[i]! });
    i += 1;
  }
  return { text: result.map((token) => token.char).join(''), spans: result.map((token) => [token.start, token.end] as const) };
}

/** The normalized form of a candidate identifier (its spans are not needed). */
export const normalizedKey = (value: string, aggressive = false): string => normalizeForMatching(value, aggressive).text;
