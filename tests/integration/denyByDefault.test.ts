import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../model/apiErrors.ts';
import { publicApiRoutes } from '../../collab-server/http/publicApi.ts';
import { HANA } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

/** A concrete path for a route pattern of the router: every parameter and wildcard filled in. */
function concretePath(pattern: string): string {
  const values: Record<string, string> = {
    caseId: demoCase.id,
    agencyId: demoAgencies[1]!.id,
    memberId: HANA,
    meetingId: '7f3e2a10-9c4b-4d5e-8f60-0000000000aa',
    section: 'minutes',
    seq: '1',
  };
  return pattern
    .replace(/:(\w+)(\{[^}]*\})?/g, (_match, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`no test value for :${name} in ${pattern}`);
      return value;
    })
    .replace(/\*/g, 'anything');
}

describe('the HTTP API denies by default', () => {
  it('answers 401 without a token on every route of the router except the listed public ones', async () => {
    const server = await newKasaneServer('postgresql');
    const isPublic = (method: string, path: string) => publicApiRoutes.some((route) => route.method === method && `/api${route.path}` === path);
    // The router's own table, not a list kept by hand: a route added tomorrow is walked too.
    const routes = new Map<string, { method: string; path: string }>();
    for (const route of server.server.router.routes) {
      if (!route.path.startsWith('/api')) continue;
      // Middleware and fall-backs (ALL) are tried with the methods a client would use.
      for (const method of route.method === 'ALL' ? ['GET', 'POST', 'PUT', 'DELETE'] : [route.method]) {
        routes.set(`${method} ${route.path}`, { method, path: route.path });
      }
    }
    expect(routes.size).toBeGreaterThan(40);

    const refusedWithout: string[] = [];
    const answeredWithout: string[] = [];
    for (const [key, route] of routes) {
      const url = `${server.httpUrl}${concretePath(route.path)}`;
      const body = route.method === 'GET' ? undefined : '{}';
      for (const authorization of [undefined, 'Bearer not-a-token', 'Basic a2FucmkxOmthc2FuZS1kZW1v']) {
        const response = await fetch(url, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          ...(body ? { body } : {}),
        });
        const error = apiErrorSchema.safeParse(await response.json().catch(() => null));
        const refused = response.status === 401 && error.success && error.data.error.code === 'unauthorized';
        if (isPublic(route.method, route.path)) {
          // A public route answers on its own terms (a wrong password is its own 401), never "log in first".
          expect(refused, `${key} is public`).toBe(false);
        } else if (!refused) {
          answeredWithout.push(`${key} (${authorization ?? 'no token'}) → ${response.status}`);
        }
      }
      if (!isPublic(route.method, route.path)) refusedWithout.push(key);
    }
    expect(answeredWithout).toEqual([]);
    // Every listed public route exists, so the list cannot drift from the router.
    for (const route of publicApiRoutes) expect(routes.has(`${route.method} /api${route.path}`), `${route.method} ${route.path}`).toBe(true);
    expect(refusedWithout.length).toBe(routes.size - publicApiRoutes.length);
  });

  it('still answers the public routes without a token', async () => {
    const { api } = await newKasaneServer('postgresql');
    expect((await api('/health')).status).toBe(200);
    expect((await api('/client-config')).status).toBe(200);
    expect((await api('/auth/login', { method: 'POST', body: JSON.stringify({ loginId: 'fukushi1', password: 'kasane-demo' }) })).status).toBe(200);
    // An unknown path under /api is not a way around the login either.
    expect((await api('/no-such-route')).status).toBe(401);
  });
});
