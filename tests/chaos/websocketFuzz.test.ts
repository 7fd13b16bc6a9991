import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const minutes = caseDocumentName(demoCase.id, 'minutes');
const overview = caseDocumentName(demoCase.id, 'overview');

// Hocuspocus framing: document name, message type, payload.
const AUTH = 2;
const SYNC = 0;
const AWARENESS = 1;

function frame(documentName: string, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const auth = (documentName: string, token: string) =>
  frame(documentName, AUTH, (encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, token);
  });
const syncUpdate = (documentName: string, update: Uint8Array) =>
  frame(documentName, SYNC, (encoder) => {
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
  });

function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('fuzz')]);
  doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** What a hostile client sends after opening a socket (with or without authenticating first). */
const attack = (token: string) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => [bytes]),
    fc.uint8Array({ maxLength: 512 }).map((bytes) => [auth(minutes, token), frame(minutes, SYNC, (e) => encoding.writeUint8Array(e, bytes))]),
    fc.integer({ min: 1, max: 200 }).map((cut) => [auth(minutes, token), syncUpdate(minutes, sampleUpdate().slice(0, cut))]),
    fc.constant([auth(minutes, token), frame(minutes, SYNC, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint(e, 2 ** 40); })]),
    fc.constant([auth(minutes, token), syncUpdate(minutes, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x00]))]),
    fc.constant([auth(overview, token), syncUpdate(overview, Uint8Array.from(Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex')))]),
    fc.constant([syncUpdate(minutes, sampleUpdate()), auth(minutes, token)]),
    fc.integer({ min: 50, max: 400 }).map((count) => Array.from({ length: count }, () => syncUpdate(minutes, sampleUpdate()))),
    fc.uint8Array({ maxLength: 256 }).map((bytes) => [auth(minutes, token), frame(minutes, AWARENESS, (e) => encoding.writeVarUint8Array(e, bytes))]),
    fc.string({ maxLength: 64 }).map((name) => [auth(name, token), syncUpdate(name, sampleUpdate())]),
  );

async function runAttack(url: string, messages: readonly Uint8Array[]): Promise<number> {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('socket error')));
  });
  for (const message of messages) socket.send(new Uint8Array(message));
  // Give the server a moment to answer, then leave if it has not closed us.
  const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 150));
  const code = await Promise.race([closed, timeout]);
  if (code === -1) socket.close();
  return code;
}

describe('hostile websocket input', () => {
  it('keeps the server up and other people working, closes offenders, bounds memory (fast-check, fixed seed)', async () => {
    const server = await newKasaneServer('postgresql', { authenticationDeadlineMs: 500, maxMessageBytes: 256 * 1024 });
    const session = await server.login('fukushi1');
    const honest = newProvider({ url: server.websocketUrl, name: minutes, token: session.collabToken });
    await synced(honest);
    const baseline = process.memoryUsage().heapUsed;
    const codes: number[] = [];

    await fc.assert(
      fc.asyncProperty(attack(session.collabToken), async (messages) => {
        codes.push(await runAttack(server.websocketUrl, messages));
      }),
      { seed: 20261122, numRuns: 120 },
    );

    // The server still answers and the honest editor still gets edits saved.
    expect((await server.api('/health')).status).toBe(200);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('攻撃の後も保存できる')]);
    honest.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
    await honest.saved();
    // Offending connections were closed by the server with a code, not left hanging.
    expect(codes.filter((code) => code >= 4000 || code === 1002 || code === 1009).length).toBeGreaterThan(0);
    await vi.waitFor(() => {
      globalThis.gc?.();
      expect(process.memoryUsage().heapUsed - baseline).toBeLessThan(200 * 1024 * 1024);
    });
    // Nothing malformed reached the log: every stored update still loads.
    const { rows } = await server.server.database.query<{ update: Uint8Array }>('select update from document_updates');
    const check = new Y.Doc();
    for (const row of rows) Y.applyUpdate(check, new Uint8Array(row.update));
  });
});
