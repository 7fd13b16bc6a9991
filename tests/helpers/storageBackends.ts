import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createTestDatabase } from './postgresAdmin.ts';

export type StorageBackend = 'postgresql' | 'pglite';

/** Storage tests run once against each; both take the same SQL and migrations. */
export const storageBackends: StorageBackend[] = ['postgresql', 'pglite'];

export interface StorageLocation {
  databaseUrl: string | undefined;
  dataDir: string;
}

export async function newStorageLocation(backend: StorageBackend): Promise<StorageLocation> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kasane-test-'));
  return {
    databaseUrl: backend === 'postgresql' ? await createTestDatabase(inject('testRunId')) : undefined,
    dataDir,
  };
}
