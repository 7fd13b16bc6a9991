import type * as Y from 'yjs';
import { PROGRESS_ROOT } from './progressLog.ts';

interface Author {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
}

const authorKeys = ['authorId', 'authorName', 'agencyId', 'agencyName'] as const;
/** What only the writing agency may change; anyone may move a task's status. */
const contentKeys = ['occurredAt', 'kind', 'contactMethod', 'text', 'dueDate'] as const;

type Entry = Record<string, unknown>;

/**
 * 支援経過 entries carry their author, and the author must be whoever the server verified:
 * a new entry names the writer, nobody changes an entry's author, and only the author's
 * agency changes or deletes its content.
 */
export function authorshipProblems(before: Y.Doc, after: Y.Doc, writer: Author): string[] {
  const previous = before.getMap(PROGRESS_ROOT).toJSON() as Record<string, Entry>;
  const next = after.getMap(PROGRESS_ROOT).toJSON() as Record<string, Entry>;
  const expected: Record<(typeof authorKeys)[number], string> = {
    authorId: writer.id,
    authorName: writer.name,
    agencyId: writer.agencyId,
    agencyName: writer.agencyName,
  };
  const problems: string[] = [];
  for (const [id, entry] of Object.entries(next)) {
    const old = previous[id];
    if (!old) {
      if (authorKeys.some((key) => entry[key] !== expected[key])) problems.push(`記録者が本人ではありません: ${id}`);
      continue;
    }
    if (authorKeys.some((key) => entry[key] !== old[key])) problems.push(`記録者は変更できません: ${id}`);
    const contentChanged = contentKeys.some((key) => JSON.stringify(entry[key]) !== JSON.stringify(old[key]));
    if (contentChanged && old.agencyId !== writer.agencyId) problems.push(`他機関の記録の内容は変更できません: ${id}`);
  }
  for (const [id, old] of Object.entries(previous)) {
    if (!(id in next) && old.agencyId !== writer.agencyId) problems.push(`他機関の記録は削除できません: ${id}`);
  }
  return problems;
}
