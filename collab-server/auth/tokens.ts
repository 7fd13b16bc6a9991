import { SignJWT, jwtVerify, errors } from 'jose';
import {
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  tokenClaimsSchema,
  type TokenClaims,
  type TokenType,
} from '../../model/tokens.ts';

export interface TokenSubject {
  userId: string;
  agencyId: string;
  name: string;
  agencyName: string;
  role: 'worker' | 'admin';
}

export type TokenVerification =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'expired' | 'invalid' };

/** Signs and verifies kasane's short-lived JWTs; HS256 only, issuer, audience and type checked. */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;

  constructor(secret: string, ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
    this.ttlSeconds = ttlSeconds;
  }

  async issue(subject: TokenSubject, type: TokenType, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = Math.floor(now / 1000);
    const expiresAt = issuedAt + this.ttlSeconds;
    const token = await new SignJWT({
      type,
      agencyId: subject.agencyId,
      name: subject.name,
      agencyName: subject.agencyName,
      role: subject.role,
    })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
      .setSubject(subject.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string, type: TokenType): Promise<TokenVerification> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const claims = tokenClaimsSchema.safeParse(payload);
      if (!claims.success || claims.data.type !== type) return { ok: false, reason: 'invalid' };
      return { ok: true, claims: claims.data };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'invalid' };
    }
  }
}
