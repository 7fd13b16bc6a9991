import { taskStatuses, type TaskStatus } from '../../model/sections/common.ts';
import { contactMethods, progressKinds } from '../../model/sections/progressLog.ts';
import { tokyoDateTime } from '../../model/time/tokyoClock.ts';

type ProgressKind = (typeof progressKinds)[number];
type ContactMethod = (typeof contactMethods)[number];

/** One row of 支援経過 as the table needs it, read leniently from the document's JSON. */
export interface ProgressRow {
  readonly id: string;
  readonly occurredAt: string;
  /** Epoch ms, for sorting; NaN sorts last. */
  readonly time: number;
  /** `YYYY-MM` in Japan time, for the 日時 filter. */
  readonly month: string | null;
  readonly agencyId: string;
  readonly agencyName: string;
  readonly authorName: string;
  readonly kind: ProgressKind | null;
  readonly contactMethod: ContactMethod | null;
  readonly text: string;
  readonly taskStatus: TaskStatus | null;
  readonly dueDate: string | null;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function progressRows(entries: Readonly<Record<string, unknown>>): ProgressRow[] {
  const rows: ProgressRow[] = [];
  for (const [id, raw] of Object.entries(entries)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const data = raw as Record<string, unknown>;
    const occurredAt = stringOr(data['occurredAt'], '');
    const time = Date.parse(occurredAt);
    const local = Number.isNaN(time) ? null : tokyoDateTime(new Date(time));
    rows.push({
      id,
      occurredAt,
      time,
      month: local ? local.date.slice(0, 7) : null,
      agencyId: stringOr(data['agencyId'], ''),
      agencyName: stringOr(data['agencyName'], ''),
      authorName: stringOr(data['authorName'], ''),
      kind: oneOf(progressKinds, data['kind']),
      contactMethod: oneOf(contactMethods, data['contactMethod']),
      text: stringOr(data['text'], ''),
      taskStatus: oneOf(taskStatuses, data['taskStatus']),
      dueDate: typeof data['dueDate'] === 'string' ? data['dueDate'] : null,
    });
  }
  return rows;
}

export type SortOrder = 'ascending' | 'descending';

export interface ProgressFilters {
  readonly month: string;
  readonly agencyId: string;
  readonly author: string;
  readonly kind: string;
  readonly method: string;
  readonly text: string;
  readonly status: string;
}

export const noFilters: ProgressFilters = { month: '', agencyId: '', author: '', kind: '', method: '', text: '', status: '' };

/** Width- and case-insensitive, so 「ｶﾞｽ」 finds 「ガス」 and 「ＤＶ」 finds 「DV」. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function filterAndSort(rows: readonly ProgressRow[], filters: ProgressFilters, order: SortOrder): ProgressRow[] {
  const text = normalize(filters.text.trim());
  const matching = rows.filter(
    (row) =>
      (filters.month === '' || row.month === filters.month) &&
      (filters.agencyId === '' || row.agencyId === filters.agencyId) &&
      (filters.author === '' || row.authorName === filters.author) &&
      (filters.kind === '' || row.kind === filters.kind) &&
      (filters.method === '' || row.contactMethod === filters.method) &&
      (filters.status === '' || row.taskStatus === filters.status) &&
      (text === '' || normalize(row.text).includes(text)),
  );
  const direction = order === 'ascending' ? 1 : -1;
  return matching.sort((a, b) => {
    const aValid = !Number.isNaN(a.time);
    const bValid = !Number.isNaN(b.time);
    if (aValid !== bValid) return aValid ? -1 : 1;
    return (a.time - b.time) * direction || a.id.localeCompare(b.id);
  });
}
