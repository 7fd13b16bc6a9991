import path from 'node:path';
import type { KasaneConfiguration } from '../config.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pgliteDatabase.ts';
import { openPostgresDatabase } from './postgresDatabase.ts';

export async function openDatabase(
  configuration: Pick<KasaneConfiguration, 'databaseUrl' | 'dataDir'>,
): Promise<Database> {
  const database = configuration.databaseUrl
    ? openPostgresDatabase(configuration.databaseUrl)
    : await openPgliteDatabase(path.join(configuration.dataDir, 'pglite'));
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
