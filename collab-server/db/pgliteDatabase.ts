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

export type PgliteDatabase = Pick<Database, 'query' | 'exec' | 'transaction' | 'close'>;

/**
 * A PGlite folder, the embedded storage of kasane before it ran a real PostgreSQL. Opened only
 * to move its records into the embedded server (pgliteImport.ts), and only on a copy: PGlite
 * can leave a folder unopenable after an unclean stop.
 */
export async function openPgliteFolder(dataDir: string): Promise<PgliteDatabase> {
  const db = await PGlite.create({ dataDir, parsers });
  return {
    ...queryableOf(db),
    transaction: (work) => db.transaction((tx) => work(queryableOf(tx))),
    close: () => db.close(),
  };
}
