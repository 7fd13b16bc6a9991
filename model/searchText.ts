/**
 * The form names are searched in: width and case folded (NFKC), katakana as hiragana, no
 * spaces. 「ヤマダ」「やまだ」「ﾔﾏﾀﾞ」 all become 「やまだ」; kanji stay as they are.
 */
export function searchText(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60))
    .replace(/[\s\u3000・]/g, '');
}
