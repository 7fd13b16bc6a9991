import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../model/apiErrors.ts';
import { auditEntrySchema } from '../../model/audit.ts';
import { printRecordSchema } from '../../model/print.ts';
import { demoAgencies, demoCase, demoSharing } from '../../collab-server/seed/demoData.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

describe.each(storageBackends)('recording a print on %s', (backend) => {
  it('writes a 監査ログ entry at the level the agency reads the section, and refuses what it may not read', async () => {
    const server = await newKasaneServer(backend);
    const [coordinator, shougai, jiritsu, admin] = await Promise.all(['fukushi1', 'shougai1', 'jiritsu1', 'kanri1'].map((loginId) => server.login(loginId)));
    const print = (caseId: string, body: unknown, token: string | undefined) =>
      server.api(`/cases/${caseId}/prints`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...(token ? { token } : {}) });

    const full = await print(demoCase.id, { section: 'minutes' }, coordinator!.accessToken);
    expect(full.status).toBe(201);
    expect(printRecordSchema.parse(await full.json())).toMatchObject({ section: 'minutes', level: 'edit' });
    const masked = await print(demoCase.id, { section: 'overview' }, shougai!.accessToken);
    expect(masked.status).toBe(201);
    expect(printRecordSchema.parse(await masked.json())).toMatchObject({ section: 'overview', level: 'masked' });

    const audit = await server.api('/audit?action=print', { token: admin!.accessToken });
    const entries = ((await audit.json()) as { entries: unknown[] }).entries.map((entry) => auditEntrySchema.parse(entry));
    expect(entries).toEqual([
      expect.objectContaining({ loginId: 'shougai1', caseId: demoCase.id, section: 'overview', detail: { level: 'masked', view: 'masked' } }),
      expect.objectContaining({ loginId: 'fukushi1', caseId: demoCase.id, section: 'minutes', detail: { level: 'edit', view: 'source' } }),
    ]);
    expect(entries[0]!.address).toMatch(/127\.0\.0\.1/);

    // A section made 非表示 for the agency, and a case it takes no part in: 403, nothing recorded.
    const jiritsuAgency = demoAgencies[3]!.id;
    const hidden = await server.api(`/cases/${demoCase.id}/sharing/${jiritsuAgency}`, {
      method: 'PUT',
      token: coordinator!.accessToken,
      body: JSON.stringify({ levels: { ...demoSharing[jiritsuAgency], plan: 'hidden' } }),
    });
    expect(hidden.status).toBe(200);
    const created = await server.api('/cases', { method: 'POST', token: coordinator!.accessToken, body: JSON.stringify({ title: '別の世帯' }) });
    const otherCase = ((await created.json()) as { id: string }).id;
    for (const [caseId, token] of [
      [demoCase.id, jiritsu!.accessToken],
      [otherCase, shougai!.accessToken],
    ] as const) {
      const refused = await print(caseId, { section: 'plan' }, token);
      expect(refused.status).toBe(403);
      expect(apiErrorSchema.parse(await refused.json()).error.code).toBe('forbidden');
    }

    // Sections without a print layout, unknown keys, malformed JSON and a bad case id: structured 400.
    for (const [caseId, body] of [
      [demoCase.id, { section: 'members' }],
      [demoCase.id, { section: 'minutes', level: 'edit' }],
      [demoCase.id, {}],
      [demoCase.id, '{"section":'],
      ['not-a-case', { section: 'minutes' }],
      // A meeting is named only with its minutes.
      [demoCase.id, { section: 'plan', meetingId: '7f3e2a10-9c4b-4d5e-8f60-0000000000aa' }],
    ] as const) {
      const bad = await print(caseId, body, coordinator!.accessToken);
      expect(bad.status).toBe(400);
      expect(apiErrorSchema.parse(await bad.json()).error.code).toBe('invalid_input');
    }
    expect((await print(demoCase.id, { section: 'minutes' }, undefined)).status).toBe(401);
    // A meeting that is not this case's is not printed (and not recorded).
    expect((await print(demoCase.id, { section: 'minutes', meetingId: '7f3e2a10-9c4b-4d5e-8f60-0000000000aa' }, coordinator!.accessToken)).status).toBe(404);

    const after = await server.api('/audit?action=print', { token: admin!.accessToken });
    expect(((await after.json()) as { entries: unknown[] }).entries).toHaveLength(2);
  });
});
