import pg from 'pg';

/** The machine's PostgreSQL (trust auth for postgres on loopback here and in CI). */
export function adminDatabaseUrl(): string {
  return process.env.KASANE_TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

let counter = 0;

/** A new, empty database for one test; dropped by the global teardown. */
export async function createTestDatabase(testRunId: string): Promise<string> {
  counter += 1;
  const name = `${testRunId}_${process.pid}_${counter}`;
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
