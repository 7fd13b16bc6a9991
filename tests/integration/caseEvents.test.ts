import { randomBytes, randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import type { AgencyAccess } from '../../model/access/accessLevels.ts';
import { CASE_EVENT_CHANNEL } from '../../model/caseEvents.ts';
import { chatMessageSchema } from '../../model/chat.ts';
import { CloseCode } from '../../model/closeCodes.ts';
import { caseDocumentName, meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { meetingPresenceSchema, meetingPresenceStatelessSchema, meetingSchema, type CreateMeetingRequest } from '../../model/meetings.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { HANA, TARO } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { syncStatuses, writeParagraph } from '../helpers/syncStatuses.ts';
import { newStorageLocation, type StorageLocation } from '../helpers/storageBackends.ts';
import { newTcpProxy } from '../helpers/tcpProxy.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';
import { WireRecorder } from '../helpers/wireRecorder.ts';

const REDIS_URL = process.env.KASANE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const [, houkatsu, , jiritsu] = demoAgencies as [
  (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number],
];

/** Two kasane instances on one PostgreSQL, documents relayed through Redis, as behind a load balancer. */
async function twoInstances(storageOfB?: (storage: StorageLocation) => StorageLocation) {
  const storage = await newStorageLocation('postgresql');
  const redisPrefix = `kasane-test-${randomBytes(4).toString('hex')}`;
  const a = await newKasaneServer('postgresql', { storage, redisUrl: REDIS_URL, redisPrefix });
  const b = await newKasaneServer('postgresql', { storage: storageOfB ? storageOfB(storage) : storage, redisUrl: REDIS_URL, redisPrefix, seedDemoData: false });
  return { a, b, storage };
}

function closeReasons(client: TestProvider): { reasons: string[]; at: number[] } {
  const seen = { reasons: [] as string[], at: [] as number[] };
  client.provider.on('close', ({ event }: { event: { reason: string } }) => {
    seen.reasons.push(event.reason);
    seen.at.push(Date.now());
  });
  return seen;
}

function setLevels(server: TestServer, token: string, agencyId: string, levels: AgencyAccess) {
  return server.api(`/cases/${demoCase.id}/sharing/${agencyId}`, { method: 'PUT', token, body: JSON.stringify({ levels }) });
}



const newMeeting: CreateMeetingRequest = {
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '15:00',
  place: '架空市役所 3階 会議室B',
  legalBasis: '支援会議〈社会福祉法第106条の6、守秘義務〉',
  attendeeUserIds: [houkatsu.users[0]!.id, jiritsu.users[0]!.id],
  outsideAttendees: [],
  agenda: '太郎さんの債務整理',
};

async function createMeeting(server: TestServer, token: string) {
  const response = await server.api(`/cases/${demoCase.id}/meetings`, { method: 'POST', token, body: JSON.stringify(newMeeting) });
  expect(response.status).toBe(201);
  return meetingSchema.parse(await response.json());
}

describe('case events reach the connections of every instance', () => {
  it('a downgrade through A closes the agency’s documents on B within a second, and no source byte reaches it afterwards', async () => {
    const { a, b } = await twoInstances();
    const coordinatorSession = await a.login('fukushi1');
    const coordinator = newProvider({ url: a.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: coordinatorSession.collabToken });
    // 自立相談 reads the household (閲覧) on the other instance, every byte recorded.
    const jiritsuSession = await b.login('jiritsu1');
    const recorder = new WireRecorder();
    const reader = newProvider({ url: b.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: jiritsuSession.collabToken, WebSocketPolyfill: recorder.webSocketClass() });
    await Promise.all([synced(coordinator), synced(reader)]);
    const closes = closeReasons(reader);
    let framesAtClose = -1;
    reader.provider.on('close', () => {
      if (framesAtClose < 0) framesAtClose = recorder.received.length;
    });
    const hana = () => ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), HANA);
    const phoneOn = (client: TestProvider) => (ensureMap(client.doc.getMap(MEMBERS_ROOT), HANA).toJSON() as { phone?: string }).phone;

    // An edit on A reaches the reader on B while it may read the household.
    writeValue(hana(), 'phone', '070-1111-2222', sectionDefinitions.members.textKeys);
    await coordinator.saved();
    await vi.waitFor(() => expect(phoneOn(reader)).toBe('070-1111-2222'), { timeout: 10_000 });

    const masked = await setLevels(a, coordinatorSession.accessToken, jiritsu.id, { members: 'masked' });
    expect(masked.status).toBe(200);
    const answeredAt = Date.now();
    await vi.waitFor(() => expect(closes.reasons).toContain(CloseCode.AccessChanged.reason), { timeout: 1_000, interval: 10 });
    expect(closes.at[0]! - answeredAt).toBeLessThan(1_000);

    // From now on B sends the agency only the masked view: what is typed on A never reaches it.
    const maskedRecorder = new WireRecorder();
    const maskedReader = newProvider({
      url: b.websocketUrl,
      name: caseDocumentName(demoCase.id, 'members', 'masked'),
      token: jiritsuSession.collabToken,
      WebSocketPolyfill: maskedRecorder.webSocketClass(),
    });
    await synced(maskedReader);
    const maskedCloses = closeReasons(maskedReader);
    writeValue(hana(), 'phone', '070-3333-4444', sectionDefinitions.members.textKeys);
    writeValue(ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), TARO), 'relationship', '同居人', sectionDefinitions.members.textKeys);
    await coordinator.saved();
    await vi.waitFor(() => {
      expect(ensureMap(maskedReader.doc.getMap(MEMBERS_ROOT), TARO).toJSON()).toMatchObject({ name: 'B氏', relationship: '同居人' });
      expect(ensureMap(maskedReader.doc.getMap(MEMBERS_ROOT), HANA).toJSON()).toMatchObject({ name: 'A氏', phone: '' });
    }, { timeout: 10_000 });
    // Not one frame about the source document after the close (every Hocuspocus frame starts with its document's name).
    const source = caseDocumentName(demoCase.id, 'members');
    const laterFrames = recorder.received.slice(framesAtClose).map((frame) => decoding.readVarString(decoding.createDecoder(frame)));
    expect(laterFrames.filter((name) => name === source)).toEqual([]);
    expect(phoneOn(reader)).toBe('070-1111-2222');
    expect(maskedRecorder.leaked(['070-3333-4444', '070-1111-2222', '山田 ハナ', 'やまだ'])).toEqual([]);

    // An upgrade through A re-opens: the masked view on B is closed so the page opens the source again.
    const restored = await setLevels(a, coordinatorSession.accessToken, jiritsu.id, { members: 'view' });
    expect(restored.status).toBe(200);
    await vi.waitFor(() => expect(maskedCloses.reasons).toContain(CloseCode.AccessChanged.reason), { timeout: 1_000, interval: 10 });
  });

  it('a meeting closed on A is read-only on B: its writer there is closed out and nothing it types is stored', async () => {
    const { a, b } = await twoInstances();
    const sato = await a.login('fukushi1');
    const takahashi = await b.login('houkatsu1');
    const meeting = await createMeeting(a, sato.accessToken);
    const name = meetingMinutesDocumentName(demoCase.id, meeting.id);
    const storedUpdates = async () =>
      Number((await a.server.database.query<{ count: string }>('select count(*) as count from document_updates where document_name = $1', [name])).rows[0]?.count);

    const writer = newProvider({ url: b.websocketUrl, name, token: takahashi.collabToken });
    await synced(writer);
    expect(writer.provider.authorizedScope).toBe('read-write');
    const closes = closeReasons(writer);
    writeParagraph(writer, 'Bで会議中に書いた行');
    await writer.saved();

    const closed = await a.api(`/cases/${demoCase.id}/meetings/${meeting.id}/close`, { method: 'POST', token: sato.accessToken });
    expect(meetingSchema.parse(await closed.json()).status).toBe('終了');
    await vi.waitFor(() => expect(closes.reasons).toContain(CloseCode.MeetingClosed.reason), { timeout: 1_000, interval: 10 });
    const storedAtClose = await storedUpdates();

    const reopened = newProvider({ url: b.websocketUrl, name, token: takahashi.collabToken });
    const answers = syncStatuses(reopened);
    await synced(reopened);
    expect(reopened.provider.authorizedScope).toBe('readonly');
    expect(reopened.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toContain('Bで会議中に書いた行');
    writeParagraph(reopened, 'Bで終了後に書いた行');
    await vi.waitFor(() => expect(answers.refused).toBeGreaterThan(0), { timeout: 10_000 });
    expect(await storedUpdates()).toBe(storedAtClose);
  });

  it('chat posted on A reaches an allowed reader on B and not a byte of it an excluded one', async () => {
    const { a, b } = await twoInstances();
    const open = async (loginId: string, view: 'source' | 'masked') => {
      const recorder = new WireRecorder();
      const received: string[] = [];
      const client = newProvider({
        url: b.websocketUrl,
        name: caseDocumentName(demoCase.id, 'overview', view),
        token: (await b.login(loginId)).collabToken,
        WebSocketPolyfill: recorder.webSocketClass(),
      });
      client.provider.on('stateless', ({ payload }: { payload: string }) => received.push(payload));
      await synced(client);
      return { recorder, received };
    };
    const allowed = await open('houkatsu1', 'source');
    const excluded = await open('shougai1', 'masked');

    // Whatever else is said on the channel (not an event, or an event of no known shape) is ignored, not applied.
    await a.server.database.notify(CASE_EVENT_CHANNEL, 'not json');
    await a.server.database.notify(CASE_EVENT_CHANNEL, JSON.stringify({ id: randomUUID(), origin: randomUUID(), event: { type: 'chat-posted', caseId: demoCase.id } }));

    const sato = await a.login('fukushi1');
    const secret = '包括と自立相談だけに：太郎さんの借入先は3社';
    const limited = await a.api(`/cases/${demoCase.id}/chat`, { method: 'POST', token: sato.accessToken, body: JSON.stringify({ body: secret, agencyIds: [houkatsu.id, jiritsu.id] }) });
    expect(limited.status).toBe(201);
    const everyone = await a.api(`/cases/${demoCase.id}/chat`, { method: 'POST', token: sato.accessToken, body: JSON.stringify({ body: '次回の支援会議は12月4日です' }) });
    expect(chatMessageSchema.parse(await everyone.json()).visibleAgencyIds).toBeNull();

    await vi.waitFor(() => {
      expect(allowed.received.some((payload) => payload.includes(secret))).toBe(true);
      // Events are applied in order: once the later message is there, the earlier one was decided.
      expect(excluded.received.some((payload) => payload.includes('12月4日'))).toBe(true);
    }, { timeout: 2_000, interval: 10 });
    expect(excluded.recorder.leaked([secret, '借入先'])).toEqual([]);
    expect(allowed.recorder.leaked([secret])).toEqual([secret]);
  });

  it('lists as present at a meeting everyone connected to its minutes on either instance', async () => {
    const storage = await newStorageLocation('postgresql');
    const redisPrefix = `kasane-test-${randomBytes(4).toString('hex')}`;
    const a = await newKasaneServer('postgresql', { storage, redisUrl: REDIS_URL, redisPrefix });
    const sato = await a.login('fukushi1');
    const meeting = await createMeeting(a, sato.accessToken);
    const name = meetingMinutesDocumentName(demoCase.id, meeting.id);
    const presence = async (server: TestServer) =>
      meetingPresenceSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/presence`, { token: sato.accessToken })).json()).present.map((person) => person.name).sort();

    const satoClient = newProvider({ url: a.websocketUrl, name, token: sato.collabToken });
    const announcedOnA: string[][] = [];
    satoClient.provider.on('stateless', ({ payload }: { payload: string }) => {
      const parsed = meetingPresenceStatelessSchema.safeParse(JSON.parse(payload));
      if (parsed.success) announcedOnA.push(parsed.data.present.map((person) => person.name).sort());
    });
    await synced(satoClient);

    // An instance started later learns who is already there on the others.
    const b = await newKasaneServer('postgresql', { storage, redisUrl: REDIS_URL, redisPrefix, seedDemoData: false });
    await vi.waitFor(async () => expect(await presence(b)).toEqual(['佐藤 美咲']), { timeout: 5_000 });
    const takahashi = await b.login('houkatsu1');
    const shougai = await b.login('shougai1');
    const takahashiClient = newProvider({ url: b.websocketUrl, name, token: takahashi.collabToken });
    const announcedOnB: string[][] = [];
    takahashiClient.provider.on('stateless', ({ payload }: { payload: string }) => {
      const parsed = meetingPresenceStatelessSchema.safeParse(JSON.parse(payload));
      if (parsed.success) announcedOnB.push(parsed.data.present.map((person) => person.name).sort());
    });
    const shougaiClient = newProvider({ url: b.websocketUrl, name: `${name}/masked`, token: shougai.collabToken });
    await Promise.all([synced(takahashiClient), synced(shougaiClient)]);

    const everyone = ['伊藤 直子', '佐藤 美咲', '高橋 由美'].sort();
    await vi.waitFor(async () => {
      expect(await presence(a)).toEqual(everyone);
      expect(await presence(b)).toEqual(everyone);
      expect(announcedOnA.at(-1)).toEqual(everyone);
      expect(announcedOnB.at(-1)).toEqual(everyone);
    }, { timeout: 5_000 });

    takahashiClient.destroy();
    const remaining = ['伊藤 直子', '佐藤 美咲'].sort();
    await vi.waitFor(async () => {
      expect(announcedOnA.at(-1)).toEqual(remaining);
      expect(await presence(a)).toEqual(remaining);
    }, { timeout: 5_000 });
  });

  it('an instance whose listening connection was lost re-checks its connections once it is back', async () => {
    const storage = await newStorageLocation('postgresql');
    const direct = new URL(storage.databaseUrl!);
    const proxy = await newTcpProxy({ host: direct.hostname, port: Number(direct.port) });
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    const redisPrefix = `kasane-test-${randomBytes(4).toString('hex')}`;
    const a = await newKasaneServer('postgresql', { storage, redisUrl: REDIS_URL, redisPrefix });
    const b = await newKasaneServer('postgresql', { storage: { ...storage, databaseUrl: viaProxy.toString() }, redisUrl: REDIS_URL, redisPrefix, seedDemoData: false });

    const reader = newProvider({ url: b.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: (await b.login('jiritsu1')).collabToken });
    await synced(reader);
    const closes = closeReasons(reader);

    // B cannot hear PostgreSQL while the sharing changes through A.
    proxy.cut();
    const coordinator = await a.login('fukushi1');
    expect((await setLevels(a, coordinator.accessToken, jiritsu.id, { members: 'hidden' })).status).toBe(200);
    expect(closes.reasons).toEqual([]);
    proxy.restore();
    await vi.waitFor(() => expect(closes.reasons).toContain(CloseCode.AccessChanged.reason), { timeout: 15_000 });
  });
});
