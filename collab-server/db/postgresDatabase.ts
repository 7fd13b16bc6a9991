import pg from 'pg';
import type { Database, Queryable, StorageKind } from './database.ts';
import { listenOnPostgres } from './postgresNotifications.ts';

// bigint columns (update sequence numbers) stay far below 2^53; numbers are easier to use.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function queryableOf(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

export function openPostgresDatabase(connectionString: string, kind: StorageKind = 'postgresql'): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the process.
  pool.on('error', () => {});
  return {
    kind,
    ...queryableOf(pool),
    async transaction(work) {
      const client = await pool.connect();
      // A connection lost mid-transaction is reported as an 'error' event on the checked-out
      // client (the pool only listens to idle ones); unheard, it would crash the process.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await work(queryableOf(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        lost ??= error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose transaction failed is discarded rather than reused.
        client.release(lost);
      }
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    listen: (channel, listener) => listenOnPostgres(connectionString, channel, listener),
    close: () => pool.end(),
  };
}
