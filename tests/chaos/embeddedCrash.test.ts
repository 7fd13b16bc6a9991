import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { sessionSchema } from '../../model/api.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { DEMO_PASSWORD, demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { embeddedPostgresPid } from '../helpers/embeddedServer.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/serverProcess.ts';
import { newStorageLocation } from '../helpers/storageBackends.ts';

const EDITORS = 10;
const minutes = caseDocumentName(demoCase.id, 'minutes');
// The agencies that edit the minutes in the demo case (障害相談 sees them masked, 自立相談 reads them).
const editors = demoAgencies.filter((agency) => ['福祉総合相談課', '包括'].includes(agency.shortName)).flatMap((agency) => agency.users.map((user) => user.loginId));

async function collabToken(port: number, loginId: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: DEMO_PASSWORD }),
  });
  return sessionSchema.parse(await response.json()).collabToken;
}

/**
 * Which of a client's edits the server has acknowledged, on one connection: each edit is one
 * update message, and acknowledgements come back one per message, in order.
 */
function trackAcknowledgements(client: TestProvider) {
  const written: string[] = [];
  let acknowledged = 0;
  let pending = 0;
  client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    while (pending > number && acknowledged < written.length) {
      acknowledged += 1;
      pending -= 1;
    }
    pending = number;
  });
  return {
    write(text: string) {
      written.push(text);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      client.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
    },
    acknowledged: () => written.slice(0, acknowledged),
  };
}

type Target = 'kasane' | 'postgres' | 'both';

/**
 * npm start's own default: no DATABASE_URL, so kasane runs its PostgreSQL in the data folder.
 * kasane, its PostgreSQL, or both at once are killed with SIGKILL during a burst, at seeded
 * random moments; kasane is started again on the same folder where it was killed.
 */
/**
 * One round: ten editors write at their own random pace until the target is killed. Where kasane
 * dies their browsers are closed at that moment, so nothing they still hold is sent again: what
 * the restarted server has is only what it had stored. Where only PostgreSQL dies, kasane keeps
 * the connections and must start acknowledging again once it has restarted its PostgreSQL.
 */
async function round(
  port: number,
  dataDir: string,
  target: Target,
  random: () => number,
  crash: { kill(): Promise<void>; start(): Promise<void> },
): Promise<string[]> {
  const tokens = await Promise.all(Array.from({ length: EDITORS }, (_, i) => collabToken(port, editors[i % editors.length]!)));
  const clients = tokens.map((token) => newProvider({ url: `ws://127.0.0.1:${port}/collaboration`, name: minutes, token }));
  await Promise.all(clients.map(synced));
  // The answer to each client's own handshake may still be on its way: counted from there, it
  // would be taken for the acknowledgement of the first edit.
  await vi.waitFor(() => expect(clients.every((client) => !client.provider.hasUnsyncedChanges)).toBe(true), { timeout: 30_000 });
  const trackers = clients.map(trackAcknowledgements);
  const total = () => trackers.reduce((sum, tracker) => sum + tracker.acknowledged().length, 0);
  let writing = true;
  const bursts = trackers.map(async (tracker, index) => {
    for (let k = 0; writing; k += 1) {
      tracker.write(`${target}-${random().toString(36).slice(2, 8)}-c${index}-${k}`);
      await new Promise((resolve) => setTimeout(resolve, 5 + random() * 40));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300 + random() * 700));
  const postgres = await embeddedPostgresPid(dataDir);
  if (target !== 'kasane') process.kill(postgres, 'SIGKILL');
  if (target === 'postgres') {
    const before = total();
    await vi.waitFor(() => expect(total()).toBeGreaterThan(before), { timeout: 30_000, interval: 50 });
    writing = false;
    await Promise.all(bursts);
    await vi.waitFor(() => expect(clients.every((client) => !client.provider.hasUnsyncedChanges)).toBe(true), { timeout: 30_000 });
  } else {
    writing = false;
    await crash.kill();
  }
  // Taken before anyone reconnects: a reconnection starts the provider's count anew.
  const acknowledged = trackers.flatMap((tracker) => tracker.acknowledged());
  clients.forEach((client) => client.destroy());
  await Promise.all(bursts);
  if (target !== 'postgres') await crash.start();
  expect(acknowledged.length, `${target}: edits were acknowledged before the kill`).toBeGreaterThan(EDITORS);
  return acknowledged;
}

/**
 * npm start's own default: no DATABASE_URL, so kasane runs its PostgreSQL in the data folder.
 * kasane, its PostgreSQL, or both at once are killed with SIGKILL during a burst, at seeded
 * random moments; kasane is started again on the same folder where it was killed.
 */
describe('SIGKILL of kasane or of its embedded PostgreSQL during a burst from 10 editors', () => {
  it.each([7])('keeps every acknowledged edit and starts again every time (seed %i)', { timeout: 180_000 }, async (seed) => {
    const random = seededRandom(seed);
    const storage = await newStorageLocation('embedded');
    const port = await freePort();
    let server: ServerProcess = await startServerProcess(storage, port);
    const acknowledged: string[] = [];
    for (const target of ['kasane', 'postgres', 'kasane', 'both', 'postgres', 'kasane'] as const) {
      acknowledged.push(
        ...(await round(port, storage.dataDir, target, random, {
          // SIGKILL on the process, as a crash or the OOM killer would.
          kill: () => server.kill('SIGKILL'),
          start: async () => {
            server = await startServerProcess(storage, port);
          },
        })),
      );
    }
    const reader = newProvider({ url: `ws://127.0.0.1:${port}/collaboration`, name: minutes, token: await collabToken(port, 'fukushi1') });
    await synced(reader);
    const stored = reader.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    for (const text of acknowledged) expect(stored.split(`<paragraph>${text}</paragraph>`).length - 1, text).toBe(1);
  });
});
