import { describe, expect, it, vi } from 'vitest';
import { auditEntrySchema, auditVerificationSchema, type AuditEntry } from '../../model/audit.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

describe.each(storageBackends)('the 監査ログ on %s', (backend) => {
  it('records logins, failed logins and each opening of a case section, with who and from where', async () => {
    const server = await newKasaneServer(backend);
    const admin = await server.login('kanri1');
    const entries = async (query = '') => {
      const response = await server.api(`/audit${query}`, { token: admin.accessToken });
      expect(response.status).toBe(200);
      return ((await response.json()) as { entries: unknown[] }).entries.map((entry) => auditEntrySchema.parse(entry));
    };
    await server.api('/auth/login', { method: 'POST', body: JSON.stringify({ loginId: 'houkatsu1', password: 'まちがい' }) });

    for (const loginId of ['fukushi1', 'houkatsu1', 'shougai1', 'jiritsu1']) {
      const session = await server.login(loginId);
      const level = loginId === 'shougai1' ? 'masked' : 'source';
      const client = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'members', level), token: session.collabToken });
      await synced(client);
      await vi.waitFor(async () => {
        const byUser = (await entries('?action=section.open')).filter((entry: AuditEntry) => entry.userId === session.user.id);
        expect(byUser).toHaveLength(1);
        expect(byUser[0]).toMatchObject({ caseId: demoCase.id, section: 'members', address: expect.stringMatching(/127\.0\.0\.1/) });
      });
      client.destroy();
    }
    const failed = await entries('?action=login.failed');
    expect(failed).toEqual([expect.objectContaining({ loginId: 'houkatsu1', userId: null })]);
    expect((await entries('?action=login')).map((entry) => entry.loginId)).toEqual(['jiritsu1', 'shougai1', 'houkatsu1', 'fukushi1', 'kanri1']);

    const csv = await server.api('/audit/export.csv', { token: admin.accessToken });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('ログイン失敗');
    expect(text).toContain('閲覧');

    const worker = await server.login('fukushi1');
    expect((await server.api('/audit', { token: worker.accessToken })).status).toBe(403);
  });

  it('cannot be changed through the database’s normal paths, and a forced change or deletion is detected', async () => {
    const server = await newKasaneServer(backend);
    await server.login('fukushi1');
    await server.login('houkatsu1');
    await server.login('shougai1');
    const admin = await server.login('kanri1');
    const verify = async () => auditVerificationSchema.parse(await (await server.api('/audit/verify', { token: admin.accessToken })).json());
    expect(await verify()).toMatchObject({ ok: true, checked: 4 });

    const db = server.server.database;
    await expect(db.query(`update audit_log set login_id = 'someone' where seq = 2`)).rejects.toThrow();
    await expect(db.query('delete from audit_log where seq = 2')).rejects.toThrow();

    // Someone with full control of the database disables the guard and edits a row.
    await db.exec('alter table audit_log disable trigger audit_log_no_update');
    await db.query(`update audit_log set login_id = 'someone' where seq = 2`);
    expect(await verify()).toMatchObject({ ok: false, problems: [{ seq: 2, problem: '記録の内容が変更されています' }] });
    await db.query(`update audit_log set login_id = 'houkatsu1' where seq = 2`);
    expect((await verify()).ok).toBe(true);

    await db.query('delete from audit_log where seq = 3');
    expect((await verify()).problems.map((problem) => problem.problem)).toContain('記録 3〜3 が欠けています');
    await db.query('delete from audit_log where seq >= 3');
    expect((await verify()).ok).toBe(false);
  });
});
