import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { embeddedLayout, startEmbeddedPostgres, stopLeftoverServer } from '../../collab-server/db/embedded/embeddedPostgres.ts';
import { createLogger } from '../../collab-server/logger.ts';
import { createTestDatabase } from './postgresAdmin.ts';

/** `embedded`: no DATABASE_URL, so kasane runs its own PostgreSQL in the data folder (npm start's default). */
export type StorageBackend = 'postgresql' | 'embedded';

/** Storage tests run once against each; both take the same SQL and migrations. */
export const storageBackends: StorageBackend[] = ['postgresql', 'embedded'];

export interface StorageLocation {
  databaseUrl: string | undefined;
  dataDir: string;
}

export async function newStorageLocation(backend: StorageBackend): Promise<StorageLocation> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kasane-test-'));
  // An embedded cluster is some 40 MB, and a server process killed by a test leaves its
  // PostgreSQL running. Registered before the server's own close, so it runs after it (vitest
  // runs these hooks in reverse order).
  onTestFinished(async () => {
    await stopLeftoverServer(embeddedLayout(dataDir).cluster, createLogger('silent'));
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    databaseUrl: backend === 'postgresql' ? await createTestDatabase(inject('testRunId')) : undefined,
    dataDir,
  };
}

/**
 * A connection string to a database of the given kind, for tests that must stand between kasane
 * and PostgreSQL (a proxy that cuts the connection): a test database on the machine's server, or
 * an embedded PostgreSQL started by the same code as npm start's, in a folder of its own.
 */
export async function newDatabaseUrl(backend: StorageBackend): Promise<string> {
  if (backend === 'postgresql') return createTestDatabase(inject('testRunId'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kasane-test-'));
  const embedded = await startEmbeddedPostgres(dataDir, createLogger('silent'));
  onTestFinished(async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return embedded.connectionString;
}
