import { diffChars } from 'diff';
import { fieldLabels, labelOf } from './fieldLabels.ts';

/** One changed value of a structured section, old → new. */
export interface FieldDiff {
  path: string;
  /** 「世帯員 B氏 / 電話」: the path in Japanese, with an item's name where it has one. */
  label: string;
  before: unknown;
  after: unknown;
}

export interface TextDiffPart {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

const itemId = /^[A-Za-z0-9_-]{6,64}$/;

function itemName(value: unknown): string | null {
  if (!isObject(value)) return null;
  for (const key of ['name', 'label']) {
    const candidate = value[key];
    if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
  }
  return null;
}

/** Every leaf that differs between two versions of a structured section's JSON. */
export function diffSectionJson(before: Json, after: Json): FieldDiff[] {
  const changes: FieldDiff[] = [];
  const walk = (a: unknown, b: unknown, path: string[], labels: string[]) => {
    if (isObject(a) || isObject(b)) {
      const left = isObject(a) ? a : {};
      const right = isObject(b) ? b : {};
      for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
        // Who changed what is history's own subject, not a change of the record.
        if (path.length === 0 && key === 'changedBy') continue;
        // An item of a keyed collection is named by its name or label, not by its id.
        const isItem = itemId.test(key) && !(key in fieldLabels);
        const label = isItem ? (itemName(right[key]) ?? itemName(left[key]) ?? '') : labelOf(key);
        walk(left[key], right[key], [...path, key], label ? [...labels, label] : labels);
      }
      return;
    }
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) {
      changes.push({ path: path.join('/'), label: labels.join(' / '), before: a ?? null, after: b ?? null });
    }
  };
  walk(before, after, [], []);
  return changes;
}

/** Added and removed text between two versions of the minutes (as plain text). */
export function diffText(before: string, after: string): TextDiffPart[] {
  return diffChars(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/** 「議事録に 3 段落追加」-style one line for a change of the minutes. */
export function summarizeMinutes(beforeParagraphs: number, afterParagraphs: number, textChanged: boolean): string {
  const delta = afterParagraphs - beforeParagraphs;
  if (delta > 0) return `議事録に ${delta} 段落追加`;
  if (delta < 0) return `議事録から ${-delta} 段落削除`;
  return textChanged ? '議事録を修正' : '議事録（変更なし）';
}

/** 「世帯員 山田太郎: 電話を変更」-style one line for a change of a structured section. */
export function summarizeFields(sectionLabel: string, changes: FieldDiff[]): string {
  if (changes.length === 0) return `${sectionLabel}（変更なし）`;
  const labels = [...new Set(changes.map((change) => change.label))];
  const shown = labels.slice(0, 3).join('、');
  return `${sectionLabel}: ${shown}${labels.length > 3 ? ` ほか${labels.length - 3}項目` : ''}を変更`;
}
