import type { Queryable } from '../db/database.ts';

/** How much a database holds, for `npm run migrate-data`'s report. */
export async function storedCounts(db: Queryable): Promise<{ agencies: number; updates: number; audit: number }> {
  const { rows } = await db.query<{ agencies: number; updates: number; audit: number }>(
    `select (select count(*)::int from agencies) as agencies,
            (select count(*)::int from document_updates) as updates,
            (select count(*)::int from audit_log) as audit`,
  );
  return rows[0] ?? { agencies: 0, updates: 0, audit: 0 };
}
