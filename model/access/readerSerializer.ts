import { freeTextFields, type FreeTextKind } from './freeTextFields.ts';
import { maskFreeText, redactJson, type MaskedText, type Redaction } from './masking.ts';

declare const forReaderBrand: unique symbol;

/**
 * A value made fit for one reader by the serializer below, and only by it: the HTTP helpers and
 * the websocket delivery accept nothing else, so no route can send a classified field unmasked.
 */
export type ForReader<T> = T & { readonly [forReaderBrand]: true };

/** How one reader may receive the case's free text: as written, or masked. */
export type ReaderMasking = { readonly kind: 'clear' } | { readonly kind: 'masked'; readonly redaction: Redaction };

export const clearReader: ReaderMasking = { kind: 'clear' };

function maskPath(value: unknown, path: readonly string[], mask: (text: unknown) => unknown): unknown {
  if (path.length === 0) return mask(value);
  const [head, ...rest] = path as [string, ...string[]];
  if (head.endsWith('[]')) {
    const key = head.slice(0, -2);
    const list = key === '' ? value : (value as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(list)) return value;
    const masked = list.map((item) => maskPath(item, rest, mask));
    return key === '' ? masked : { ...(value as object), [key]: masked };
  }
  if (value === null || typeof value !== 'object' || !(head in value)) return value;
  return { ...(value as object), [head]: maskPath((value as Record<string, unknown>)[head], rest, mask) };
}

const splitPath = (path: string) => path.split('.');

/**
 * The one masking serializer: every free-text field of `kind` in `value` masked for a masked
 * reader (redacted, or withheld when an identifier may remain), returned as it is otherwise.
 */
export function forReader<T>(kind: FreeTextKind, value: T, reader: ReaderMasking): ForReader<T> {
  if (reader.kind === 'clear') return value as ForReader<T>;
  const { redaction } = reader;
  const mask = (text: unknown) => (typeof text === 'string' ? maskFreeText(text, redaction).text : text === null || text === undefined ? text : redactJson(text, redaction));
  let result: unknown = value;
  for (const path of freeTextFields[kind]) result = maskPath(result, splitPath(path), mask);
  return result as ForReader<T>;
}

/** What a masked reader would be shown for a text, for the coordinator's review before sharing. */
export function previewForMaskedReader(text: string, redaction: Redaction): MaskedText {
  return maskFreeText(text, redaction);
}
