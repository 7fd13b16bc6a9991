import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { embeddedLayout } from '../../collab-server/db/embedded/embeddedPostgres.ts';

/** The process id of the embedded PostgreSQL running on a data folder, from its postmaster.pid. */
export async function embeddedPostgresPid(dataDir: string): Promise<number> {
  const text = await readFile(path.join(embeddedLayout(dataDir).cluster, 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

/** The address and port written in postmaster.pid (its 6th and 4th lines). */
export async function embeddedPostgresAddress(dataDir: string): Promise<{ host: string; port: number }> {
  const lines = (await readFile(path.join(embeddedLayout(dataDir).cluster, 'postmaster.pid'), 'utf8')).split('\n');
  return { port: Number(lines[3]), host: (lines[5] ?? '').trim() };
}
