import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { comparisonSchema, historySchema, revisionSchema } from '../../model/history/historyApi.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { TARO } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';
import { WireRecorder } from '../helpers/wireRecorder.ts';

const minutesName = caseDocumentName(demoCase.id, 'minutes');
const membersName = caseDocumentName(demoCase.id, 'members');

function appendParagraph(client: TestProvider, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = client.doc.getXmlFragment(MINUTES_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

describe.each(storageBackends)('history on %s', (backend) => {
  it('lists who wrote what in order, rebuilds any revision, compares and restores', async () => {
    const server = await newKasaneServer(backend);
    const sato = await server.login('fukushi1');
    const suzuki = await server.login('fukushi2');
    const takahashi = await server.login('houkatsu1');
    const clients = {
      sato: newProvider({ url: server.websocketUrl, name: minutesName, token: sato.collabToken }),
      takahashi: newProvider({ url: server.websocketUrl, name: minutesName, token: takahashi.collabToken }),
      suzuki: newProvider({ url: server.websocketUrl, name: membersName, token: suzuki.collabToken }),
    };
    await Promise.all(Object.values(clients).map(synced));

    appendParagraph(clients.sato, '佐藤：本日の議題を確認');
    await clients.sato.saved();
    const stateAfterSato = clients.sato.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    appendParagraph(clients.takahashi, '高橋：ハナさんのデイサービス状況');
    appendParagraph(clients.takahashi, '高橋：服薬管理が課題');
    await clients.takahashi.saved();
    writeValue(ensureMap(clients.suzuki.doc.getMap(MEMBERS_ROOT), TARO), 'phone', '080-7777-8888', sectionDefinitions.members.textKeys);
    await clients.suzuki.saved();

    const history = historySchema.parse(await (await server.api(`/cases/${demoCase.id}/history`, { token: sato.accessToken })).json());
    const recent = history.groups.filter((group) => group.userId !== null).slice(0, 3);
    expect(recent.map((group) => [group.userName, group.sectionLabel])).toEqual([
      ['鈴木 健一', '世帯・世帯員'],
      ['高橋 由美', '議事録'],
      ['佐藤 美咲', '議事録'],
    ]);
    expect(recent[0]?.summary).toBe('世帯・世帯員: 世帯員 / 山田 太郎 / 電話を変更');
    expect(recent[1]?.summary).toBe('議事録に 2 段落追加');
    expect(recent[2]).toMatchObject({ agencyName: '架空市 福祉総合相談課', summary: '議事録に 1 段落追加' });

    // The revision at the end of 佐藤's edit is exactly what 佐藤's client had then.
    const satoSeq = recent[2]!.seqTo;
    const revision = revisionSchema.parse(await (await server.api(`/cases/${demoCase.id}/sections/minutes/revisions/${satoSeq}`, { token: sato.accessToken })).json());
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, Buffer.from(revision.state, 'base64'));
    expect(rebuilt.getXmlFragment(MINUTES_FRAGMENT).toString()).toBe(stateAfterSato);

    const comparison = comparisonSchema.parse(
      await (await server.api(`/cases/${demoCase.id}/sections/minutes/compare?from=${satoSeq}&to=${recent[1]!.seqTo}`, { token: sato.accessToken })).json(),
    );
    expect(comparison.kind).toBe('text');
    if (comparison.kind === 'text') {
      expect(comparison.parts.filter((part) => part.kind === 'added').map((part) => part.text).join('')).toContain('服薬管理が課題');
    }

    // 復元 of 佐藤's revision: a new change by the one who restores, and both clients converge to it.
    const restored = await server.api(`/cases/${demoCase.id}/sections/minutes/restore`, {
      method: 'POST',
      token: takahashi.accessToken,
      body: JSON.stringify({ seq: satoSeq }),
    });
    expect(restored.status).toBe(200);
    await vi.waitFor(() => {
      expect(clients.sato.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toBe(stateAfterSato);
      expect(clients.takahashi.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toBe(stateAfterSato);
    });
    const after = historySchema.parse(await (await server.api(`/cases/${demoCase.id}/history?section=minutes`, { token: sato.accessToken })).json());
    expect(after.groups[0]).toMatchObject({ userName: '高橋 由美', restoredFromSeq: satoSeq, summary: `議事録: 第${satoSeq}版に復元` });

    const named = await server.api(`/cases/${demoCase.id}/versions`, { method: 'POST', token: sato.accessToken, body: JSON.stringify({ name: '第1回支援会議 終了時点' }) });
    expect(named.status).toBe(201);
    const withVersion = historySchema.parse(await (await server.api(`/cases/${demoCase.id}/history`, { token: takahashi.accessToken })).json());
    expect(withVersion.versions[0]).toMatchObject({ name: '第1回支援会議 終了時点', createdBy: '佐藤 美咲' });
    expect(withVersion.versions[0]?.seqs.minutes).toBe(after.groups[0]?.seqTo);
  });

  it('gives a masked reader masked history only, and none for hidden sections', async () => {
    const server = await newKasaneServer(backend);
    const suzuki = await server.login('fukushi2');
    const editor = newProvider({ url: server.websocketUrl, name: membersName, token: suzuki.collabToken });
    await synced(editor);
    writeValue(ensureMap(editor.doc.getMap(MEMBERS_ROOT), TARO), 'name', '山田 太朗', sectionDefinitions.members.textKeys);
    await editor.saved();

    const shougai = await server.login('shougai1');
    const recorder = new WireRecorder();
    const get = async (path: string) => recorder.recordResponse(await server.api(path, { token: shougai.accessToken }));
    const history = historySchema.parse(await (await get(`/cases/${demoCase.id}/history`)).json());
    expect(history.groups.every((group) => ['overview', 'members', 'member-health', 'progress-log', 'plan', 'minutes', 'ecomap'].includes(group.section))).toBe(true);
    expect(history.groups.some((group) => group.section === 'member-finance')).toBe(false);
    // A meeting's own minutes are read through the meeting (tests/integration/historyMeetings.test.ts).
    for (const group of history.groups.filter((candidate) => candidate.minutesOfMeeting === null)) {
      await get(`/cases/${demoCase.id}/sections/${group.section}/revisions/${group.seqFrom}`);
      await get(`/cases/${demoCase.id}/sections/${group.section}/compare?from=${Math.max(0, group.seqFrom - 1)}&to=${group.seqTo}`);
    }
    expect((await server.api(`/cases/${demoCase.id}/sections/member-finance/revisions/1`, { token: shougai.accessToken })).status).toBe(403);
    expect(recorder.leaked(['山田', 'ハナ', '太郎', '太朗', 'やまだ', 'ヤマダ', '090-0000-2222', '1972-03-05', '北町3丁目'])).toEqual([]);
  });
});
