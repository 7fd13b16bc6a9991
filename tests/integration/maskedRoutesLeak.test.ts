import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { levelOf } from '../../model/access/accessLevels.ts';
import { WITHHELD_TEXT } from '../../model/access/masking.ts';
import { myAccessSchema } from '../../model/access/sharingApi.ts';
import { caseListSchema } from '../../model/api.ts';
import { chatMessageSchema } from '../../model/chat.ts';
import { caseDocumentName, caseSections, meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { historySchema } from '../../model/history/historyApi.ts';
import { meetingListSchema, meetingSchema } from '../../model/meetings.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { OVERVIEW_ROOT } from '../../model/sections/overview.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';
import { WireRecorder } from '../helpers/wireRecorder.ts';

/** The 山田 household and a member added and deleted again, in the spellings people write them in. */
const spellings = [
  'ﾔﾏﾀﾞ ﾊﾅ', 'Yamada Hana', 'HANA YAMADA', '山 田 ハ ナ', 'ヤマダ　タロウ', 'Tarō Yamada', '090.0000.2222', '０９０ ００００ ２２２２',
  '北町3-12-5', '北町三丁目十二番五号', '昭和19年5月10日生まれ', '1944/05/10', 'S47.3.5', '82歳', '山田 次郎', 'ジロウ', 'Jiro Yamada',
];
const text = (label: string) => `${label}: ${spellings.join('、')}。`;

/** What must not appear in any byte shougai1 receives. */
const identifiers = [
  ...spellings, '山田', 'ハナ', '太郎', '次郎', 'やまだ', 'はな', 'たろう', 'じろう', 'ヤマダ', 'タロウ', 'Yamada', 'YAMADA', 'Hana', 'Jiro', 'Tar',
  '1944-05-10', '1972-03-05', '昭和19年', '昭和47年', '0000-2222', '0000.2222', '0120-000-111', '3-12-5', '十二番', '北町3', '北町三', '82歳',
];

async function open(server: TestServer, token: string, name: string, recorder?: WireRecorder): Promise<TestProvider> {
  const client = newProvider({ url: server.websocketUrl, name, token, ...(recorder ? { WebSocketPolyfill: recorder.webSocketClass() } : {}) });
  await synced(client);
  return client;
}

/** A paragraph whose name is split across a bold and a plain run, with a link and an attribute that carry identifiers. */
function writeStructuredMinutes(doc: Y.Doc): void {
  // Attributes the minutes' schema does not have (a paragraph's title) are refused by the server
  // before anyone receives them (richTextValidation.test.ts); links and runs are what remains.
  const paragraph = new Y.XmlElement('paragraph');
  const runs = new Y.XmlText();
  paragraph.insert(0, [runs]);
  const heading = new Y.XmlElement('heading');
  // A number, as Tiptap writes it (the schema refuses the text "2").
  heading.setAttribute('level', 2 as unknown as string);
  heading.insert(0, [new Y.XmlText(text('見出し'))]);
  doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [heading, paragraph]);
  runs.applyDelta([
    { insert: '山', attributes: { bold: {} } },
    { insert: '田ハ' },
    { insert: 'ナ', attributes: { italic: {} } },
    { insert: 'さんに連絡（' },
    { insert: 'ﾔﾏﾀﾞ ﾊﾅの連絡先', attributes: { link: { href: 'tel:090-0000-2222' } } },
    { insert: '）。' },
  ]);
}

