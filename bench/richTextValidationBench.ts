/**
 * What the server's rich-text check costs one keystroke on a large meeting's minutes: the
 * update goes through UpdateValidationExtension.beforeSync exactly as from a websocket (scratch
 * copy of the document, the update applied, the fragment converted and checked against the
 * meeting minutes' ProseMirror schema). Run: `node bench/richTextValidationBench.ts [blocks]`.
 */
import type { beforeSyncPayload } from '@hocuspocus/server';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { meetingMinutesDocumentName } from '../model/documentNames.ts';
import { DECISION_NODE, MINUTES_FRAGMENT } from '../model/documentSchema.ts';
import { minutesSchema } from '../model/richText/minutesSchema.ts';
import { createSectionDocument } from '../model/sectionDocuments.ts';
import { UpdateValidationExtension } from '../collab-server/collaboration/UpdateValidationExtension.ts';
import { createLogger } from '../collab-server/logger.ts';
// The same schema, checked on a whole copy of the document: what each keystroke cost before.
import { richTextProblems } from '../model/richText/richTextProblems.ts';
import { percentile } from './measure.ts';

const SYNC_UPDATE = 2;
const blocks = Number(process.argv[2] ?? 2_000);
const line = '包括：ハナさんのケアプラン見直しと服薬管理の支援について確認した。';
const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (value: string) => ({ type: 'paragraph', content: [text(value)] });

function largeMinutes(): Y.Doc {
  const content: unknown[] = [];
  for (let i = 0; i < blocks; i += 1) {
    if (i % 50 === 10) content.push({ type: DECISION_NODE, content: [paragraph(`${i}: ${line}`)] });
    else if (i % 50 === 20) content.push({ type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false }, content: [paragraph(`${i}: ${line}`)] }] });
    else if (i % 50 === 30) content.push({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(`${i}`)] }, { type: 'tableCell', content: [paragraph(line)] }] }] });
    else content.push(paragraph(`${i}: ${line}`));
  }
  const doc = createSectionDocument('minutes');
  prosemirrorJSONToYXmlFragment(minutesSchema('meeting-minutes'), { type: 'doc', content }, doc.getXmlFragment(MINUTES_FRAGMENT));
  return doc;
}

const server = largeMinutes();
const name = meetingMinutesDocumentName('7f3e2a10-9c4b-4d5e-8f60-000000000001', '0c1d66a0-cbd0-4dbb-be60-8c4e6452fc8c');
const document = Object.assign(server, { name });
const client = new Y.Doc();
Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
const extension = new UpdateValidationExtension(createLogger('silent'));
const connection = { readOnly: false, sendStateless: () => undefined };
const context = { section: 'minutes', user: { id: 'u', name: '佐藤 美咲', agencyId: 'a', agencyName: '福祉総合相談課' } };

const times: number[] = [];
for (let i = 0; i < 200; i += 1) {
  // One character typed in the middle of the minutes.
  const target = client.getXmlFragment(MINUTES_FRAGMENT).get(Math.floor(blocks / 2)) as Y.XmlElement;
  let update: Uint8Array | null = null;
  const keep = (bytes: Uint8Array) => (update = bytes);
  client.once('update', keep);
  (target.get(0) as Y.XmlText).insert(0, 'あ');
  const payload = update!;
  const started = performance.now();
  await extension.beforeSync({ type: SYNC_UPDATE, payload, connection, context, document } as unknown as beforeSyncPayload);
  times.push(performance.now() - started);
  // As Hocuspocus applies it after the hooks, with the connection as the origin.
  Y.applyUpdate(server, payload, { source: 'connection', connection });
}
const fullCopy: number[] = [];
for (let i = 0; i < 20; i += 1) {
  const started = performance.now();
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(server));
  richTextProblems(scratch.getXmlFragment(MINUTES_FRAGMENT), 'meeting-minutes');
  scratch.destroy();
  fullCopy.push(performance.now() - started);
}
const size = Y.encodeStateAsUpdate(server).byteLength;
// The first keystroke after the document is loaded makes the server's copy of it.
const [first, ...rest] = times;
const characters = client.getXmlFragment(MINUTES_FRAGMENT).toString().replace(/<[^>]+>/g, '').length;
console.log(
  `${blocks} blocks, ${characters} characters, ${(size / 1024).toFixed(0)} KiB encoded: one keystroke validated in p50 ${percentile(rest, 50).toFixed(2)} ms, p95 ${percentile(rest, 95).toFixed(2)} ms, the first ${first!.toFixed(1)} ms (a whole copy checked: p50 ${percentile(fullCopy, 50).toFixed(2)} ms)`,
);
