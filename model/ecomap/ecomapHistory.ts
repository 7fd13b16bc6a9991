import type { FieldDiff } from '../history/sectionDiff.ts';
import { RECORDS_ROOT, type EcomapRecord, type EcomapRecords } from './ecomapDocument.ts';
import { familyTieLabels, type FamilyTieKind } from './shapes/familyTieShape.ts';
import { tieStrengthLabels, type TieStrength } from './shapes/supportTieShape.ts';

const shapeKindLabels: Record<string, string> = {
  'household-member': '世帯員',
  'household-boundary': '世帯',
  'social-resource': '機関・社会資源',
  'support-tie': '関係線',
  'family-tie': '続柄線',
  text: '文字',
  note: '付箋',
  geo: '図形',
  arrow: '矢印',
  draw: '手書き',
  line: '線',
};

/** 「機関・社会資源「地域包括支援センター」」: a shape named in words, never by its id. */
export function describeShape(record: EcomapRecord): string {
  const type = String(record.type ?? '');
  const props = (record.props ?? {}) as Record<string, unknown>;
  const kind = shapeKindLabels[type] ?? '図形';
  if (type === 'social-resource' && typeof props.name === 'string' && props.name) return `${kind}「${props.name}」`;
  if (type === 'support-tie') return `${kind}（${tieStrengthLabels[props.strength as TieStrength] ?? ''}）`;
  if (type === 'family-tie') return `${kind}（${familyTieLabels[props.kind as FamilyTieKind] ?? ''}）`;
  return kind;
}

const shapesOf = (json: Record<string, unknown>): EcomapRecords =>
  Object.fromEntries(Object.entries((json[RECORDS_ROOT] ?? {}) as EcomapRecords).filter(([, record]) => record.typeName === 'shape'));

/** Shapes added, removed and changed between two states of the map, for 履歴's comparison. */
export function diffEcomap(before: Record<string, unknown>, after: Record<string, unknown>): FieldDiff[] {
  const left = shapesOf(before);
  const right = shapesOf(after);
  const changes: FieldDiff[] = [];
  for (const id of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const a = left[id];
    const b = right[id];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const label = describeShape((b ?? a)!);
    changes.push({ path: `${RECORDS_ROOT}/${id}`, label, before: a ? (b ? '変更前' : 'あり') : null, after: b ? (a ? '変更後' : 'あり') : null });
  }
  return changes;
}

/** 「エコマップ: 2件追加、1件変更」-style one line for the timeline. */
export function summarizeEcomap(changes: readonly FieldDiff[]): string {
  const added = changes.filter((change) => change.before === null).length;
  const removed = changes.filter((change) => change.after === null).length;
  const changed = changes.length - added - removed;
  const parts = [added && `${added}件追加`, changed && `${changed}件変更`, removed && `${removed}件削除`].filter(Boolean);
  return parts.length > 0 ? `エコマップ: ${parts.join('、')}` : 'エコマップ（変更なし）';
}
