import { Hono } from 'hono';
import { loginRequestSchema, type ClientConfig, type Health, type Session } from '../../model/api.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import { verifyPassword } from '../auth/passwords.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { UserRepository } from '../store/userRepository.ts';
import { respondWithError } from './apiError.ts';
import { clientAddress } from './clientAddress.ts';
import { validate } from './validate.ts';

/**
 * The only routes of the API that answer without a verified token. Everything else is behind
 * the authentication that `createApi` applies to the whole router after these, so a route added
 * anywhere else cannot become public by accident; adding one here means adding it to this list.
 */
export const publicApiRoutes = [
  { method: 'GET', path: '/health' },
  // Settings the built app reads before anyone logs in, so that one build serves every deployment.
  { method: 'GET', path: '/client-config' },
  { method: 'POST', path: '/auth/login' },
] as const;

export interface PublicApiDependencies {
  database: Database;
  tokens: TokenService;
  logger: Logger;
  audit: AuditTrail;
  version: string;
  trustProxy: boolean;
  tldrawLicenseKey: string | undefined;
}

export function createPublicApi({ database, tokens, logger, audit, version, trustProxy, tldrawLicenseKey }: PublicApiDependencies): Hono {
  const users = new UserRepository(database);
  const api = new Hono();

  api.get('/health', (c) => c.json({ status: 'ok', storage: database.kind, version } satisfies Health));

  api.get('/client-config', (c) => c.json({ tldrawLicenseKey: tldrawLicenseKey ?? null } satisfies ClientConfig));

  api.post('/auth/login', validate('json', loginRequestSchema), async (c) => {
    const { loginId, password } = c.req.valid('json');
    const user = await users.findActiveByLoginId(loginId);
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      logger.info({ loginId }, 'login failed');
      await audit.record({ action: 'login.failed', user: { id: null, loginId }, address: clientAddress(c, trustProxy) });
      return respondWithError(c, 401, 'invalid_credentials');
    }
    const subject = { userId: user.id, agencyId: user.agencyId, name: user.name, agencyName: user.agencyName, role: user.role };
    const access = await tokens.issue(subject, 'access');
    const collab = await tokens.issue(subject, 'collab');
    logger.info({ userId: user.id }, 'login');
    await audit.record({ action: 'login', user: { id: user.id, loginId: user.loginId, agencyId: user.agencyId }, address: clientAddress(c, trustProxy) });
    const session: Session = {
      accessToken: access.token,
      collabToken: collab.token,
      expiresAt: access.expiresAt,
      user: { id: user.id, loginId: user.loginId, name: user.name, agencyId: user.agencyId, agencyName: user.agencyName, role: user.role },
    };
    return c.json(session);
  });

  // Fail at start-up rather than serve a public route nobody listed.
  const listed = new Set(publicApiRoutes.map((route) => `${route.method} ${route.path}`));
  for (const route of api.routes) {
    if (!listed.has(`${route.method} ${route.path}`)) throw new Error(`public route not listed: ${route.method} ${route.path}`);
  }
  return api;
}
