import * as Y from 'yjs';

/**
 * Writing values by the sections' shape rule (see SectionSpec.textKeys): objects become
 * nested Y.Maps, text keys Y.Texts, everything else plain values. Used by the app's forms, the
 * seed and tests, so that every writer produces the shape the server validates.
 */
export type PlainValue = string | number | boolean | null | { readonly [key: string]: PlainValue | undefined };

export function ensureMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = parent.get(key);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  const created = new Y.Map<unknown>();
  parent.set(key, created);
  return created;
}

export function ensureText(parent: Y.Map<unknown>, key: string): Y.Text {
  const existing = parent.get(key);
  if (existing instanceof Y.Text) return existing;
  const created = new Y.Text();
  parent.set(key, created);
  return created;
}

/** Replaces a Y.Text's content with the smallest edit (common prefix and suffix kept). */
export function replaceText(text: Y.Text, next: string): void {
  const previous = text.toString();
  if (previous === next) return;
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start += 1;
  let endPrevious = previous.length;
  let endNext = next.length;
  while (endPrevious > start && endNext > start && previous[endPrevious - 1] === next[endNext - 1]) {
    endPrevious -= 1;
    endNext -= 1;
  }
  // Callers group these into one transaction (one update, one undo step) where they need to.
  if (endPrevious > start) text.delete(start, endPrevious - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}

export function writeValue(parent: Y.Map<unknown>, key: string, value: PlainValue | undefined, textKeys: ReadonlySet<string>): void {
  if (value === undefined) {
    parent.delete(key);
  } else if (textKeys.has(key) && typeof value === 'string') {
    replaceText(ensureText(parent, key), value);
  } else if (value !== null && typeof value === 'object') {
    writeObject(ensureMap(parent, key), value, textKeys);
  } else if (parent.get(key) !== value) {
    parent.set(key, value);
  }
}

export function writeObject(
  target: Y.Map<unknown>,
  values: { readonly [key: string]: PlainValue | undefined },
  textKeys: ReadonlySet<string>,
): void {
  for (const [key, value] of Object.entries(values)) writeValue(target, key, value, textKeys);
}

/**
 * Makes a Y.Map hold exactly `values` (keys not in it are removed), changing only what differs,
 * so that a document kept in step with another sends small updates.
 */
export function syncObject(
  target: Y.Map<unknown>,
  values: { readonly [key: string]: PlainValue | undefined },
  textKeys: ReadonlySet<string>,
): void {
  for (const key of [...target.keys()]) if (!(key in values) || values[key] === undefined) target.delete(key);
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && typeof value === 'object' && !(textKeys.has(key) && typeof value === 'string')) {
      syncObject(ensureMap(target, key), value, textKeys);
    } else {
      writeValue(target, key, value, textKeys);
    }
  }
}
