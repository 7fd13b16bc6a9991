import { randomUUID } from 'node:crypto';
import { caseSections, parseCaseDocumentName } from '../../model/documentNames.ts';
import type { NamedVersion } from '../../model/history/historyApi.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The key of a document in a version's `seqs`: its section, or `meetings/<id>/minutes` for a
 * meeting's minutes, so that a meeting's minutes never take the place of the case's own.
 */
function versionKey(documentName: string): string | null {
  const parsed = parseCaseDocumentName(documentName);
  if (!parsed || parsed.view !== 'source') return null;
  return parsed.meetingId === undefined ? parsed.section : `meetings/${parsed.meetingId}/minutes`;
}

/** Names the case as it is now: the newest update of each of its documents. */
export async function nameVersion(db: Queryable, caseId: string, name: string, userId: string): Promise<string> {
  const { rows } = await db.query<{ name: string; last_seq: number }>('select name, last_seq from documents where name like $1', [`case/${caseId}/%`]);
  const seqs: Record<string, number> = {};
  for (const row of rows) {
    const key = versionKey(row.name);
    if (key !== null) seqs[key] = Number(row.last_seq);
  }
  const id = randomUUID();
  await db.query('insert into case_versions (id, case_id, name, seqs, created_by) values ($1, $2, $3, $4, $5)', [id, caseId, name, JSON.stringify(seqs), userId]);
  return id;
}

const isSection = (key: string): key is (typeof caseSections)[number] => (caseSections as readonly string[]).includes(key);

/** The case's named versions, newest first, with the sections' seqs (the history tab shows sections). */
export async function listVersions(db: Queryable, caseId: string): Promise<NamedVersion[]> {
  const { rows } = await db.query<{ id: string; name: string; seqs: Record<string, number>; created_by: string | null; created_at: Date }>(
    `select v.id, v.name, v.seqs, u.name as created_by, v.created_at
       from case_versions v left join users u on u.id = v.created_by where v.case_id = $1 order by v.created_at desc`,
    [caseId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    seqs: Object.fromEntries(Object.entries(row.seqs).filter(([key]) => isSection(key))),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
