import { redactText } from '../../model/access/masking.ts';
import { searchText } from '../../model/searchText.ts';
import type { Queryable } from '../db/database.ts';
import { CaseHistory } from '../history/caseHistory.ts';

type Json = Record<string, unknown>;
const asRecord = (value: unknown): Record<string, Json> =>
  value && typeof value === 'object' ? (value as Record<string, Json>) : {};
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Rewrites the read models that come from one section's JSON (readSection); idempotent. */
export type SectionProjection = (db: Queryable, caseId: string, json: Json) => Promise<void>;

/** The case list's status and title. */
export const projectOverview: SectionProjection = async (db, caseId, json) => {
  const overview = asRecord(json.overview);
  const title = asString(overview.title).trim();
  await db.query(
    `update cases set status = $2, title = case when $3 = '' then title else $3 end, updated_at = now() where id = $1`,
    [caseId, asString(overview.status) || null, title],
  );
  await refreshMaskedTitle(db, caseId);
};

/** The case list's household name and the member search. */
export const projectMembers: SectionProjection = async (db, caseId, json) => {
  const members = Object.entries(asRecord(json.members)).sort(
    ([, a], [, b]) => Number(a.position ?? 0) - Number(b.position ?? 0),
  );
  const householdName =
    asString(asRecord(json.household).name).trim() ||
    (members[0] ? `${asString(members[0][1].name).trim().split(/[\s\u3000]/)[0]}世帯` : '');
  await db.query('delete from case_members where case_id = $1', [caseId]);
  for (const [memberId, member] of members) {
    const name = asString(member.name);
    const kana = asString(member.kana);
    await db.query(
      'insert into case_members (case_id, member_id, name, kana, search_text) values ($1, $2, $3, $4, $5)',
      [caseId, memberId, name, kana, `${searchText(name)} ${searchText(kana)}`],
    );
  }
  await db.query('update cases set household_name = $2, updated_at = now() where id = $1', [
    caseId,
    householdName || null,
  ]);
  await refreshMaskedTitle(db, caseId);
};

/** The task counts from 支援経過's 予定・タスク. */
export const projectProgressLog: SectionProjection = async (db, caseId, json) => {
  const tasks = Object.entries(asRecord(json.entries)).filter(([, entry]) => entry.kind === '予定・タスク');
  await replaceTasks(db, caseId, 'progress', tasks.map(([id, entry]) => ({
    id,
    agencyId: asString(entry.agencyId) || null,
    status: asString(entry.taskStatus) || '未着手',
    dueDate: asString(entry.dueDate) || null,
    summary: asString(entry.text).slice(0, 200),
  })));
};

/** The task counts from the plan's roles. */
export const projectPlan: SectionProjection = async (db, caseId, json) => {
  const roles = Object.entries(asRecord(json.roles));
  await replaceTasks(db, caseId, 'role', roles.map(([id, role]) => ({
    id,
    agencyId: asString(role.agencyId) || null,
    status: asString(role.status) || '未着手',
    dueDate: asString(role.dueDate) || null,
    summary: asString(role.task).slice(0, 200),
  })));
};

async function replaceTasks(
  db: Queryable,
  caseId: string,
  source: 'progress' | 'role',
  tasks: { id: string; agencyId: string | null; status: string; dueDate: string | null; summary: string }[],
): Promise<void> {
  await db.query('delete from case_tasks where case_id = $1 and source = $2', [caseId, source]);
  for (const task of tasks) {
    await db.query(
      `insert into case_tasks (case_id, source, item_id, agency_id, status, due_date, summary)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [caseId, source, task.id, task.agencyId, task.status, task.dueDate, task.summary],
    );
  }
  await db.query('update cases set updated_at = now() where id = $1', [caseId]);
}

/** The title as agencies without the overview see it: the household's names replaced. */
async function refreshMaskedTitle(db: Queryable, caseId: string): Promise<void> {
  const titleRow = await db.query<{ title: string }>('select title from cases where id = $1', [caseId]);
  const title = titleRow.rows[0]?.title ?? '';
  // Masked against every member the case ever had, as every other text for such an agency is.
  const redaction = await new CaseHistory(db).redactionOverTime(caseId);
  await db.query('update cases set masked_title = $2 where id = $1', [caseId, redactText(title, redaction)]);
}
