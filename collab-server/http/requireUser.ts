import { createMiddleware } from 'hono/factory';
import type { TokenClaims } from '../../model/tokens.ts';
import type { TokenService } from '../auth/tokens.ts';
import { respondWithError } from './apiError.ts';

export type AuthenticatedEnv = { Variables: { user: TokenClaims } };

/** Accepts only `Authorization: Bearer <access token>`; the user comes from the verified claims. */
export function requireUser(tokens: TokenService) {
  return createMiddleware<AuthenticatedEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([\w.-]+)$/.exec(header);
    if (!match?.[1]) return respondWithError(c, 401, 'unauthorized');
    const verification = await tokens.verify(match[1], 'access');
    if (!verification.ok) {
      return respondWithError(c, 401, verification.reason === 'expired' ? 'token_expired' : 'unauthorized');
    }
    c.set('user', verification.claims);
    await next();
  });
}
