import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName, meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { historySchema, type History } from '../../model/history/historyApi.ts';
import { meetingSchema, type CreateMeetingRequest } from '../../model/meetings.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { TARO } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';

function appendParagraph(client: TestProvider, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = client.doc.getXmlFragment(MINUTES_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

// Scheduled far from now: only the times recorded by starting and closing it through the app count.
const meetingRequest: CreateMeetingRequest = {
  date: '2030-04-01',
  startTime: '10:00',
  endTime: '11:00',
  place: '架空市役所 3階 会議室B',
  legalBasis: '支援会議〈社会福祉法第106条の6、守秘義務〉',
};

async function history(server: TestServer, token: string, query = ''): Promise<History> {
  const response = await server.api(`/cases/${demoCase.id}/history${query}`, { token });
  expect(response.status).toBe(200);
  return historySchema.parse(await response.json());
}

describe.each(storageBackends)('history by 支援会議 on %s', (backend) => {
  it('labels changes made during a meeting with it, filters by meeting, and lists its own minutes', async () => {
    const server = await newKasaneServer(backend);
    const sato = await server.login('fukushi1');
    const suzuki = await server.login('fukushi2');
    const takahashi = await server.login('houkatsu1');
    const tanaka = await server.login('houkatsu2');
    const shougai = await server.login('shougai1');
    const created = await server.api(`/cases/${demoCase.id}/meetings`, { method: 'POST', token: sato.accessToken, body: JSON.stringify(meetingRequest) });
    const meeting = meetingSchema.parse(await created.json());

    // Before the meeting: 鈴木 changes the household.
    const members = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: suzuki.collabToken });
    await synced(members);
    writeValue(ensureMap(members.doc.getMap(MEMBERS_ROOT), TARO), 'phone', '080-7777-8888', sectionDefinitions.members.textKeys);
    await members.saved();

    const started = meetingSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/start`, { method: 'POST', token: sato.accessToken })).json());
    expect(started.startedAt).not.toBeNull();

    // During it: 高橋 in the case's 議事録 and in the meeting's own minutes.
    const caseMinutes = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'minutes'), token: takahashi.collabToken });
    const meetingMinutes = newProvider({ url: server.websocketUrl, name: meetingMinutesDocumentName(demoCase.id, meeting.id), token: takahashi.collabToken });
    await Promise.all([synced(caseMinutes), synced(meetingMinutes)]);
    appendParagraph(caseMinutes, '高橋：会議中に追記');
    appendParagraph(meetingMinutes, '高橋：出席者の確認');
    await Promise.all([caseMinutes.saved(), meetingMinutes.saved()]);

    await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/close`, { method: 'POST', token: sato.accessToken });

    // After it: 田中 in the case's 議事録.
    const after = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'minutes'), token: tanaka.collabToken });
    await synced(after);
    appendParagraph(after, '田中：会議のあとで追記');
    await after.saved();

    const label = { id: meeting.id, number: meeting.number, title: meeting.title };
    const minutesLabel = `支援会議の議事録（第${meeting.number}回）`;
    const all = await history(server, sato.accessToken);
    const byPerson = (name: string, sectionLabel: string) => all.groups.find((group) => group.userName === name && group.sectionLabel === sectionLabel);
    expect(byPerson('鈴木 健一', '世帯・世帯員')?.meeting).toBeNull();
    expect(byPerson('高橋 由美', '議事録')?.meeting).toEqual(label);
    expect(byPerson('田中 誠', '議事録')?.meeting).toBeNull();
    expect(byPerson('高橋 由美', minutesLabel)).toMatchObject({ section: 'minutes', meeting: label, minutesOfMeeting: meeting.id, summary: '議事録に 1 段落追加' });
    // Made when the meeting was registered, before it began: still the meeting's own.
    expect(byPerson('佐藤 美咲', minutesLabel)).toMatchObject({ meeting: label, summary: `${minutesLabel}を作成` });

    // The 支援会議 filter: only what was changed during it, and the meeting's own minutes.
    const during = await history(server, sato.accessToken, `?meetingId=${meeting.id}`);
    expect(during.groups.length).toBeGreaterThan(0);
    expect(during.groups.every((group) => group.meeting?.id === meeting.id)).toBe(true);
    const people = new Set(during.groups.map((group) => group.userName));
    expect(people.has('高橋 由美')).toBe(true);
    expect(during.groups.some((group) => group.minutesOfMeeting === meeting.id && group.userName === '高橋 由美')).toBe(true);
    expect(people.has('鈴木 健一')).toBe(false);
    expect(people.has('田中 誠')).toBe(false);

    // 障害 reads the minutes masked: the meeting's minutes are listed for it, masked as well.
    const masked = await history(server, shougai.accessToken, `?meetingId=${meeting.id}`);
    const maskedMinutes = masked.groups.filter((group) => group.minutesOfMeeting === meeting.id);
    expect(maskedMinutes.length).toBeGreaterThan(0);
    expect(maskedMinutes.every((group) => group.masked)).toBe(true);

    // An agency that may not see minutes at all does not see the meeting's minutes in the history.
    const hidden = await server.api(`/cases/${demoCase.id}/sharing/${shougai.user.agencyId}`, {
      method: 'PUT',
      token: sato.accessToken,
      body: JSON.stringify({ levels: { overview: 'view', minutes: 'hidden' } }),
    });
    expect(hidden.status).toBe(200);
    const withoutMinutes = await history(server, shougai.accessToken);
    expect(withoutMinutes.groups.filter((group) => group.section === 'minutes')).toEqual([]);

    // A meeting id that is not one of the case's filters everything out.
    expect((await history(server, sato.accessToken, `?meetingId=${crypto.randomUUID()}`)).groups).toEqual([]);
  });
});
