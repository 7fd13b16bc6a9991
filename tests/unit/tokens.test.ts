import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenService } from '../../collab-server/auth/tokens.ts';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const subject = {
  userId: '5e0a7d3c-1111-4a8b-8c01-000000000001',
  agencyId: '0b6c1f8e-2d1a-4c3e-9a51-000000000001',
  name: '佐藤 美咲',
  agencyName: '架空市 福祉総合相談課',
  role: 'worker' as const,
};
const claims = { type: 'collab', agencyId: subject.agencyId, name: subject.name, agencyName: subject.agencyName };

function signed(options: { secret?: string; audience?: string; issuer?: string; alg?: string; expiresIn?: string }) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject(subject.userId)
    .setIssuer(options.issuer ?? 'kasane')
    .setAudience(options.audience ?? 'kasane')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(options.secret ?? secret));
}

describe('tokens', () => {
  const tokens = new TokenService(secret, 600);

  it('accepts its own token of the asked type, and no other type', async () => {
    const { token } = await tokens.issue(subject, 'collab');
    const verified = await tokens.verify(token, 'collab');
    expect(verified).toMatchObject({ ok: true, claims: { sub: subject.userId, agencyId: subject.agencyId, type: 'collab' } });
    expect(await tokens.verify(token, 'access')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports an expired token as expired', async () => {
    const { token } = await tokens.issue(subject, 'collab', Date.now() - 3_600_000);
    expect(await tokens.verify(token, 'collab')).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['forged with another secret', () => signed({ secret: 'another-secret-of-sufficient-length-000' })],
    ['for another audience', () => signed({ audience: 'someone-else' })],
    ['from another issuer', () => signed({ issuer: 'evil' })],
    ['signed with HS512', () => signed({ alg: 'HS512' })],
    [
      'unsigned (alg: none)',
      async () =>
        new UnsecuredJWT(claims).setSubject(subject.userId).setIssuer('kasane').setAudience('kasane').setIssuedAt().setExpirationTime('10m').encode(),
    ],
    ['garbage', async () => 'not.a.token'],
  ])('refuses a token %s', async (_label, make) => {
    expect(await tokens.verify(await make(), 'collab')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('accepts a correctly signed external token (control for the cases above)', async () => {
    expect((await tokens.verify(await signed({}), 'collab')).ok).toBe(true);
  });
});
