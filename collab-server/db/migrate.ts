import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Umzug, type UmzugStorage } from 'umzug';
import type { Database, Queryable } from './database.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any constant works; it only has to be the same for every kasane process.
const MIGRATION_LOCK = 7_240_112;

function storageIn(tx: Queryable): UmzugStorage {
  return {
    async executed() {
      const { rows } = await tx.query<{ name: string }>('select name from schema_migrations order by name');
      return rows.map((row) => row.name);
    },
    async logMigration({ name }) {
      await tx.query('insert into schema_migrations (name) values ($1)', [name]);
    },
    async unlogMigration({ name }) {
      await tx.query('delete from schema_migrations where name = $1', [name]);
    },
  };
}

/**
 * Applies the SQL files in migrations/ in name order, inside one transaction that holds
 * an advisory lock, so several instances starting together against one PostgreSQL
 * neither race nor leave a half-migrated schema.
 */
export async function migrate(database: Pick<Database, 'transaction'>): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql')).sort();
  return database.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const umzug = new Umzug({
      migrations: files.map((file) => ({
        name: file,
        up: async () => tx.exec(await readFile(path.join(migrationsDir, file), 'utf8')),
      })),
      storage: storageIn(tx),
      logger: undefined,
    });
    const applied = await umzug.up();
    return applied.map((migration) => migration.name);
  });
}
