/**
 * Hepburn romaji of a kana reading, in the spellings people actually write a name in: with or
 * without the long vowel (Tarō, Taro, Tarou, Taroh). Only for finding names, never for display.
 */

const BASE: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so',
  タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to', ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo', ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヰ: 'i', ヱ: 'e', ヲ: 'o',
  ン: 'n', ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo', ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do',
  バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo', パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', ヴ: 'vu', ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o',
};
const SMALL_Y: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o' };

/** One reading (katakana, no spaces) → its Hepburn spelling, long vowels written out (tarou). */
function hepburn(kana: string): string {
  let out = '';
  const chars = [...kana];
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    const next = chars[i + 1];
    if (char === 'ッ') {
      const following = next ? (BASE[next] ?? '') : '';
      out += following.startsWith('ch') ? 't' : (following[0] ?? '');
      continue;
    }
    if (char === 'ー') {
      out += out.at(-1) ?? '';
      continue;
    }
    const base = BASE[char];
    if (base === undefined) continue;
    if (next && next in SMALL_Y) {
      const stem = base.endsWith('i') ? base.slice(0, -1) : base;
      out += (['sh', 'ch', 'j'].includes(stem) ? stem : `${stem}y`) + SMALL_Y[next]!;
      i += 1;
      continue;
    }
    out += base;
  }
  return out;
}

/** The spellings of one reading: tarou, taro, taroh, and n before b/m/p written as m. */
export function romajiVariants(kana: string): string[] {
  const full = hepburn(kana);
  if (!full) return [];
  const variants = new Set([full]);
  variants.add(full.replace(/ou/g, 'o').replace(/uu/g, 'u').replace(/oo/g, 'o'));
  variants.add(full.replace(/ou/g, 'oh'));
  variants.add(full.replace(/ou/g, 'oo'));
  variants.add(full.replace(/ei/g, 'e'));
  for (const variant of [...variants]) variants.add(variant.replace(/n([bmp])/g, 'm$1'));
  return [...variants];
}
