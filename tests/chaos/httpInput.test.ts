import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../model/apiErrors.ts';
import { HANA } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const caseId = demoCase.id;
const agencyId = demoAgencies[3]!.id;

/** Every route of the API with a body or parameters: method, path, whether it needs a login. */
const routes: { method: string; path: string; body: boolean; auth: boolean; admin?: boolean }[] = [
  { method: 'POST', path: '/auth/login', body: true, auth: false },
  { method: 'POST', path: '/auth/logout', body: false, auth: true },
  { method: 'GET', path: '/cases?status=x', body: false, auth: true },
  { method: 'POST', path: '/cases', body: true, auth: true },
  { method: 'GET', path: `/cases/${caseId}`, body: false, auth: true },
  { method: 'GET', path: `/cases/${caseId}/access`, body: false, auth: true },
  { method: 'GET', path: `/cases/${caseId}/sharing`, body: false, auth: true },
  { method: 'PUT', path: `/cases/${caseId}/sharing/${agencyId}`, body: true, auth: true },
  { method: 'POST', path: `/cases/${caseId}/agencies`, body: true, auth: true },
  { method: 'DELETE', path: `/cases/${caseId}/agencies/${agencyId}`, body: false, auth: true },
  { method: 'PUT', path: `/cases/${caseId}/consents/${HANA}`, body: true, auth: true },
  { method: 'PUT', path: `/cases/${caseId}/meeting-basis/${agencyId}`, body: true, auth: true },
  { method: 'GET', path: `/cases/${caseId}/history?from=yesterday`, body: false, auth: true },
  { method: 'GET', path: `/cases/${caseId}/sections/minutes/revisions/abc`, body: false, auth: true },
  { method: 'GET', path: `/cases/${caseId}/sections/minutes/compare?from=x&to=-1`, body: false, auth: true },
  { method: 'POST', path: `/cases/${caseId}/sections/minutes/restore`, body: true, auth: true },
  { method: 'POST', path: `/cases/${caseId}/versions`, body: true, auth: true },
  { method: 'GET', path: '/agencies', body: false, auth: true },
  { method: 'GET', path: '/audit?from=x', body: false, auth: true, admin: true },
  { method: 'GET', path: '/audit/verify', body: false, auth: true, admin: true },
];

async function expectStructured(response: Response, statuses: number[]) {
  expect(statuses, `${response.url} → ${response.status}`).toContain(response.status);
  expect(apiErrorSchema.safeParse(await response.json()).success, response.url).toBe(true);
}

describe('every HTTP route with missing, malformed, oversized or random input', () => {
  it('answers with a structured error and never a 500', async () => {
    const server = await newKasaneServer('postgresql');
    const worker = await server.login('fukushi1');
    const admin = await server.login('kanri1');
    const call = (route: (typeof routes)[number], init: { body?: string; token?: string }) =>
      server.api(route.path, { method: route.method, ...init });

    for (const route of routes) {
      const token = route.admin ? admin.accessToken : worker.accessToken;
      if (route.auth) {
        await expectStructured(await call(route, {}), [401]);
        await expectStructured(await call(route, { token: 'not-a-token' }), [401]);
      }
      if (route.body) {
        await expectStructured(await call(route, { token, body: '{"unterminated' }), [400]);
        await expectStructured(await call(route, { token, body: JSON.stringify({ x: 'あ'.repeat(40_000) }) }), [413]);
        await expectStructured(await call(route, { token, body: '[]' }), [400]);
      }
    }
    // Parameters of the wrong shape.
    for (const path of [`/cases/not-a-uuid`, `/cases/${caseId}/sections/nope/revisions/1`, `/cases/${caseId}/consents/x`, `/cases/${caseId}/sharing/not-a-uuid`]) {
      const response = await server.api(path, { method: path.includes('sharing') || path.includes('consents') ? 'PUT' : 'GET', token: worker.accessToken, body: path.includes('sharing') || path.includes('consents') ? '{}' : undefined });
      await expectStructured(response, [400, 404]);
    }

    // Random JSON at every route that takes a body: refused with a structure, or accepted; never a crash.
    const bodied = routes.filter((route) => route.body && route.path !== '/auth/login');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodied), fc.jsonValue({ maxDepth: 3 }), async (route, value) => {
        const response = await call(route, { token: worker.accessToken, body: JSON.stringify(value) });
        expect(response.status, `${route.method} ${route.path}`).toBeLessThan(500);
        if (response.status >= 400) expect(apiErrorSchema.safeParse(await response.json()).success).toBe(true);
      }),
      { seed: 8, numRuns: 150 },
    );
    expect((await server.api('/health')).status).toBe(200);
  });
});
