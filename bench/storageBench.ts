import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Database } from '../collab-server/db/database.ts';
import { RevisionStore } from '../collab-server/store/revisionStore.ts';
import { UpdateLog } from '../collab-server/store/updateLog.ts';
import { MINUTES_FRAGMENT } from '../model/documentSchema.ts';
import { timeIt, type BenchRow } from './measure.ts';

/** 20,000 small edits, as a long meeting's minutes would collect. */
function editingTrace(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
  let paragraph = new Y.XmlText();
  for (let i = 0; i < count; i += 1) {
    if (i % 40 === 0) {
      const element = new Y.XmlElement('paragraph');
      paragraph = new Y.XmlText();
      element.insert(0, [paragraph]);
      fragment.push([element]);
    } else {
      paragraph.insert(paragraph.length, i % 7 === 0 ? '。' : '議');
    }
  }
  doc.destroy();
  return updates;
}

async function writeTrace(database: Database, documentName: string, updates: Uint8Array[]): Promise<void> {
  // Loaded in batches inside transactions: this is set-up, not what is measured.
  const log = new UpdateLog(database);
  for (let i = 0; i < updates.length; i += 500) {
    await database.transaction(async (tx) => {
      for (const update of updates.slice(i, i + 500)) await log.append(documentName, update, null, tx);
    });
  }
}

export async function storageBench(database: Database, updateCount: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const updates = editingTrace(updateCount);
  const withSnapshots = `bench/${randomUUID()}/minutes`;
  const withoutSnapshots = `bench/${randomUUID()}/minutes`;
  await writeTrace(database, withSnapshots, updates);
  await writeTrace(database, withoutSnapshots, updates);
  // Checkpoints every 500 updates, as the server writes them while people edit.
  const log = new UpdateLog(database);
  const store = new RevisionStore(database);
  for (let seq = 500; seq <= updateCount; seq += 500) {
    const doc = await store.stateAt(withSnapshots, seq);
    await database.query('insert into document_snapshots (document_name, upto_seq, state) values ($1, $2, $3)', [withSnapshots, seq, Y.encodeStateAsUpdate(doc)]);
    doc.destroy();
  }

  const replayAll = await timeIt(3, async () => {
    const stored = await log.load(withoutSnapshots);
    const doc = new Y.Doc();
    if (stored) Y.applyUpdate(doc, stored.state);
    doc.destroy();
  });
  rows.push({ group: `冷えた文書を開く（${updateCount.toLocaleString()} 更新）`, name: 'スナップショットなし（全ログを再生）', ms: replayAll, baseline: true });
  const coldOpen = await timeIt(3, async () => {
    const stored = await log.load(withSnapshots);
    const doc = new Y.Doc();
    if (stored) Y.applyUpdate(doc, stored.state);
    doc.destroy();
  });
  rows.push({ group: `冷えた文書を開く（${updateCount.toLocaleString()} 更新）`, name: 'スナップショット＋残りのログ', ms: coldOpen, ratioTo: replayAll });

  const replayRevision = await timeIt(3, async () => (await store.stateAt(withoutSnapshots, updateCount / 2)).destroy());
  rows.push({ group: '履歴：過去の版を開く', name: '中間の版（チェックポイントなしで再生）', ms: replayRevision, baseline: true });
  const middle = await timeIt(3, async () => (await store.stateAt(withSnapshots, updateCount / 2 + 250)).destroy());
  rows.push({ group: '履歴：過去の版を開く', name: '中間の版（チェックポイントから）', ms: middle, ratioTo: replayRevision });
  const newest = await timeIt(3, async () => (await store.stateAt(withSnapshots, updateCount)).destroy());
  rows.push({ group: '履歴：過去の版を開く', name: '最新の版（チェックポイントから）', ms: newest, ratioTo: replayRevision });
  return rows;
}

/** Updates/s into PostgreSQL with acknowledgement after commit: one commit each vs grouped. */
export async function durabilityBench(database: Database, count: number): Promise<BenchRow[]> {
  const updates = editingTrace(count);
  const log = new UpdateLog(database);
  const single = `bench/${randomUUID()}/minutes`;
  const singleMs = await timeIt(1, async () => {
    for (const update of updates) await log.append(single, update, null);
  });
  const batched = `bench/${randomUUID()}/minutes`;
  const batchedMs = await timeIt(1, async () => {
    for (let i = 0; i < updates.length; i += 50) {
      await database.transaction(async (tx) => {
        for (const update of updates.slice(i, i + 50)) await log.append(batched, update, null, tx);
      });
    }
  });
  // What the server does: 40 documents' updates arriving at once, grouped into shared commits.
  const documents = Array.from({ length: 40 }, () => `bench/${randomUUID()}/minutes`);
  const groupedMs = await timeIt(1, async () => {
    await Promise.all(updates.map((update, index) => log.append(documents[index % documents.length]!, update, null)));
  });
  const group = `永続化（${count.toLocaleString()} 更新、コミット後に応答）`;
  return [
    { group, name: '1 更新ずつコミット（順番に）', ms: singleMs, perSecond: (count / singleMs) * 1000, baseline: true },
    { group, name: '50 更新ずつ 1 トランザクション', ms: batchedMs, perSecond: (count / batchedMs) * 1000, ratioTo: singleMs },
    { group, name: 'サーバーのグループコミット（40 文書から同時に）', ms: groupedMs, perSecond: (count / groupedMs) * 1000, ratioTo: singleMs },
  ];
}
