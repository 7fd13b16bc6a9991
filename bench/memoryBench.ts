import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { caseDocumentName } from '../model/documentNames.ts';
import type { BenchRow } from './measure.ts';

function heap(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

async function openClients(url: string, names: string[], perDocument: number, token: string) {
  const clients = names.flatMap((name) =>
    Array.from({ length: perDocument }, () => {
      const websocketProvider = new HocuspocusProviderWebsocket({ url });
      const provider = new HocuspocusProvider({ websocketProvider, name, document: new Y.Doc(), token });
      provider.attach();
      return { provider, websocketProvider };
    }),
  );
  const deadline = Date.now() + 60_000;
  while (!clients.every((client) => client.provider.isSynced)) {
    if (Date.now() > deadline) throw new Error('memory bench: clients did not sync');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return () => {
    for (const client of clients) {
      client.provider.destroy();
      client.websocketProvider.destroy();
    }
  };
}

/**
 * Server heap per open document and per extra connection. The server runs in this process,
 * so the clients (also here) are measured too: each figure subtracts the same run without
 * the server's part, by comparing kasane with the plain Hocuspocus baseline.
 */
export async function memoryBench(kasaneUrl: string, baselineUrl: string, caseIds: string[], token: string): Promise<BenchRow[]> {
  const names = caseIds.map((caseId) => caseDocumentName(caseId, 'minutes'));
  const measure = async (url: string) => {
    const before = heap();
    const closeDocs = await openClients(url, names, 1, token);
    const withDocs = heap();
    const closeMore = await openClients(url, names, 2, token);
    const withMore = heap();
    closeMore();
    closeDocs();
    return { perDocument: (withDocs - before) / names.length, perConnection: (withMore - withDocs) / (names.length * 2) };
  };
  // The heap is noisy at this size: the median of three rounds, alternating the servers.
  const rounds: { plain: Awaited<ReturnType<typeof measure>>; ours: Awaited<ReturnType<typeof measure>> }[] = [];
  for (let round = 0; round < 3; round += 1) rounds.push({ plain: await measure(baselineUrl), ours: await measure(kasaneUrl) });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  const plain = { perDocument: median(rounds.map((r) => r.plain.perDocument)), perConnection: median(rounds.map((r) => r.plain.perConnection)) };
  const ours = { perDocument: median(rounds.map((r) => r.ours.perDocument)), perConnection: median(rounds.map((r) => r.ours.perConnection)) };
  const group = `メモリ（この処理のヒープ、${names.length} 文書、クライアントも同じ処理内）`;
  return [
    { group, name: '開いた文書 1 つあたり（接続 1 本込み）: 素の Hocuspocus', bytes: plain.perDocument, baseline: true },
    { group, name: '開いた文書 1 つあたり（接続 1 本込み）: kasane', bytes: ours.perDocument, ratioTo: plain.perDocument },
    { group, name: '接続 1 本あたり: 素の Hocuspocus', bytes: plain.perConnection, baseline: true },
    { group, name: '接続 1 本あたり: kasane', bytes: ours.perConnection, ratioTo: plain.perConnection },
  ];
}
