import { describe, expect, it, vi } from 'vitest';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { minutesEditors, trackAcknowledgements } from '../helpers/acknowledgements.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { freePort, loginAt, startServerProcess } from '../helpers/serverProcess.ts';
import { newStorageLocation, storageBackends } from '../helpers/storageBackends.ts';

const CLIENTS = 20;
const minutes = caseDocumentName(demoCase.id, 'minutes');
const editors = minutesEditors;

const collabToken = async (port: number, loginId: string) => (await loginAt(port, loginId)).collabToken;


describe.each(storageBackends)('SIGKILL during a burst from 20 clients on %s', (backend) => {
  it.each([1, 2])('keeps every acknowledged edit and converges all clients (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const storage = await newStorageLocation(backend);
    const port = await freePort();
    const first = await startServerProcess(storage, port);
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => collabToken(port, editors[i % editors.length]!)));
    const clients = tokens.map((token) => newProvider({ url: `ws://127.0.0.1:${port}/collaboration`, name: minutes, token, maxAttempts: 0 }));
    await Promise.all(clients.map(synced));
    // The answer to each client's own handshake may still be on its way: counted from there, it
    // would be taken for the acknowledgement of the first edit.
    await vi.waitFor(() => expect(clients.every((client) => !client.provider.hasUnsyncedChanges)).toBe(true), { timeout: 30_000 });
    const trackers = clients.map(trackAcknowledgements);

    // Each client writes at its own random pace; the server is killed at a random moment.
    let writing = true;
    const bursts = trackers.map(async (tracker, index) => {
      for (let k = 0; writing; k += 1) {
        tracker.write(`c${index}-${k}`);
        await new Promise((resolve) => setTimeout(resolve, 5 + random() * 40));
      }
    });
    // On a loaded machine the first acknowledgements can take a while: the kill comes at a random
    // moment after the burst is under way, not before anything could be stored.
    await vi.waitFor(() => expect(trackers.flatMap((tracker) => tracker.acknowledged()).length).toBeGreaterThan(CLIENTS), { timeout: 30_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, random() * 700));
    await first.kill('SIGKILL');
    const acknowledged = trackers.flatMap((tracker) => tracker.acknowledged());
    writing = false;
    await Promise.all(bursts);
    expect(acknowledged.length).toBeGreaterThan(CLIENTS);

    await startServerProcess(storage, port);
    await vi.waitFor(() => {
      for (const client of clients) if (!client.provider.isSynced || client.provider.hasUnsyncedChanges) throw new Error('not yet');
    }, { timeout: 60_000, interval: 100 });
    const reference = clients[0]!.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    await vi.waitFor(() => {
      for (const client of clients) expect(client.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toBe(clients[0]!.doc.getXmlFragment(MINUTES_FRAGMENT).toString());
    }, { timeout: 30_000 });

    // A fresh reader sees every acknowledged edit, each exactly once.
    const reader = newProvider({ url: `ws://127.0.0.1:${port}/collaboration`, name: minutes, token: await collabToken(port, 'fukushi1') });
    await synced(reader);
    const stored = reader.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    for (const text of acknowledged) expect(stored.split(`<paragraph>${text}</paragraph>`).length - 1, text).toBe(1);
    expect(reference.length).toBeGreaterThan(0);
  });
});
