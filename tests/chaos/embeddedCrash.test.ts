import { describe, expect, it, vi } from 'vitest';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { embeddedPostgresPid } from '../helpers/embeddedServer.ts';
import { minutesEditors, trackAcknowledgements } from '../helpers/acknowledgements.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { freePort, loginAt, startServerProcess, type ServerProcess } from '../helpers/serverProcess.ts';
import { newStorageLocation } from '../helpers/storageBackends.ts';

const EDITORS = 10;
const minutes = caseDocumentName(demoCase.id, 'minutes');
const editors = minutesEditors;

const collabToken = async (port: number, loginId: string) => (await loginAt(port, loginId)).collabToken;


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
  // At a random moment once the burst is under way (on a loaded machine the first
  // acknowledgements can take a while), not before anything could be stored.
  await vi.waitFor(() => expect(total()).toBeGreaterThan(EDITORS), { timeout: 30_000, interval: 20 });
  await new Promise((resolve) => setTimeout(resolve, random() * 700));
  const postgres = await embeddedPostgresPid(dataDir);
  if (target !== 'kasane') process.kill(postgres, 'SIGKILL');
  if (target === 'postgres') {
    const before = total();
    await vi.waitFor(() => expect(total()).toBeGreaterThan(before), { timeout: 30_000, interval: 50 });
    writing = false;
    await Promise.all(bursts);
    await vi.waitFor(() => expect(clients.every((client) => !client.provider.hasUnsyncedChanges)).toBe(true), { timeout: 60_000 });
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
