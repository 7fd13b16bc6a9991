import type { Document } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DurableAppends } from '../../collab-server/collaboration/durableAppends.ts';
import { ServerWriter } from '../../collab-server/collaboration/serverOrigin.ts';
import { createLogger } from '../../collab-server/logger.ts';
import type { UpdateAuthor, UpdateLog } from '../../collab-server/store/updateLog.ts';

/** An update log whose PostgreSQL can be taken away. */
function flakyLog() {
  const rows: { update: Uint8Array; author: UpdateAuthor | null }[] = [];
  const state = { down: false };
  const updateLog = {
    append: async (_name: string, update: Uint8Array, author: UpdateAuthor | null) => {
      if (state.down) throw new Error('connection refused');
      rows.push({ update, author });
      return rows.length;
    },
    writeSnapshot: async () => null,
  } as unknown as UpdateLog;
  return { rows, state, updateLog };
}

describe('one durable append path for client updates and server writes', () => {
  it('stores what the server writes in the same per-document order as client updates, through an outage', async () => {
    const { rows, state, updateLog } = flakyLog();
    const appends = new DurableAppends({ updateLog, logger: createLogger('silent'), snapshotEvery: 1_000 });
    const writer = new ServerWriter(appends);
    const doc = Object.assign(new Y.Doc(), { name: 'case/x/overview' }) as unknown as Document;
    const client = new Y.Doc();
    client.getMap('overview').set('status', '支援中');
    state.down = true;
    const clientStored = appends.append(doc.name, Y.encodeStateAsUpdate(client), { userId: 'u', agencyId: 'a' });
    const attribution = writer.write(doc, { userId: 'u', agencyId: 'a' }, () => doc.getMap('changedBy').set('overview/status', { userId: 'u' }));
    // The server's write waits in the document's queue with the client's update, not in a loop of its own.
    expect(appends.waiting(doc.name)).toBe(2);
    state.down = false;
    await expect(clientStored).resolves.toBe(1);
    await expect(attribution).resolves.toBe(2);
    expect(rows.map((row) => row.author)).toEqual([{ userId: 'u', agencyId: 'a' }, { userId: 'u', agencyId: 'a' }]);
    // What was stored reads back as the document.
    const reloaded = new Y.Doc();
    for (const row of rows) Y.applyUpdate(reloaded, row.update);
    expect(reloaded.getMap('changedBy').toJSON()).toEqual({ 'overview/status': { userId: 'u' } });
    expect(reloaded.getMap('overview').toJSON()).toEqual({ status: '支援中' });
  });

  it('resolves a write that changes nothing once what the server wrote before is stored', async () => {
    const { state, updateLog } = flakyLog();
    const appends = new DurableAppends({ updateLog, logger: createLogger('silent'), snapshotEvery: 1_000 });
    const writer = new ServerWriter(appends);
    const doc = Object.assign(new Y.Doc(), { name: 'case/x/plan' }) as unknown as Document;
    state.down = true;
    const order: string[] = [];
    const first = writer.write(doc, null, () => doc.getMap('meta').set('schemaVersion', 3)).then((seq) => order.push(`stored ${seq}`));
    const unchanged = writer.write(doc, null, () => undefined).then((seq) => order.push(`unchanged ${seq}`));
    state.down = false;
    await Promise.all([first, unchanged]);
    expect(order).toEqual(['stored 1', 'unchanged null']);
  });
});
