/**
 * What the server's check of a structured (map) section costs one keystroke: the update goes
 * through UpdateValidationExtension.beforeSync exactly as from a websocket, on a 支援経過 with few
 * and with many entries (each with a long text). Run: `node bench/mapValidationBench.ts [entries…]`.
 */
import type { beforeSyncPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { caseDocumentName } from '../model/documentNames.ts';
import { PROGRESS_ROOT } from '../model/sections/progressLog.ts';
import { createSectionDocument } from '../model/sectionDocuments.ts';
import { UpdateValidationExtension } from '../collab-server/collaboration/UpdateValidationExtension.ts';
import { createLogger } from '../collab-server/logger.ts';
import { percentile } from './measure.ts';

const SYNC_UPDATE = 2;
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [5, 500];
const line = '本人宅を訪問。ハナさんの服薬状況と生活の様子を確認し、包括と今後の見守りについて相談した。';
const user = { id: '6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', name: '佐藤 美咲', agencyId: '0c1d66a0-cbd0-4dbb-be60-8c4e6452fc8c', agencyName: '福祉総合相談課' };

function progressLog(entries: number): Y.Doc {
  const doc = createSectionDocument('progress-log');
  const root = doc.getMap<Y.Map<unknown>>(PROGRESS_ROOT);
  doc.transact(() => {
    for (let i = 0; i < entries; i += 1) {
      const entry = new Y.Map<unknown>();
      root.set(`entry-${String(i).padStart(6, '0')}`, entry);
      entry.set('occurredAt', '2026-11-02T10:00:00+09:00');
      entry.set('agencyId', user.agencyId);
      entry.set('authorId', user.id);
      entry.set('authorName', user.name);
      entry.set('agencyName', user.agencyName);
      entry.set('kind', '実施した支援');
      entry.set('contactMethod', '訪問');
      entry.set('text', new Y.Text(line.repeat(8)));
      entry.set('taskStatus', null);
    }
  });
  return doc;
}

const extension = new UpdateValidationExtension(createLogger('silent'));
const connection = { readOnly: false, sendStateless: () => undefined };
const context = { section: 'progress-log', user };

for (const entries of sizes) {
  const server = progressLog(entries);
  const document = Object.assign(server, { name: caseDocumentName('7f3e2a10-9c4b-4d5e-8f60-000000000001', 'progress-log') });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    // One character typed into the text of the entry in the middle.
    const entry = client.getMap<Y.Map<unknown>>(PROGRESS_ROOT).get(`entry-${String(Math.floor(entries / 2)).padStart(6, '0')}`)!;
    let update: Uint8Array | null = null;
    client.once('update', (bytes: Uint8Array) => (update = bytes));
    (entry.get('text') as Y.Text).insert(0, 'あ');
    const payload = update!;
    const started = performance.now();
    await extension.beforeSync({ type: SYNC_UPDATE, payload, connection, context, document } as unknown as beforeSyncPayload);
    times.push(performance.now() - started);
    // As Hocuspocus applies it after the hooks, with the connection as the origin.
    Y.applyUpdate(server, payload, { source: 'connection', connection });
  }
  const size = Y.encodeStateAsUpdate(server).byteLength;
  const [first, ...rest] = times;
  console.log(
    `${entries} entries, ${(size / 1024).toFixed(0)} KiB encoded: one keystroke validated in p50 ${percentile(rest, 50).toFixed(3)} ms, p95 ${percentile(rest, 95).toFixed(3)} ms, the first ${first!.toFixed(1)} ms`,
  );
}
