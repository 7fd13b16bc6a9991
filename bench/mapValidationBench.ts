/**
 * What the server's check of a structured section costs one keystroke: the update goes through
 * UpdateValidationExtension.beforeSync exactly as from a websocket, on a 支援経過 with few and with
 * many entries (each with a long text; one character typed), and on an ecomap with few and many
 * shapes (one shape moved). Run: `node bench/mapValidationBench.ts [entries…]`.
 */
import type { beforeSyncPayload } from '@hocuspocus/server';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { caseDocumentName } from '../model/documentNames.ts';
import { ecomapRecordsArray, type EcomapEntry, type EcomapRecord } from '../model/ecomap/ecomapDocument.ts';
import { shapeRecord } from '../model/ecomap/ecomapRecords.ts';
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

async function measure(label: string, server: Y.Doc, section: string, keystroke: (client: Y.Doc, i: number) => void): Promise<void> {
  const document = Object.assign(server, { name: caseDocumentName('7f3e2a10-9c4b-4d5e-8f60-000000000001', section as 'overview') });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    let update: Uint8Array | null = null;
    const keep = (bytes: Uint8Array) => (update = bytes);
    client.on('update', keep);
    keystroke(client, i);
    client.off('update', keep);
    const payload = update!;
    const started = performance.now();
    await extension.beforeSync({ type: SYNC_UPDATE, payload, connection, context: { section, user }, document } as unknown as beforeSyncPayload);
    times.push(performance.now() - started);
    // As Hocuspocus applies it after the hooks, with the connection as the origin.
    Y.applyUpdate(server, payload, { source: 'connection', connection });
  }
  const size = Y.encodeStateAsUpdate(server).byteLength;
  // The first keystroke after the document is loaded makes the server's copy of it.
  const [first, ...rest] = times;
  console.log(
    `${label}, ${(size / 1024).toFixed(0)} KiB encoded: one keystroke validated in p50 ${percentile(rest, 50).toFixed(3)} ms, p95 ${percentile(rest, 95).toFixed(3)} ms, the first ${first!.toFixed(1)} ms`,
  );
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const note = (n: number, x: number) =>
  shapeRecord({ id: `shape:n${n}`, type: 'social-resource', x, y: 40, index: `a${DIGITS[n % DIGITS.length]}`, props: { kind: 'インフォーマル', name: `支援者${n}`, agencyId: null, w: 160, h: 72 } }) as EcomapRecord;
const stores = new WeakMap<Y.Doc, YKeyValue<EcomapRecord>>();
const records = (doc: Y.Doc) => {
  const known = stores.get(doc) ?? new YKeyValue<EcomapRecord>(ecomapRecordsArray(doc) as Y.Array<EcomapEntry> as never);
  stores.set(doc, known);
  return known;
};

for (const entries of sizes) {
  const middle = `entry-${String(Math.floor(entries / 2)).padStart(6, '0')}`;
  await measure(`支援経過 ${entries} entries`, progressLog(entries), 'progress-log', (client) => {
    // One character typed into the text of the entry in the middle.
    (client.getMap<Y.Map<unknown>>(PROGRESS_ROOT).get(middle)!.get('text') as Y.Text).insert(0, 'あ');
  });
}
for (const shapes of sizes.map((size) => size * 4)) {
  const server = createSectionDocument('ecomap');
  const kv = records(server);
  server.transact(() => {
    for (let n = 0; n < shapes; n += 1) kv.set(`shape:n${n}`, note(n, n));
  });
  await measure(`エコマップ ${shapes} shapes`, server, 'ecomap', (client, i) => {
    // One shape dragged by a pixel.
    records(client).set(`shape:n${Math.floor(shapes / 2)}`, note(Math.floor(shapes / 2), 1_000 + i));
  });
}
