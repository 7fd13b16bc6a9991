import { randomBytes } from 'node:crypto';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import { SectionConnection, type SectionHost } from '../../app/collab/sectionConnection.ts';
import { householdIdentityFrom, redactionFor } from '../../model/access/masking.ts';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { caseDocumentName, type CaseSection } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { MEMBERS_ROOT, relationships } from '../../model/sections/members.ts';
import { readSection, sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { TARO } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newTcpProxy } from '../helpers/tcpProxy.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { newStorageLocation } from '../helpers/storageBackends.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';

const REDIS_URL = process.env.KASANE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sections = ['members', 'minutes'] as const satisfies readonly CaseSection[];

/** What a reader's document shows of a section: every root, as plain values. */
function content(doc: Y.Doc, section: CaseSection): unknown {
  if (section === 'minutes') return doc.getXmlFragment(MINUTES_FRAGMENT).toString();
  return Object.fromEntries(Object.keys(sectionDefinitions[section].roots).map((root) => [root, doc.getMap(root).toJSON()]));
}

/**
 * The masked reader as the app has it: the app's SectionConnection (a real HocuspocusProvider
 * on a page's one HocuspocusProviderWebsocket), reaching the servers through one address.
 */
function openMaskedReader(url: string, token: string) {
  const socket = new HocuspocusProviderWebsocket({ url, autoConnect: false, delay: 100, minDelay: 100, maxDelay: 500, factor: 1.5, maxAttempts: 0 });
  const refusals: string[] = [];
  const host: SectionHost = {
    socket,
    user: { id: 'masked-reader', name: '伊藤 直子', agencyName: '障害者相談支援事業所 あおば', color: '#336699' },
    hasDisconnected: () => true,
    token: () => token,
    tokenRejected: (reason) => refusals.push(`token ${reason}`),
    accessChanged: () => refusals.push('access changed'),
    sectionChanged: () => undefined,
  };
  const connections = Object.fromEntries(
    sections.map((section) => [section, new SectionConnection(section, 'masked', caseDocumentName(demoCase.id, section, 'masked'), true, host)]),
  ) as Record<(typeof sections)[number], SectionConnection>;
  void socket.connect();
  onTestFinished(() => {
    for (const connection of Object.values(connections)) connection.destroy();
    socket.destroy();
  });
  return { connections, refusals };
}

/**
 * The coordinator changes the masked-visible part of both sections on `server`; returns the
 * server's masked rendering of what is now stored.
 */
async function editAndRender(server: TestServer, step: number): Promise<Record<(typeof sections)[number], unknown>> {
  const token = (await server.login('fukushi1')).collabToken;
  const open = (section: CaseSection) => newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, section), token });
  const members = open('members');
  const minutes = open('minutes');
  await Promise.all([synced(members), synced(minutes)]);
  const taro = ensureMap(members.doc.getMap(MEMBERS_ROOT), TARO);
  writeValue(taro, 'relationship', relationships[step % relationships.length], sectionDefinitions.members.textKeys);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(`第${step}回の確認事項`)]);
  minutes.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
  await Promise.all([members.saved(), minutes.saved()]);
  const rendered = (source: TestProvider, section: CaseSection) => {
    const view = new Y.Doc();
    const redaction = redactionFor(householdIdentityFrom(readSection(members.doc, 'members')));
    renderMaskedView(view, section, source.doc, redaction, new Date(), null);
    return content(view, section);
  };
  const expected = { members: rendered(members, 'members'), minutes: rendered(minutes, 'minutes') };
  members.destroy();
  minutes.destroy();
  return expected;
}

async function expectShows(reader: ReturnType<typeof openMaskedReader>, expected: Record<(typeof sections)[number], unknown>) {
  for (const section of sections) {
    await vi.waitFor(() => {
      const snapshot = reader.connections[section].getSnapshot();
      expect(snapshot.provider.isSynced).toBe(true);
      expect(content(snapshot.doc, section)).toEqual(expected[section]);
    }, { timeout: 10_000, interval: 50 });
  }
  expect(reader.refusals).toEqual([]);
}

