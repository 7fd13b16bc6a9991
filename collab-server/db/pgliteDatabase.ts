import { mkdir } from 'node:fs/promises';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

const parsers = { [types.INT8]: (value: string) => Number(value) };

function queryableOf(target: PGlite | Transaction): Queryable {
  return {
    async query(sql, params) {
      const result = await target.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as never[] };
    },
    async exec(sql) {
      await target.exec(sql);
    },
  };
}

/** An embedded PostgreSQL kept in `dataDir`, so `npm start` needs nothing installed. */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, parsers });
  return {
    kind: 'pglite',
    ...queryableOf(db),
    transaction: (work) => db.transaction((tx) => work(queryableOf(tx))),
    // One process owns an embedded database, so its own LISTEN is every instance's; it is never lost.
    async notify(channel, payload) {
      await db.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, listener) {
      const unlisten = await db.listen(channel, (payload) => listener.onNotification(payload));
      return () => unlisten();
    },
    close: () => db.close(),
  };
}
