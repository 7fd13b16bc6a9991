import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { adminDatabaseUrl } from './postgresAdmin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
  }
}

/**
 * One id per test run; every database a test creates is named after it and all of them
 * are dropped when the run ends, also those of a test that failed half-way.
 */
export default function setup(project: TestProject) {
  const testRunId = `kasane_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  project.provide('testRunId', testRunId);
  return async () => {
    const client = new pg.Client({ connectionString: adminDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${testRunId}%`],
      );
      for (const { datname } of rows) {
        await client.query(`drop database if exists "${datname}" with (force)`);
      }
    } finally {
      await client.end();
    }
  };
}