/** Which Y.Doc the reader shows each section in; a view derived anew must get a fresh one. */
function docs(reader: ReturnType<typeof openMaskedReader>): string[] {
  return sections.map((section) => reader.connections[section].getSnapshot().doc.guid);
}

function expectFreshDocuments(reader: ReturnType<typeof openMaskedReader>, before: string[]) {
  const after = docs(reader);
  sections.forEach((_, index) => expect(after[index]).not.toBe(before[index]));
}

function documentLoaded(server: TestServer, section: CaseSection): boolean {
  return server.server.hocuspocus.documents.has(caseDocumentName(demoCase.id, section, 'masked'));
}

describe.each([
  { scaleOut: 'one PostgreSQL only', redis: false },
  { scaleOut: 'one PostgreSQL and Redis', redis: true },
])('a masked reader that stays on the page (instances sharing $scaleOut)', ({ redis }) => {
  it('shows exactly the current masked content after a restart, a reload of the view and a move to another instance', async () => {
    const storage = await newStorageLocation('postgresql');
    const scaleOut = redis ? { redisUrl: REDIS_URL, redisPrefix: `kasane-test-${randomBytes(4).toString('hex')}` } : {};
    const first = await newKasaneServer('postgresql', { storage, ...scaleOut });
    const proxy = await newTcpProxy({ host: '127.0.0.1', port: Number(new URL(first.httpUrl).port) });
    // An instance's close() waits for its open websockets: the reader's go first (hooks run last-registered first).
    const instance = async (options: Parameters<typeof newKasaneServer>[1]) => {
      const server = await newKasaneServer('postgresql', options);
      onTestFinished(() => proxy.cut());
      return server;
    };
    const reader = openMaskedReader(`ws://127.0.0.1:${proxy.port}/collaboration`, (await first.login('shougai1')).collabToken);
    await expectShows(reader, await editAndRender(first, 1));
    let shownIn = docs(reader);

    // (a) The server restarts on the same database: the view is derived anew there. (Its
    // clients' sockets go first: close() waits for open websockets.)
    proxy.cut();
    await first.server.close();
    const restarted = await instance({ storage, seedDemoData: false, ...scaleOut });
    proxy.moveTo(Number(new URL(restarted.httpUrl).port));
    proxy.restore();
    await expectShows(reader, await editAndRender(restarted, 2));
    expectFreshDocuments(reader, shownIn);
    shownIn = docs(reader);

    // (b) The view is unloaded (its last reader gone) and loaded again while its source changes.
    proxy.cut();
    await vi.waitFor(() => expect(sections.filter((section) => documentLoaded(restarted, section))).toEqual([]), { timeout: 15_000 });
    const whileAway = await editAndRender(restarted, 3);
    proxy.restore();
    await expectShows(reader, whileAway);
    expectFreshDocuments(reader, shownIn);
    shownIn = docs(reader);

    // (c) The reader moves to another instance while another masked reader keeps the view
    // loaded on the first one.
    const stayer = newProvider({ url: restarted.websocketUrl, name: caseDocumentName(demoCase.id, 'minutes', 'masked'), token: (await restarted.login('shougai2')).collabToken });
    await synced(stayer);
    const other = await instance({ storage, seedDemoData: false, ...scaleOut });
    const beforeMove = await editAndRender(restarted, 4);
    proxy.moveTo(Number(new URL(other.httpUrl).port));
    await expectShows(reader, beforeMove);
    expectFreshDocuments(reader, shownIn);
    await vi.waitFor(() => expect(content(stayer.doc, 'minutes')).toEqual(beforeMove.minutes), { timeout: 15_000 });
    if (redis) {
      // Live across instances: an edit on the first reaches the reader on the other.
      await expectShows(reader, await editAndRender(restarted, 5));
      await vi.waitFor(() => expect(content(stayer.doc, 'minutes')).toEqual(content(reader.connections.minutes.getSnapshot().doc, 'minutes')), { timeout: 15_000 });
    }
  }, 180_000);
});
