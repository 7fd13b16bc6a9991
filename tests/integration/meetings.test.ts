import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../model/closeCodes.ts';
import { auditEntrySchema } from '../../model/audit.ts';
import { caseSummarySchema } from '../../model/api.ts';
import { caseDocumentName, meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { DECISION_NODE, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { historySchema, revisionSchema } from '../../model/history/historyApi.ts';
import { meetingListSchema, meetingPresenceSchema, meetingPresenceStatelessSchema, meetingSchema, meetingVersionName, type CreateMeetingRequest } from '../../model/meetings.ts';
import { ATTRIBUTION_ROOT } from '../../model/sections/attribution.ts';
import { ROLES_ROOT } from '../../model/sections/plan.ts';
import { PROGRESS_ROOT } from '../../model/sections/progressLog.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { syncStatuses, writeParagraph } from '../helpers/syncStatuses.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';

const [fukushi, houkatsu, , jiritsu] = demoAgencies as [
  (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number],
];

const newMeeting: CreateMeetingRequest = {
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '15:00',
  place: '架空市役所 3階 会議室B',
  legalBasis: '支援会議〈社会福祉法第106条の6、守秘義務〉',
  attendeeUserIds: [houkatsu.users[0]!.id, jiritsu.users[0]!.id],
  outsideAttendees: [{ name: '小川 正', role: '民生委員' }],
  agenda: '太郎さんの債務整理と、ハナさんの介護サービス利用',
};

async function createMeeting(server: TestServer, token: string, caseId: string = demoCase.id, request: CreateMeetingRequest = newMeeting) {
  const response = await server.api(`/cases/${caseId}/meetings`, { method: 'POST', token, body: JSON.stringify(request) });
  expect(response.status).toBe(201);
  return meetingSchema.parse(await response.json());
}



describe.each(storageBackends)('support meetings on %s', (backend) => {
  it('creates a meeting for the agencies of the case only, and audits it', async () => {
    const server = await newKasaneServer(backend);
    const sato = await server.login('fukushi1');
    const takahashi = await server.login('houkatsu1');
    const meeting = await createMeeting(server, sato.accessToken);
    expect(meeting.status).toBe('予定');
    expect(meeting.title).toBe(`第${meeting.number}回支援会議`);
    expect(meeting.attendees.map((attendee) => attendee.agencyId).sort()).toEqual([houkatsu.id, jiritsu.id].sort());
    expect(meeting.outsideAttendees).toEqual([{ name: '小川 正', role: '民生委員' }]);

    const listed = meetingListSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings`, { token: takahashi.accessToken })).json());
    expect(listed.meetings.map((listedMeeting) => listedMeeting.id)).toContain(meeting.id);
    expect(listed.agencies.map((agency) => agency.id).sort()).toEqual(demoAgencies.map((agency) => agency.id).sort());
    // The demo's own: 第1回 held and closed with its minutes named, 第2回 to come.
    expect(listed.meetings.filter((listedMeeting) => listedMeeting.number < 3).map(({ title, status, versionName }) => ({ title, status, versionName }))).toEqual([
      { title: '第1回支援会議', status: '終了', versionName: '第1回支援会議 議事録（2026年11月20日）' },
      { title: '第2回支援会議', status: '予定', versionName: null },
    ]);
    expect(listed.meetings[0]!.tasks.map((task) => task.itemId)).toEqual(['role000001', 'role000002']);
    expect(meeting.number).toBe(3);

    // A case 包括 opened alone: the city's desk does not take part in it.
    const own = await server.api('/cases', { method: 'POST', token: takahashi.accessToken, body: JSON.stringify({ title: '包括だけの事案' }) });
    const ownCase = caseSummarySchema.parse(await own.json());
    const ownMeeting = await createMeeting(server, takahashi.accessToken, ownCase.id, { ...newMeeting, attendeeUserIds: [takahashi.user.id] });
    expect((await server.api(`/cases/${ownCase.id}/meetings`, { token: sato.accessToken })).status).toBe(403);
    expect((await server.api(`/cases/${ownCase.id}/meetings/${ownMeeting.id}`, { token: sato.accessToken })).status).toBe(403);
    expect((await server.api(`/cases/${ownCase.id}/meetings`, { method: 'POST', token: sato.accessToken, body: JSON.stringify(newMeeting) })).status).toBe(403);
    expect((await server.api(`/cases/${ownCase.id}/meetings/${ownMeeting.id}/close`, { method: 'POST', token: sato.accessToken })).status).toBe(403);
    // Nor may anyone list as attending a user whose agency is not in the case.
    const stranger = await server.api(`/cases/${ownCase.id}/meetings`, { method: 'POST', token: takahashi.accessToken, body: JSON.stringify({ ...newMeeting, attendeeUserIds: [fukushi.users[0]!.id] }) });
    expect(stranger.status).toBe(400);
    // And the minutes document of the meeting stays closed to the outsider.
    const refused = newProvider({ url: server.websocketUrl, name: meetingMinutesDocumentName(ownCase.id, ownMeeting.id), token: sato.collabToken });
    await vi.waitFor(() => expect(refused.authenticationFailure()).toBeDefined());
    // A meeting id that is not a meeting of the case opens nothing.
    const invented = newProvider({ url: server.websocketUrl, name: meetingMinutesDocumentName(demoCase.id, ownMeeting.id), token: sato.collabToken });
    await vi.waitFor(() => expect(invented.authenticationFailure()).toBeDefined());

    const audit = await server.api(`/audit?action=meeting.create`, { token: (await server.login('kanri1')).accessToken });
    const entries = (await audit.json() as { entries: unknown[] }).entries.map((entry) => auditEntrySchema.parse(entry));
    expect(entries.map((entry) => entry.detail['meetingId'])).toEqual(expect.arrayContaining([meeting.id, ownMeeting.id]));
  });

  it('lists as present those the server has connected to the minutes, live', async () => {
    const server = await newKasaneServer(backend);
    const sato = await server.login('fukushi1');
    const takahashi = await server.login('houkatsu1');
    const shougai = await server.login('shougai1');
    const meeting = await createMeeting(server, sato.accessToken);
    const name = meetingMinutesDocumentName(demoCase.id, meeting.id);
    const presence = async () =>
      meetingPresenceSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/presence`, { token: sato.accessToken })).json()).present.map((person) => person.name);
    expect(await presence()).toEqual([]);

    const satoClient = newProvider({ url: server.websocketUrl, name, token: sato.collabToken });
    const announced: string[][] = [];
    satoClient.provider.on('stateless', ({ payload }: { payload: string }) => {
      const parsed = meetingPresenceStatelessSchema.safeParse(JSON.parse(payload));
      if (parsed.success) announced.push(parsed.data.present.map((person) => person.name));
    });
    const takahashiClient = newProvider({ url: server.websocketUrl, name, token: takahashi.collabToken });
    await Promise.all([synced(satoClient), synced(takahashiClient)]);
    // A client's awareness claim is not presence: only verified connections are.
    takahashiClient.provider.setAwarenessField('user', { name: '偽の名前', agencyName: '偽の機関' });
    await vi.waitFor(async () => expect((await presence()).sort()).toEqual(['佐藤 美咲', '高橋 由美'].sort()));
    await vi.waitFor(() => expect(announced.at(-1)?.sort()).toEqual(['佐藤 美咲', '高橋 由美'].sort()));

    // 障害 sees the minutes masked: it opens the masked view and still counts as present.
    const shougaiClient = newProvider({ url: server.websocketUrl, name: `${name}/masked`, token: shougai.collabToken });
    await synced(shougaiClient);
    await vi.waitFor(() => expect(announced.at(-1)).toContain('伊藤 直子'));

    takahashiClient.destroy();
    await vi.waitFor(() => expect(announced.at(-1)?.sort()).toEqual(['伊藤 直子', '佐藤 美咲'].sort()));
    expect((await presence()).sort()).toEqual(['伊藤 直子', '佐藤 美咲'].sort());
  });

  it('turns a decision into a plan row and a progress task, attributed by the server', async () => {
    const server = await newKasaneServer(backend);
    const sato = await server.login('fukushi1');
    const jiritsuUser = await server.login('jiritsu1');
    const meeting = await createMeeting(server, sato.accessToken);
    const planClient = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'plan'), token: sato.collabToken });
    await synced(planClient);

    const openTasks = async () => caseSummarySchema.parse(await (await server.api(`/cases/${demoCase.id}`, { token: sato.accessToken })).json()).openTasks;
    const openBefore = await openTasks();
    const text = '包括：ハナさんの要介護認定の区分変更を申請する';
    const response = await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/decisions`, {
      method: 'POST',
      token: sato.accessToken,
      body: JSON.stringify({ text, target: 'plan', agencyId: houkatsu.id, dueDate: '2026-12-04' }),
    });
    expect(response.status).toBe(201);
    const updated = meetingSchema.parse(await response.json());
    const task = updated.tasks[0]!;
    expect(task).toMatchObject({ target: 'plan', agencyId: houkatsu.id, text, dueDate: '2026-12-04', createdBy: '佐藤 美咲' });

    // Live in the open plan, with 入力者 from the requester's token.
    await vi.waitFor(() => {
      const row = planClient.doc.getMap<Y.Map<unknown>>(ROLES_ROOT).get(task.itemId);
      expect(row?.get('agencyId')).toBe(houkatsu.id);
      expect(String(row?.get('task'))).toBe(text);
      expect(row?.get('status')).toBe('未着手');
    });
    const attribution = planClient.doc.getMap<{ userId: string; agencyId: string }>(ATTRIBUTION_ROOT).get(`${ROLES_ROOT}/${task.itemId}/task`);
    expect(attribution).toMatchObject({ userId: sato.user.id, agencyId: fukushi.id });
    // The case list counts it among the open tasks.
    expect(await openTasks()).toBe(openBefore + 1);
    // In the durable log under the requester.
    const { rows } = await server.server.database.query<{ user_id: string }>(
      'select user_id from document_updates where document_name = $1 order by seq desc limit 1',
      [caseDocumentName(demoCase.id, 'plan')],
    );
    expect(rows[0]?.user_id).toBe(sato.user.id);

    const progress = await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/decisions`, {
      method: 'POST',
      token: sato.accessToken,
      body: JSON.stringify({ text: '自立相談：家計の状況を聞き取る', target: 'progress-log', agencyId: jiritsu.id }),
    });
    expect(progress.status).toBe(201);
    const progressTask = meetingSchema.parse(await progress.json()).tasks[1]!;
    const progressClient = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'progress-log'), token: jiritsuUser.collabToken });
    await synced(progressClient);
    const entry = progressClient.doc.getMap<Y.Map<unknown>>(PROGRESS_ROOT).get(progressTask.itemId);
    expect(entry?.get('agencyId')).toBe(jiritsu.id);
    expect(entry?.get('kind')).toBe('予定・タスク');
    expect(entry?.get('authorId')).toBe(sato.user.id);

    // 障害 sees the plan only masked: it may not write into it through a meeting either.
    const viewOnly = await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/decisions`, {
      method: 'POST',
      token: (await server.login('shougai1')).accessToken,
      body: JSON.stringify({ text: 'x', target: 'plan', agencyId: jiritsu.id }),
    });
    expect(viewOnly.status).toBe(403);
  });

  it('closes a meeting: the minutes become a named version, decisions and tasks stay with it', async () => {
    const server = await newKasaneServer(backend);
    const sato = await server.login('fukushi1');
    const meeting = await createMeeting(server, sato.accessToken);
    const started = await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/start`, { method: 'POST', token: sato.accessToken });
    expect(meetingSchema.parse(await started.json()).status).toBe('開催中');

    const minutes = newProvider({ url: server.websocketUrl, name: meetingMinutesDocumentName(demoCase.id, meeting.id), token: sato.collabToken });
    await synced(minutes);
    const decision = new Y.XmlElement(DECISION_NODE);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('包括が区分変更を申請する')]);
    decision.insert(0, [paragraph]);
    const note = new Y.XmlElement('paragraph');
    note.insert(0, [new Y.XmlText('出席者の自己紹介')]);
    minutes.doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [note, decision]);
    await minutes.saved();
    await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/decisions`, {
      method: 'POST',
      token: sato.accessToken,
      body: JSON.stringify({ text: '包括が区分変更を申請する', target: 'plan', agencyId: houkatsu.id }),
    });

    const closed = meetingSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/close`, { method: 'POST', token: sato.accessToken })).json());
    expect(closed.status).toBe('終了');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.decisions).toEqual(['包括が区分変更を申請する']);
    expect(closed.tasks.map((task) => task.agencyName)).toEqual([houkatsu.name]);
    const versionName = meetingVersionName(meeting);
    expect(versionName).toBe(`第${meeting.number}回支援会議 議事録（2026年11月20日）`);
    expect(closed.versionName).toBe(versionName);

    const history = historySchema.parse(await (await server.api(`/cases/${demoCase.id}/history`, { token: sato.accessToken })).json());
    expect(history.versions.map((version) => version.name)).toContain(versionName);
    const { rows } = await server.server.database.query<{ seqs: Record<string, number> }>('select seqs from case_versions where name = $1', [versionName]);
    const minutesSeq = rows[0]?.seqs[`meetings/${meeting.id}/minutes`];
    expect(minutesSeq).toBeGreaterThan(0);
    // The minutes as named can be read back from the update log, like any revision of the case minutes.
    const revision = revisionSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/minutes/revisions/${minutesSeq}`, { token: sato.accessToken })).json());
    const named = new Y.Doc();
    Y.applyUpdate(named, Buffer.from(revision.state, 'base64'));
    expect(named.getXmlFragment(MINUTES_FRAGMENT).toString()).toContain('包括が区分変更を申請する');
    const shougai = await server.login('shougai1');
    const maskedRevision = revisionSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/minutes/revisions/${minutesSeq}`, { token: shougai.accessToken })).json());
    expect(maskedRevision.masked).toBe(true);

    // Closing again changes nothing and names no second version.
    await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/close`, { method: 'POST', token: sato.accessToken });
    const again = await server.server.database.query('select 1 from case_versions where name = $1', [versionName]);
    expect(again.rows).toHaveLength(1);
    const late = await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/decisions`, {
      method: 'POST',
      token: sato.accessToken,
      body: JSON.stringify({ text: '遅れて', target: 'plan', agencyId: houkatsu.id }),
    });
    expect(late.status).toBe(400);
  });

  it('makes a closed meeting\'s minutes read-only: open editors are closed out and nothing typed after is stored', async () => {
    const server = await newKasaneServer(backend);
    const sato = await server.login('fukushi1');
    const takahashi = await server.login('houkatsu1');
    const meeting = await createMeeting(server, sato.accessToken);
    const name = meetingMinutesDocumentName(demoCase.id, meeting.id);
    const storedUpdates = async () =>
      Number((await server.server.database.query<{ count: string }>('select count(*) as count from document_updates where document_name = $1', [name])).rows[0]?.count);

    const satoClient = newProvider({ url: server.websocketUrl, name, token: sato.collabToken });
    const takahashiClient = newProvider({ url: server.websocketUrl, name, token: takahashi.collabToken });
    await Promise.all([synced(satoClient), synced(takahashiClient)]);
    expect(takahashiClient.provider.authorizedScope).toBe('read-write');
    const closes: string[] = [];
    takahashiClient.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    writeParagraph(takahashiClient, '会議中に書いた行');
    await takahashiClient.saved();

    const closed = await server.api(`/cases/${demoCase.id}/meetings/${meeting.id}/close`, { method: 'POST', token: sato.accessToken });
    expect(meetingSchema.parse(await closed.json()).status).toBe('終了');
    await vi.waitFor(() => expect(closes).toContain(CloseCode.MeetingClosed.reason), { timeout: 10_000 });
    writeParagraph(takahashiClient, '閉じられた接続から書いた行');
    const storedAtClose = await storedUpdates();

    // Whoever opens the minutes now, even the agency that could edit them, may only read them.
    const reopened = newProvider({ url: server.websocketUrl, name, token: takahashi.collabToken });
    const answers = syncStatuses(reopened);
    await synced(reopened);
    expect(reopened.provider.authorizedScope).toBe('readonly');
    expect(reopened.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toContain('会議中に書いた行');
    // The answer to the reader's own handshake may still be on its way after the first sync.
    await vi.waitFor(() => expect(reopened.provider.hasUnsyncedChanges).toBe(false));
    const appliedBefore = answers.applied;
    writeParagraph(reopened, '終了後に書いた行');
    await vi.waitFor(() => expect(answers.refused).toBeGreaterThan(0), { timeout: 10_000 });
    expect(answers.applied).toBe(appliedBefore);
    expect(reopened.provider.hasUnsyncedChanges).toBe(true);
    expect(await storedUpdates()).toBe(storedAtClose);

    // Nobody else ever sees it: a fresh reader gets the minutes as they were closed.
    const reader = newProvider({ url: server.websocketUrl, name, token: sato.collabToken });
    await synced(reader);
    expect(reader.provider.authorizedScope).toBe('readonly');
    const text = reader.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    expect(text).toContain('会議中に書いた行');
    expect(text).not.toContain('終了後に書いた行');
    expect(text).not.toContain('閉じられた接続から書いた行');
    expect(await storedUpdates()).toBe(storedAtClose);
  });
});
