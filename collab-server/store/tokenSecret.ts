import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';

/**
 * The configured secret, or one generated on first start and kept in the database so
 * that restarts and other instances sharing the database accept the same tokens.
 */
export async function resolveTokenSecret(database: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(48).toString('base64url');
  await database.query(
    `insert into server_settings (key, value) values ('jwt_secret', $1) on conflict (key) do nothing`,
    [generated],
  );
  const { rows } = await database.query<{ value: string }>(
    `select value from server_settings where key = 'jwt_secret'`,
  );
  const stored = rows[0]?.value;
  if (!stored) throw new Error('jwt_secret could not be stored');
  return stored;
}
