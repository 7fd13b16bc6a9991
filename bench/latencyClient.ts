import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { MINUTES_FRAGMENT } from '../model/documentSchema.ts';

/**
 * A worker process of editors for the latency benchmark. Each editor is a real
 * @hocuspocus/provider with its own websocket; each appends timestamped text to its own
 * paragraph, and every editor records how long others' text took to arrive.
 */
interface Job {
  url: string;
  editors: { documentName: string; token: string }[];
  updatesPerEditor: number;
  intervalMs: number;
}

const latencies: number[] = [];
/** Edit → its author's acknowledgement (「保存済み」): in kasane, after the PostgreSQL commit. */
const ackLatencies: number[] = [];
let acknowledged = 0;

process.once('message', async (job: Job) => {
  const editors = job.editors.map(({ documentName, token }) => {
    const doc = new Y.Doc();
    const websocketProvider = new HocuspocusProviderWebsocket({ url: job.url });
    const provider = new HocuspocusProvider({ websocketProvider, name: documentName, document: doc, token });
    provider.attach();
    doc.getXmlFragment(MINUTES_FRAGMENT).observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = Date.now();
      for (const event of events) {
        for (const change of event.delta) {
          if (typeof change.insert === 'string') {
            for (const match of change.insert.matchAll(/t(\d{13});/g)) latencies.push(now - Number(match[1]));
          }
        }
      }
    });
    // Acknowledgements come in the order the updates were sent: each one settles the oldest.
    const sentAt: number[] = [];
    let unsynced = 0;
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider) sentAt.push(Date.now());
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0) acknowledged += 1;
      const now = Date.now();
      for (let settled = unsynced - number; settled > 0; settled -= 1) {
        const at = sentAt.shift();
        if (at !== undefined) ackLatencies.push(now - at);
      }
      unsynced = number;
    });
    return { doc, provider, websocketProvider };
  });
  await waitFor(() => editors.every((editor) => editor.provider.isSynced));
  process.send?.({ type: 'ready' });

  process.once('message', async () => {
    const texts = editors.map((editor) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      editor.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
      return text;
    });
    const started = Date.now();
    await Promise.all(
      texts.map(async (text, index) => {
        await sleep(Math.random() * job.intervalMs);
        for (let i = 0; i < job.updatesPerEditor; i += 1) {
          text.insert(text.length, `t${Date.now()};`);
          await sleep(job.intervalMs);
        }
        await waitFor(() => !editors[index]!.provider.hasUnsyncedChanges, 60_000);
      }),
    );
    const elapsedMs = Date.now() - started;
    await sleep(1_000); // the last peers' text is still on its way
    process.send?.({ type: 'done', latencies, ackLatencies, elapsedMs, updates: job.updatesPerEditor * editors.length, acknowledged });
    for (const editor of editors) {
      editor.provider.destroy();
      editor.websocketProvider.destroy();
    }
    process.exit(0);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('bench client timed out');
    await sleep(20);
  }
}
