import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { newDatabaseUrl, newStorageLocation, storageBackends } from '../helpers/storageBackends.ts';
import { newTcpProxy } from '../helpers/tcpProxy.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const minutes = caseDocumentName(demoCase.id, 'minutes');

describe.each(storageBackends)('PostgreSQL unavailable for a while (%s)', (backend) => {
  it('keeps the session, shows edits to the others, acknowledges nothing it could not store, and stores everything once it is back', async () => {
    const storage = { dataDir: (await newStorageLocation('embedded')).dataDir, databaseUrl: await newDatabaseUrl(backend) };
    const direct = new URL(storage.databaseUrl);
    const proxy = await newTcpProxy({ host: direct.hostname, port: Number(direct.port) });
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    const server = await newKasaneServer('postgresql', { storage: { ...storage, databaseUrl: viaProxy.toString() } });
    const session = await server.login('fukushi1');
    const client = newProvider({ url: server.websocketUrl, name: minutes, token: session.collabToken });
    const peer = newProvider({ url: server.websocketUrl, name: minutes, token: (await server.login('houkatsu1')).collabToken });
    await Promise.all([synced(client), synced(peer)]);
    const write = (text: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      client.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
    };
    write('停止前');
    await client.saved();

    proxy.cut();
    const closes: unknown[] = [];
    client.provider.on('close', (event: unknown) => closes.push(event));
    let acknowledgedDuringOutage = false;
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0) acknowledgedDuringOutage = true;
    });
    for (let i = 0; i < 5; i += 1) write(`停止中${i}`);
    // Watch the outage for two seconds (the server retries meanwhile): the edits stay
    // unacknowledged (未保存 on screen) and the session stays open.
    const watchUntil = Date.now() + 2_000;
    await vi.waitFor(() => {
      if (Date.now() < watchUntil) throw new Error('still watching');
    }, { timeout: 5_000, interval: 100 });
    expect(acknowledgedDuringOutage).toBe(false);
    // The others see the edits meanwhile: only the author's 「保存済み」 waits for PostgreSQL.
    expect(peer.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toContain('停止中4');
    expect(client.provider.hasUnsyncedChanges).toBe(true);
    expect(closes).toEqual([]);

    proxy.restore();
    await client.saved();
    expect(closes).toEqual([]);

    const reader = await newKasaneServer('postgresql', { storage, seedDemoData: false });
    const fresh = newProvider({ url: reader.websocketUrl, name: minutes, token: (await reader.login('houkatsu1')).collabToken });
    await synced(fresh);
    const stored = fresh.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    for (const text of ['停止前', ...Array.from({ length: 5 }, (_, i) => `停止中${i}`)]) {
      expect(stored.split(`<paragraph>${text}</paragraph>`).length - 1, text).toBe(1);
    }
  });
});
