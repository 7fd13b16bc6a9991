import { z } from 'zod';

/**
 * Claims of kasane's JWTs. `type` separates the HTTP API scope from the collaboration
 * scope, so a token lifted from one cannot be replayed against the other.
 */
export const TOKEN_ISSUER = 'kasane';
export const TOKEN_AUDIENCE = 'kasane';
export const TOKEN_ALGORITHM = 'HS256';

export const tokenTypes = ['access', 'collab'] as const;
export type TokenType = (typeof tokenTypes)[number];

export const tokenClaimsSchema = z.object({
  sub: z.uuid(),
  type: z.enum(tokenTypes),
  agencyId: z.uuid(),
  name: z.string().min(1).max(100),
  agencyName: z.string().min(1).max(200),
  /** 'admin' is the municipal administrator (監査ログ, accounts); everyone else is 'worker'. */
  role: z.enum(['worker', 'admin']).default('worker'),
  exp: z.number().int(),
  iat: z.number().int(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;
