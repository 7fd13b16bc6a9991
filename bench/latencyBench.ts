import { fork } from 'node:child_process';
import path from 'node:path';
import { percentile, type BenchRow } from './measure.ts';

export interface LatencyScenario {
  name: string;
  /** One entry per editor: which document, with which token. */
  editors: { documentName: string; token: string }[];
  updatesPerEditor: number;
  intervalMs: number;
}

const clientScript = path.resolve(import.meta.dirname, 'latencyClient.ts');
const WORKERS = 4;

/** Runs a scenario against a server with editors spread over worker processes. */
interface LatencyResult {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  acknowledgement: { p50: number; p95: number; p99: number };
}

export async function runLatency(url: string, scenario: LatencyScenario): Promise<LatencyResult> {
  const chunks = Array.from({ length: WORKERS }, (_, worker) => scenario.editors.filter((_, index) => index % WORKERS === worker)).filter((chunk) => chunk.length > 0);
  const workers = chunks.map((editors) => {
    const child = fork(clientScript, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.send({ url, editors, updatesPerEditor: scenario.updatesPerEditor, intervalMs: scenario.intervalMs });
    return child;
  });
  const next = (child: (typeof workers)[number]) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('message', (message) => resolve(message as Record<string, unknown>));
      child.once('exit', (code) => code !== 0 && reject(new Error(`bench worker exited ${code}`)));
    });
  await Promise.all(workers.map(next)); // ready
  const results = Promise.all(workers.map(next));
  for (const child of workers) child.send('start');
  const done = await results;
  const latencies = done.flatMap((result) => result.latencies as number[]);
  const acks = done.flatMap((result) => result.ackLatencies as number[]);
  const updates = done.reduce((sum, result) => sum + (result.updates as number), 0);
  const elapsed = Math.max(...done.map((result) => result.elapsedMs as number));
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: (updates / elapsed) * 1000,
    acknowledgement: { p50: percentile(acks, 50), p95: percentile(acks, 95), p99: percentile(acks, 99) },
  };
}

export function latencyRows(group: string, kasane: LatencyResult, baseline: LatencyResult): BenchRow[] {
  const { acknowledgement: baselineAck, ...baselinePeer } = baseline;
  const { acknowledgement: kasaneAck, ...kasanePeer } = kasane;
  return [
    { group, name: '素の Hocuspocus（拡張なし・メモリのみ）', ...baselinePeer, baseline: true },
    { group, name: 'kasane（検証・永続化・認可・監査）', ...kasanePeer, ratioTo: baseline.p50 },
    { group, name: '保存の確認まで：素の Hocuspocus（メモリに適用した時点）', ...baselineAck, note: '編集→本人への確認応答' },
    { group, name: '保存の確認まで：kasane（PostgreSQL にコミットした時点）', ...kasaneAck, ratioTo: baselineAck.p50, note: '編集→本人への確認応答（「保存済み」）' },
  ];
}
