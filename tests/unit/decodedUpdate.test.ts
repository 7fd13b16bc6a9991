import type { beforeSyncPayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodedUpdate } from '../../collab-server/collaboration/decodedUpdate.ts';
import { DurableAppends } from '../../collab-server/collaboration/durableAppends.ts';
import { DurableUpdateLogExtension } from '../../collab-server/collaboration/DurableUpdateLogExtension.ts';
import { createLogger } from '../../collab-server/logger.ts';
import type { UpdateLog } from '../../collab-server/store/updateLog.ts';

function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('overview').set('status', '支援中');
  return Y.encodeStateAsUpdate(doc);
}

describe('an update read once per message', () => {
  it('gives every step of the pipeline the same decoding of one payload', () => {
    const update = realUpdate();
    const first = decodedUpdate(update);
    expect(first).toMatchObject({ readable: true });
    expect(decodedUpdate(update)).toBe(first);
    // Another message with the same bytes is another payload, read on its own.
    expect(decodedUpdate(update.slice())).not.toBe(first);
  });

  it('never lets the durable log store a malformed update, whether or not validation ran before it', async () => {
    const appended: Uint8Array[] = [];
    const updateLog = { append: async (_name: string, update: Uint8Array) => appended.push(update) } as unknown as UpdateLog;
    const appends = new DurableAppends({ updateLog, logger: createLogger('silent'), snapshotEvery: 1_000 });
    const log = new DurableUpdateLogExtension({ updateLog, appends });
    const connection = { readOnly: false };
    const context = { user: { id: 'u', agencyId: 'a' } };
    const send = (payload: Uint8Array) =>
      log.beforeSync({ type: 2, payload, connection, context, documentName: 'case/x/overview' } as unknown as beforeSyncPayload);
    const truncated = realUpdate().slice(0, 12);
    expect(decodedUpdate(truncated)).toMatchObject({ readable: false });
    await expect(send(truncated)).rejects.toMatchObject({ code: 4400 });
    await expect(send(new Uint8Array(64).fill(0xff))).rejects.toMatchObject({ code: 4400 });
    expect(appended).toEqual([]);
  });
});
