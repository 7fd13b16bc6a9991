import { describe, expect, it, vi } from 'vitest';
import { apiErrorSchema } from '../../model/apiErrors.ts';
import { caseListSchema, caseSummarySchema, healthSchema } from '../../model/api.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(apiErrorSchema.parse(await response.json()).error.code).toBe(code);
}

describe.each(storageBackends)('HTTP API on %s', (backend) => {
  it('reports health with the storage in use', async () => {
    const { api } = await newKasaneServer(backend);
    const health = healthSchema.parse(await (await api('/health')).json());
    expect(health.storage).toBe(backend);
  });

  it('logs in, lists the agency’s cases, creates one and opens it', async () => {
    const { api, login } = await newKasaneServer(backend);
    const session = await login('shougai1');
    expect(session.user).toMatchObject({ loginId: 'shougai1', name: '伊藤 直子', agencyName: '障害者相談支援事業所 あおば' });

    const list = caseListSchema.parse(await (await api('/cases', { token: session.accessToken })).json());
    expect(list.cases.map((c) => c.id)).toEqual([demoCase.id]);

    const created = await api('/cases', { method: 'POST', token: session.accessToken, body: JSON.stringify({ title: '  新しい事案  ' }) });
    expect(created.status).toBe(201);
    const summary = caseSummarySchema.parse(await created.json());
    expect(summary).toMatchObject({ title: '新しい事案', leadAgency: { id: session.user.agencyId } });

    const opened = await api(`/cases/${summary.id}`, { token: session.accessToken });
    expect(caseSummarySchema.parse(await opened.json()).id).toBe(summary.id);
    const other = await login('jiritsu1');
    await expectError(await api(`/cases/${summary.id}`, { token: other.accessToken }), 403, 'forbidden');
    await expectError(await api('/cases/7f3e2a10-9c4b-4d5e-8f60-0000000000ff', { token: other.accessToken }), 404, 'not_found');
  });

  it('answers bad input with structured errors', async () => {
    const { api, login } = await newKasaneServer(backend);
    await expectError(await api('/auth/login', { method: 'POST', body: JSON.stringify({ loginId: 'fukushi1', password: 'wrong' }) }), 401, 'invalid_credentials');
    await expectError(await api('/auth/login', { method: 'POST', body: JSON.stringify({ loginId: 'nobody', password: 'x' }) }), 401, 'invalid_credentials');
    await expectError(await api('/auth/login', { method: 'POST', body: '{"loginId":' }), 400, 'invalid_input');
    const missing = await api('/auth/login', { method: 'POST', body: JSON.stringify({ loginId: '' }) });
    expect(missing.status).toBe(400);
    expect(apiErrorSchema.parse(await missing.json()).error.issues?.map((issue) => issue.path[0])).toEqual(['loginId', 'password']);

    await expectError(await api('/cases'), 401, 'unauthorized');
    await expectError(await api('/cases', { token: 'x.y.z' }), 401, 'unauthorized');
    const session = await login('fukushi1');
    // A collaboration token is not an API token.
    await expectError(await api('/cases', { token: session.collabToken }), 401, 'unauthorized');
    await expectError(await api('/cases/not-a-uuid', { token: session.accessToken }), 400, 'invalid_input');
    await expectError(await api('/cases', { method: 'POST', token: session.accessToken, body: JSON.stringify({ title: '' }) }), 400, 'invalid_input');
    await expectError(
      await api('/cases', { method: 'POST', token: session.accessToken, body: JSON.stringify({ title: 'あ'.repeat(100_000) }) }),
      413,
      'payload_too_large',
    );
    await expectError(await api('/no-such-route', { token: session.accessToken }), 404, 'not_found');
  });

  it('tells an expired token apart', async () => {
    // Long enough for the first request to come in time on a loaded machine (expiry is whole seconds).
    const { api, login } = await newKasaneServer(backend, { tokenTtlSeconds: 3 });
    const session = await login('fukushi1');
    await expect((await api('/cases', { token: session.accessToken })).status).toBe(200);
    await vi.waitFor(async () => expectError(await api('/cases', { token: session.accessToken }), 401, 'token_expired'), {
      timeout: 10_000,
      interval: 250,
    });
  });
});
