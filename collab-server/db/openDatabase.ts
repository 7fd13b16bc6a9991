import type { KasaneConfiguration } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { Database } from './database.ts';
import { startEmbeddedPostgres } from './embedded/embeddedPostgres.ts';
import { importPgliteFolderOnce } from './pgliteImport.ts';
import { migrate } from './migrate.ts';
import { openPostgresDatabase } from './postgresDatabase.ts';

/**
 * PostgreSQL from DATABASE_URL, or else the embedded PostgreSQL server in the data folder
 * (started here, stopped by close()). Both are migrated before use.
 */
export async function openDatabase(
  configuration: Pick<KasaneConfiguration, 'databaseUrl' | 'dataDir'>,
  logger: Logger = createLogger('warn'),
): Promise<Database> {
  if (configuration.databaseUrl) {
    const database = openPostgresDatabase(configuration.databaseUrl);
    try {
      await migrate(database);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }
  const embedded = await startEmbeddedPostgres(configuration.dataDir, logger);
  const pool = openPostgresDatabase(embedded.connectionString, 'embedded');
  const database: Database = {
    ...pool,
    async close() {
      await pool.close();
      await embedded.stop();
    },
  };
  try {
    await migrate(database);
    await importPgliteFolderOnce(database, configuration.dataDir, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
