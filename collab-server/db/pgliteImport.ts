import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { pathExists } from './pathExists.ts';
import type { Database, Queryable } from './database.ts';
import { DataFolderError } from './embedded/dataFolderError.ts';
import { migrate } from './migrate.ts';
import { openPgliteFolder } from './pgliteDatabase.ts';

/** The folders kasane's earlier embedded storage (PGlite) used, and the mark left once moved. */
export function pgliteLayout(dataDir: string) {
  return { folder: path.join(dataDir, 'pglite'), imported: path.join(dataDir, 'pglite-imported') };
}

export type PgliteImport =
  | { kind: 'none' }
  | { kind: 'already-imported' }
  | { kind: 'skipped-not-empty' }
  | { kind: 'imported'; tables: Record<string, number> };

interface Column {
  name: string;
  type: string;
  hasSequence: boolean;
}

const ROWS_PER_INSERT = 200;


async function tablesOf(source: Queryable): Promise<Map<string, Column[]>> {
  const { rows } = await source.query<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>(
    `select c.table_name, c.column_name, c.data_type, c.column_default
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'schema_migrations'
      order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type: row.data_type, hasSequence: row.column_default?.startsWith('nextval(') ?? false });
    tables.set(row.table_name, columns);
  }
  return tables;
}

function valueFor(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // pg would write a JavaScript array as a PostgreSQL array, not as JSON.
  if (column.type === 'jsonb' || column.type === 'json') return JSON.stringify(value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function copyTable(source: Queryable, target: Queryable, table: string, columns: Column[]): Promise<number> {
  const { rows } = await source.query<Record<string, unknown>>(`select * from ${quote(table)}`);
  const names = columns.map((column) => quote(column.name)).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const batch = rows.slice(start, start + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${columns.map((column) => `$${params.push(valueFor(column, row[column.name]))}`).join(', ')})`);
    await target.query(`insert into ${quote(table)} (${names}) values ${tuples.join(', ')}`, params);
  }
  for (const column of columns.filter((candidate) => candidate.hasSequence)) {
    await target.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(column.name)}), 1), max(${quote(column.name)}) is not null) from ${quote(table)}`,
      [table, column.name],
    );
  }
  return rows.length;
}

/**
 * Moves the records of a data folder that an earlier kasane kept in PGlite into the embedded
 * PostgreSQL, once: on a copy of the folder (the original stays untouched), migrated to the same
 * schema first, in one transaction, with triggers and foreign keys paused so the audit log's
 * chain and every row come across exactly as they were.
 */
export async function importPgliteFolderOnce(database: Database, dataDir: string, logger: Logger): Promise<PgliteImport> {
  const layout = pgliteLayout(dataDir);
  if (!(await pathExists(layout.folder))) return { kind: 'none' };
  if (await pathExists(layout.imported)) return { kind: 'already-imported' };
  const { rows } = await database.query<{ count: number }>('select count(*)::int as count from agencies');
  if ((rows[0]?.count ?? 0) > 0) {
    logger.warn({ folder: layout.folder }, 'a PGlite folder is present but the embedded database already holds records; not imported');
    return { kind: 'skipped-not-empty' };
  }
  const copy = await mkdtemp(path.join(os.tmpdir(), 'kasane-pglite-import-'));
  try {
    await cp(layout.folder, copy, { recursive: true });
    let source;
    try {
      source = await openPgliteFolder(copy);
      await migrate(source);
    } catch (error) {
      throw new DataFolderError(
        [
          `以前の保存形式（PGlite）のフォルダ ${layout.folder} を開けませんでした。`,
          'PGlite は強制終了のあとにフォルダが開けなくなることがあります。フォルダはそのまま残してあります。',
          `記録を移さずに新しく始める場合は、このフォルダを別の場所へ移してから（例: mv "${layout.folder}" "${layout.folder}.unreadable"）もう一度起動してください。`,
        ].join('\n'),
        'import-failed',
        { cause: error },
      );
    }
    try {
      const tables = await tablesOf(source);
      const counts: Record<string, number> = {};
      await database.transaction(async (tx) => {
        await tx.query('set local session_replication_role = replica');
        for (const [table, columns] of tables) counts[table] = await copyTable(source, tx, table, columns);
      });
      await writeFile(layout.imported, `${new Date().toISOString()}\n`);
      logger.info({ folder: layout.folder, tables: counts }, 'records moved from the PGlite folder into the embedded PostgreSQL');
      return { kind: 'imported', tables: counts };
    } finally {
      await source.close();
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
