import { createHash } from 'node:crypto';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthSchema } from '../../model/api.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import * as Y from 'yjs';
import { embeddedLayout } from '../../collab-server/db/embedded/embeddedPostgres.ts';
import { migrate } from '../../collab-server/db/migrate.ts';
import { openPgliteFolder } from '../../collab-server/db/pgliteDatabase.ts';
import { pgliteLayout } from '../../collab-server/db/pgliteImport.ts';
import { AuditTrail } from '../../collab-server/store/auditTrail.ts';
import { seedDemoData } from '../../collab-server/store/seedDemoData.ts';
import { isRunning } from '../../collab-server/db/embedded/processes.ts';
import { embeddedPostgresAddress, embeddedPostgresPid } from '../helpers/embeddedServer.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { loginAt, startServerProcess, startServerProcessExpectingRefusal } from '../helpers/serverProcess.ts';
import { newStorageLocation } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

async function health(port: number) {
  return healthSchema.parse(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json());
}

/** Every file of a folder with its content hash, to show it was left exactly as it was. */
async function fingerprint(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(folder, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return result;
}

describe('the embedded PostgreSQL (npm start without DATABASE_URL)', () => {
  it('starts from an empty folder: a real PostgreSQL on 127.0.0.1 only, with a password of its own kept private', async () => {
    const storage = await newStorageLocation('embedded');
    const other = await newStorageLocation('embedded');
    const server = await startServerProcess(storage);
    const second = await startServerProcess(other);
    expect((await health(server.port)).storage).toBe('embedded');

    const address = await embeddedPostgresAddress(storage.dataDir);
    expect(address.host).toBe('127.0.0.1');
    const layout = embeddedLayout(storage.dataDir);
    expect((await stat(layout.password)).mode & 0o077).toBe(0);
    const password = await readFile(layout.password, 'utf8');
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(password).not.toBe(await readFile(embeddedLayout(other.dataDir).password, 'utf8'));
    // Without the password nobody gets in, not even as the cluster's owner.
    const { default: pg } = await import('pg');
    const intruder = new pg.Client({ host: '127.0.0.1', port: address.port, user: 'kasane', database: 'kasane', password: 'password' });
    intruder.on('error', () => undefined);
    await expect(intruder.connect()).rejects.toThrow(/password authentication failed/);
    await second.kill('SIGTERM');
  });

  it('refuses a second start on the same folder with a clear message, and the first keeps serving', async () => {
    const storage = await newStorageLocation('embedded');
    const first = await startServerProcess(storage);
    const postgres = await embeddedPostgresPid(storage.dataDir);
    const refused = await startServerProcessExpectingRefusal(storage);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('kasane を起動できませんでした');
    expect(refused.output).toContain('別の kasane');
    expect(refused.output).not.toMatch(/\n\s+at /);
    expect((await health(first.port)).status).toBe('ok');
    expect(await embeddedPostgresPid(storage.dataDir)).toBe(postgres);
  });

  it('starts after a crash that left its PostgreSQL running, with one server on the folder and the records there', async () => {
    const storage = await newStorageLocation('embedded');
    const first = await startServerProcess(storage);
    const login = await loginAt(first.port, 'fukushi1');
    const { accessToken } = login;
    const created = await fetch(`http://127.0.0.1:${first.port}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ title: 'クラッシュ前に作った事案' }),
    });
    expect(created.status).toBe(201);
    const leftover = await embeddedPostgresPid(storage.dataDir);
    await first.kill('SIGKILL');
    expect(isRunning(leftover)).toBe(true);

    const second = await startServerProcess(storage);
    expect(isRunning(leftover)).toBe(false);
    expect(await embeddedPostgresPid(storage.dataDir)).not.toBe(leftover);
    const again = await loginAt(second.port, 'fukushi1');
    const token = again.accessToken;
    const list = (await (await fetch(`http://127.0.0.1:${second.port}/api/cases`, { headers: { authorization: `Bearer ${token}` } })).json()) as { cases: { title: string }[] };
    expect(list.cases.map((entry) => entry.title)).toContain('クラッシュ前に作った事案');
  });

  it('stops on SIGTERM while people are connected: what they saved is kept, and its PostgreSQL stops too', async () => {
    const storage = await newStorageLocation('embedded');
    const server = await startServerProcess(storage);
    const login = await loginAt(server.port, 'fukushi1');
    const { collabToken } = login;
    const writer = newProvider({ url: `ws://127.0.0.1:${server.port}/collaboration`, name: caseDocumentName(demoCase.id, 'minutes'), token: collabToken });
    await synced(writer);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('停止前に保存した行')]);
    writer.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
    await writer.saved();
    const postgres = await embeddedPostgresPid(storage.dataDir);
    // Resolves when the process has exited: a server waiting for its open sockets would time out here.
    await server.kill('SIGTERM');
    expect(server.child.exitCode).toBe(0);
    expect(isRunning(postgres)).toBe(false);
    writer.destroy();

    const again = await startServerProcess(storage);
    const relogin = await loginAt(again.port, 'houkatsu1');
    const reader = newProvider({ url: `ws://127.0.0.1:${again.port}/collaboration`, name: caseDocumentName(demoCase.id, 'minutes'), token: relogin.collabToken });
    await synced(reader);
    expect(reader.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toContain('停止前に保存した行');
  });

  it('says in Japanese what to do when the folder cannot be opened, without a stack trace', async () => {
    const storage = await newStorageLocation('embedded');
    const first = await startServerProcess(storage);
    await first.kill('SIGTERM');
    // The file PostgreSQL cannot start without, as a failing disk could lose it.
    await unlink(path.join(embeddedLayout(storage.dataDir).cluster, 'global', 'pg_control'));
    const refused = await startServerProcessExpectingRefusal(storage);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('PostgreSQL を起動できませんでした');
    expect(refused.output).toContain('コピーを取ってください');
    expect(refused.output).toContain('postgres.log');
    expect(refused.output).not.toMatch(/\n\s+at /);
  });

  it('moves the records of an earlier PGlite folder once, leaving that folder untouched', async () => {
    const storage = await newStorageLocation('embedded');
    const layout = pgliteLayout(storage.dataDir);
    const old = await openPgliteFolder(layout.folder);
    await migrate(old);
    // The old store as the seed and audit trail take it (they neither notify nor listen).
    const asDatabase = { ...old, kind: 'embedded' as const, notify: async () => undefined, listen: async () => async () => undefined };
    await seedDemoData(asDatabase, { reset: false });
    const trail = new AuditTrail(asDatabase);
    for (const loginId of ['fukushi1', 'houkatsu1', 'kanri1']) await trail.record({ action: 'login.failed', user: { id: null, loginId }, address: '127.0.0.1' });
    const { rows: before } = await old.query<{ agencies: number; updates: number; audit: number }>(
      'select (select count(*)::int from agencies) as agencies, (select count(*)::int from document_updates) as updates, (select count(*)::int from audit_log) as audit',
    );
    await old.close();
    const untouched = await fingerprint(layout.folder);

    const { server } = await newKasaneServer('embedded', { storage, seedDemoData: true });
    const { rows: after } = await server.database.query<{ agencies: number; updates: number; audit: number }>(
      'select (select count(*)::int from agencies) as agencies, (select count(*)::int from document_updates) as updates, (select count(*)::int from audit_log) as audit',
    );
    expect(after).toEqual(before);
    expect(after[0]?.audit).toBe(3);
    expect((await new AuditTrail(server.database).verify()).ok).toBe(true);
    expect(await fingerprint(layout.folder)).toEqual(untouched);
    expect((await stat(layout.imported)).isFile()).toBe(true);
  });
});