describe('what a masked agency receives by every route, whatever another agency writes', () => {
  it('sends shougai1 no identifier of a current or deleted member, by HTTP or websocket', { timeout: 60_000 }, async () => {
    const server = await newKasaneServer('postgresql');
    const fukushi = await server.login('fukushi1');
    const houkatsu = await server.login('houkatsu1');

    // The coordinator adds a member and deletes them again: their name stays in the log and in old texts.
    const members = await open(server, fukushi.collabToken, caseDocumentName(demoCase.id, 'members'));
    const jiro = `m-${randomUUID()}`;
    const jiroMap = ensureMap(members.doc.getMap(MEMBERS_ROOT), jiro);
    for (const [key, value] of Object.entries({ name: '山田 次郎', kana: 'やまだ じろう', phone: '080-7777-8888', position: 5 })) {
      writeValue(jiroMap, key, value, sectionDefinitions.members.textKeys);
    }
    await members.saved();
    const jiroSeq = (await (await server.api(`/cases/${demoCase.id}/history?section=members`, { token: fukushi.accessToken })).json()) as { groups: { seqTo: number }[] };
    members.doc.getMap(MEMBERS_ROOT).delete(jiro);
    await members.saved();

    // 包括 writes every spelling into every free text it can reach.
    const overview = await open(server, houkatsu.collabToken, caseDocumentName(demoCase.id, 'overview'));
    const fields = overview.doc.getMap(OVERVIEW_ROOT);
    for (const key of ['title', 'chiefComplaint', 'concernDetail', 'riskNote', 'medicalHistory', 'economicSummary']) {
      writeValue(fields, key, key === 'title' ? 'ﾔﾏﾀﾞ ﾊﾅ・山田 次郎 世帯' : text(key), sectionDefinitions.overview.textKeys);
    }
    await overview.saved();
    const minutes = await open(server, houkatsu.collabToken, caseDocumentName(demoCase.id, 'minutes'));
    writeStructuredMinutes(minutes.doc);
    await minutes.saved();

    const created = await server.api(`/cases/${demoCase.id}/meetings`, {
      method: 'POST',
      token: fukushi.accessToken,
      body: JSON.stringify({
        title: 'ﾔﾏﾀﾞ ﾊﾅさんの支援会議',
        date: '2026-12-04',
        startTime: '09:00',
        place: 'Yamada Hana 宅（北町三丁目十二番五号）',
        legalBasis: '支援会議〈社会福祉法第106条の6、守秘義務〉',
        attendeeUserIds: [],
        outsideAttendees: [{ name: '山田 次郎', role: 'ジロウ（家族）' }],
        agenda: text('議題'),
      }),
    });
    expect(created.status).toBe(201);
    const meeting = meetingSchema.parse(await created.json());
    expect((await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/start`, { method: 'POST', token: fukushi.accessToken })).status).toBe(200);
    const meetingMinutes = await open(server, houkatsu.collabToken, meetingMinutesDocumentName(demoCase.id, meeting.id));
    const decision = new Y.XmlElement('decision');
    const decisionParagraph = new Y.XmlElement('paragraph');
    decisionParagraph.insert(0, [new Y.XmlText(text('決定'))]);
    decision.insert(0, [decisionParagraph]);
    meetingMinutes.doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [decision]);
    await meetingMinutes.saved();
    const task = await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/decisions`, {
      method: 'POST',
      token: houkatsu.accessToken,
      body: JSON.stringify({ target: 'plan', text: 'HANA YAMADA さんの通院同行（090.0000.2222）', agencyId: demoAgencies[1]!.id, dueDate: null }),
    });
    expect(task.status).toBe(201);
    expect((await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/close`, { method: 'POST', token: fukushi.accessToken })).status).toBe(200);
    expect((await server.api(`/cases/${demoCase.id}/versions`, { method: 'POST', token: houkatsu.accessToken, body: JSON.stringify({ name: 'ﾔﾏﾀﾞ ﾊﾅ 退院後' }) })).status).toBe(201);
    expect(
      (await server.api(`/cases/${demoCase.id}/ecomap/snapshots`, { method: 'POST', token: houkatsu.accessToken, body: JSON.stringify({ label: 'Yamada Hana 入院時', asOf: '2026-12-01' }) })).status,
    ).toBe(201);

    // shougai1 opens everything the app opens, and stays connected while 包括 chats to the whole case.
    const recorder = new WireRecorder();
    const shougai = await server.login('shougai1');
    const get = async (path: string, init: RequestInit = {}) => recorder.recordResponse(await server.api(path, { ...init, token: shougai.accessToken }));
    const list = caseListSchema.parse(await (await get('/cases')).json());
    expect(list.cases.map((summary) => summary.id)).toContain(demoCase.id);
    await get(`/cases/${demoCase.id}`);
    const access = myAccessSchema.parse(await (await get(`/cases/${demoCase.id}/access`)).json());
    const clients: TestProvider[] = [];
    for (const section of caseSections) {
      if (levelOf(access.levels, section) === 'hidden') continue;
      clients.push(await open(server, shougai.collabToken, caseDocumentName(demoCase.id, section, 'masked'), recorder));
    }
    clients.push(await open(server, shougai.collabToken, meetingMinutesDocumentName(demoCase.id, meeting.id, 'masked'), recorder));
    const live: unknown[] = [];
    clients[0]!.provider.on('stateless', ({ payload }: { payload: string }) => live.push(JSON.parse(payload)));
    const posted = await server.api(`/cases/${demoCase.id}/chat`, { method: 'POST', token: houkatsu.accessToken, body: JSON.stringify({ body: text('チャット') }) });
    expect(posted.status).toBe(201);
    await vi.waitFor(() => expect(live).toHaveLength(1));
    const liveMessage = chatMessageSchema.parse((live[0] as { message: unknown }).message);
    expect(liveMessage.body).toMatch(/^チャット: A氏、/);

    const meetings = meetingListSchema.parse(await (await get(`/cases/${demoCase.id}/meetings`)).json());
    for (const { id } of meetings.meetings) await get(`/cases/${demoCase.id}/meetings/${id}`);
    await get(`/cases/${demoCase.id}/chat`);
    const history = historySchema.parse(await (await get(`/cases/${demoCase.id}/history`)).json());
    expect(history.groups.some((group) => group.meeting?.id === meeting.id)).toBe(true);
    await get(`/cases/${demoCase.id}/history?meetingId=${meeting.id}`);
    const lastMembersSeq = jiroSeq.groups[0]!.seqTo;
    await get(`/cases/${demoCase.id}/sections/members/revisions/${lastMembersSeq}`);
    for (const section of ['overview', 'minutes'] as const) {
      const seqTo = history.groups.find((group) => group.section === section && group.minutesOfMeeting === null)!.seqTo;
      await get(`/cases/${demoCase.id}/sections/${section}/revisions/${seqTo}`);
      await get(`/cases/${demoCase.id}/sections/${section}/compare?from=1&to=${seqTo}`);
    }
    const meetingMinutesSeq = history.groups.find((group) => group.minutesOfMeeting === meeting.id)!.seqTo;
    await get(`/cases/${demoCase.id}/meetings/${meeting.id}/minutes/revisions/${meetingMinutesSeq}`);
    await get(`/cases/${demoCase.id}/ecomap/snapshots`);
    expect((await get(`/cases/${demoCase.id}/prints`, { method: 'POST', body: JSON.stringify({ section: 'minutes' }) })).status).toBe(201);
    // A masked agency cannot find the case by a member's name, however it is spelled.
    for (const q of ['山田', 'ハナ', 'やまだ', 'ﾔﾏﾀﾞ', '次郎']) {
      const found = caseListSchema.parse(await (await get(`/cases?q=${encodeURIComponent(q)}`)).json());
      expect(found.cases, q).toEqual([]);
    }

    // Whatever reached the views has settled (the masked views follow their sources).
    await vi.waitFor(() => expect(recorder.leaked(identifiers)).toEqual([]));
    expect(recorder.leaked(identifiers)).toEqual([]);
    // …and in no other spelling either (width, kana, spacing, separators, numerals).
    expect(recorder.leakedInAnySpelling(['山田', 'ハナ', '太郎', '次郎', 'タロウ', 'ジロウ', '090-0000-2222', '0120-000-111', '080-7777-8888', '1944-05-10', '1972-03-05', '北町3丁目12番5号'])).toEqual([]);
    expect(recorder.leaked([WITHHELD_TEXT]).length + recorder.leaked(['A氏']).length).toBeGreaterThan(0);
    for (const client of [...clients, members, overview, minutes, meetingMinutes]) client.destroy();
  });
});
