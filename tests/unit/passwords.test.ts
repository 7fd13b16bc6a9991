import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../collab-server/auth/passwords.ts';

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const stored = await hashPassword('正しいパスワード');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain('正しいパスワード');
    expect(await verifyPassword(stored, '正しいパスワード')).toBe(true);
    expect(await verifyPassword(stored, '違うパスワード')).toBe(false);
    expect(await verifyPassword(null, '正しいパスワード')).toBe(false);
  });
});
