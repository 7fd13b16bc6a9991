import { writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Server } from '@hocuspocus/server';
import pg from 'pg';
import { sessionSchema } from '../model/api.ts';
import { caseDocumentName } from '../model/documentNames.ts';
import { defaultConfiguration } from '../collab-server/config.ts';
import { DEMO_PASSWORD, demoCase } from '../collab-server/seed/demoData.ts';
import { createKasaneServer } from '../collab-server/server.ts';
import { bundleBench } from './bundleBench.ts';
import { latencyRows, runLatency, type LatencyScenario } from './latencyBench.ts';
import type { BenchRow } from './measure.ts';
import { memoryBench } from './memoryBench.ts';
import { durabilityBench, storageBench } from './storageBench.ts';

/**
 * `npm run bench`: every figure measured on this machine in one run, next to a baseline from
 * the same run, written to BENCHMARKS.md. BENCH_SCALE (default 1) shrinks or grows the loads.
 */
const scale = Number(process.env.BENCH_SCALE ?? '1');
const adminUrl = process.env.KASANE_TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function benchDatabase(): Promise<{ databaseUrl: string | undefined; drop: () => Promise<void>; label: string }> {
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL, drop: async () => {}, label: 'PostgreSQL（DATABASE_URL）' };
  const name = `kasane_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
  } catch {
    return { databaseUrl: undefined, drop: async () => {}, label: '組み込み PostgreSQL（127.0.0.1:5432 に接続できないため）' };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    label: 'PostgreSQL（127.0.0.1、ベンチマーク用に作成）',
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

const database = await benchDatabase();
const rows: BenchRow[] = [];
const kasane = await createKasaneServer({
  ...defaultConfiguration,
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  staticDir: null,
  databaseUrl: database.databaseUrl,
  dataDir: await mkdtemp(path.join(os.tmpdir(), 'kasane-bench-')),
  maxDocumentsPerConnection: 20,
});
const kasanePort = await kasane.listen();
const baseline = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await baseline.listen();
const baselineUrl = `ws://127.0.0.1:${baseline.address.port}`;
const kasaneUrl = `ws://127.0.0.1:${kasanePort}/collaboration`;

async function login(loginId: string) {
  const response = await fetch(`http://127.0.0.1:${kasanePort}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: DEMO_PASSWORD }),
  });
  return sessionSchema.parse(await response.json());
}

try {
  // The demo accounts that edit the 山田 minutes (自立相談 only reads them).
  const editorsWho = ['fukushi1', 'fukushi2', 'houkatsu1', 'houkatsu2'];
  const tokens = await Promise.all(editorsWho.map(async (id) => (await login(id)).collabToken));
  const meetingEditors = Math.max(2, Math.round(40 * scale));
  const meeting: LatencyScenario = {
    name: 'meeting',
    editors: Array.from({ length: meetingEditors }, (_, i) => ({ documentName: caseDocumentName(demoCase.id, 'minutes'), token: tokens[i % tokens.length]! })),
    updatesPerEditor: 20,
    intervalMs: 200,
  };
  const group1 = `編集が相手に届くまで（ms）: 1 事案 × ${meetingEditors} 人（大きな会議）`;
  rows.push(...latencyRows(group1, await runLatency(kasaneUrl, meeting), await runLatency(baselineUrl, meeting)));

  const coordinator = await login('fukushi1');
  const caseCount = Math.max(2, Math.round(200 * scale));
  const caseIds: string[] = [];
  for (let i = 0; i < caseCount; i += 1) {
    const response = await fetch(`http://127.0.0.1:${kasanePort}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator.accessToken}` },
      body: JSON.stringify({ title: `ベンチマーク事案 ${i + 1}` }),
    });
    caseIds.push(((await response.json()) as { id: string }).id);
  }
  const city: LatencyScenario = {
    name: 'city',
    editors: caseIds.flatMap((caseId) => Array.from({ length: 5 }, (_, i) => ({ documentName: caseDocumentName(caseId, 'minutes'), token: tokens[i % 2]! }))),
    updatesPerEditor: 5,
    intervalMs: 1_000,
  };
  const group2 = `編集が相手に届くまで（ms）: ${caseCount} 事案 × 5 人（忙しい市）`;
  rows.push(...latencyRows(group2, await runLatency(kasaneUrl, city), await runLatency(baselineUrl, city)));

  rows.push(...(await memoryBench(kasaneUrl, baselineUrl, caseIds.slice(0, Math.min(100, caseIds.length)), tokens[0]!)));
  rows.push(...(await durabilityBench(kasane.database, Math.round(2_000 * scale))));
  rows.push(...(await storageBench(kasane.database, Math.max(1_000, Math.round(20_000 * scale)))));
  rows.push(...(await bundleBench(path.resolve('dist'))));
} finally {
  await baseline.destroy();
  await kasane.close();
  await database.drop();
}

const format = (row: BenchRow) => {
  const value =
    row.p50 !== undefined
      ? `p50 ${row.p50} / p95 ${row.p95} / p99 ${row.p99}${row.perSecond !== undefined ? `、${row.perSecond.toFixed(0)} 更新/秒` : ''}`
      : row.bytes !== undefined
        ? `${(row.bytes / 1024).toFixed(1)} KiB`
        : row.perSecond !== undefined
          ? `${row.ms?.toFixed(0)} ms（${row.perSecond.toFixed(0)} 更新/秒）`
          : `${row.ms?.toFixed(1)} ms`;
  const ratio = row.baseline ? '基準' : row.ratioTo !== undefined && row.ratioTo > 0 ? `×${((row.p50 ?? row.ms ?? row.bytes ?? 0) / row.ratioTo).toFixed(2)}` : '';
  return `| ${row.name} | ${value} | ${ratio} | ${row.note ?? ''} |`;
};
const groups = [...new Set(rows.map((row) => row.group))];
const markdown = `# ベンチマーク / Benchmarks

\`npm run bench\` で再現できます（\`BENCH_SCALE=0.25 npm run bench\` で負荷を縮小）。すべて同じ実行の中で、同じマシンで測った値です。
比は同じ表の「基準」の行に対するもの（遅延は p50、時間は中央値）です。このマシンは 2 コアで、負荷をかける
クライアント（ワーカープロセス）とサーバーが同じ CPU を分け合っています。

「編集が相手に届くまで」は、ある人の編集が同じ文書を開いているほかの人に届くまでの時間です。kasane は更新を検証して
から適用・配信し、本人への「保存済み」の確認応答だけを PostgreSQL へのコミット後に送ります。「保存の確認まで」は
編集から本人への確認応答までの時間で、kasane ではここに PostgreSQL のコミット（fsync）が入ります（素の Hocuspocus は
メモリに適用した時点で応答し、何も保存しません）。

- 測定日時: ${new Date().toISOString()}
- Node.js ${process.version}、保存先: ${database.label}、BENCH_SCALE=${scale}

${groups
  .map((group) => `## ${group}\n\n| 項目 | 値 | 基準との比 | 備考 |\n|---|---|---|---|\n${rows.filter((row) => row.group === group).map(format).join('\n')}`)
  .join('\n\n')}
`;
await writeFile('BENCHMARKS.md', markdown);
process.stdout.write(markdown);
process.exit(0);
