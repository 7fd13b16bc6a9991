/** Whole yen, as the model stores them (see yenSchema); the upper bound is the model's. */
export const MAX_YEN = 100_000_000_000;

export type YenParseResult =
  | { readonly ok: true; readonly yen: number | null }
  | { readonly ok: false; readonly error: 'format' | 'tooLarge' };

const yenFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

/**
 * Accepts 「120,000」「１２０，０００」「120000円」. 「12万」 is refused on purpose: 万 invites
 * rounding, and the record should hold the amount as written on the notice. Empty input
 * means "not entered".
 */
export function parseYen(input: string): YenParseResult {
  const normalized = input.normalize('NFKC').replace(/[\s,、]/g, '').replace(/円$/, '');
  if (normalized === '') return { ok: true, yen: null };
  if (!/^\d+$/.test(normalized)) return { ok: false, error: 'format' };
  const yen = Number(normalized);
  if (!Number.isSafeInteger(yen) || yen > MAX_YEN) return { ok: false, error: 'tooLarge' };
  return { ok: true, yen };
}

/** 「120,000」 */
export function formatYen(yen: number): string {
  return yenFormat.format(yen);
}
