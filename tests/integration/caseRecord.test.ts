import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { caseListSchema } from '../../model/api.ts';
import { CloseCode } from '../../model/closeCodes.ts';
import { updateRefusedMessageSchema } from '../../model/collaborationMessages.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { ATTRIBUTION_ROOT, type FieldChange } from '../../model/sections/attribution.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { OVERVIEW_ROOT } from '../../model/sections/overview.ts';
import { PROGRESS_ROOT } from '../../model/sections/progressLog.ts';
import { ROLES_ROOT } from '../../model/sections/plan.ts';
import { sectionDefinitions, sectionProblems } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, ensureText, writeValue } from '../../model/sections/yjsValues.ts';
import { HANA, TARO } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const members = caseDocumentName(demoCase.id, 'members');
const memberOf = (doc: Y.Doc, id: string) => ensureMap(doc.getMap(MEMBERS_ROOT), id);

describe.each(storageBackends)('the case record on %s', (backend) => {
  it('keeps concurrent edits of different fields of one member, and merges one text field by character', async () => {
    const { websocketUrl, login } = await newKasaneServer(backend);
    const a = newProvider({ url: websocketUrl, name: members, token: (await login('fukushi1')).collabToken });
    const b = newProvider({ url: websocketUrl, name: members, token: (await login('houkatsu1')).collabToken });
    await Promise.all([synced(a), synced(b)]);

    // Offline from each other: both change Taro at once, neither sees the other first.
    a.doc.transact(() => {
      memberOf(a.doc, TARO).set('relationship', '同居人');
      ensureText(memberOf(a.doc, TARO), 'phone').insert(0, '（携帯）');
    });
    b.doc.transact(() => {
      ensureText(memberOf(b.doc, TARO), 'kana').delete(0, 3);
      ensureText(memberOf(b.doc, TARO), 'kana').insert(0, 'ヤマダ');
      const phone = ensureText(memberOf(b.doc, TARO), 'phone');
      phone.insert(phone.length, '（日中）');
    });
    await Promise.all([a.saved(), b.saved()]);

    await vi.waitFor(() => {
      for (const client of [a, b]) {
        expect(memberOf(client.doc, TARO).toJSON()).toMatchObject({
          relationship: '同居人',
          kana: 'ヤマダ たろう',
          phone: '（携帯）090-0000-2222（日中）',
        });
      }
    });
    expect(sectionProblems(a.doc, 'members')).toEqual([]);
  });

  it('refuses an invalid update from a hand-crafted client, keeping everything valid', async () => {
    const { websocketUrl, login, server } = await newKasaneServer(backend);
    const honest = newProvider({ url: websocketUrl, name: members, token: (await login('fukushi1')).collabToken });
    const attacker = await login('houkatsu1');
    const crafted = newProvider({ url: websocketUrl, name: members, token: attacker.collabToken });
    const refusals: string[][] = [];
    crafted.provider.on('stateless', ({ payload }: { payload: string }) => {
      refusals.push(updateRefusedMessageSchema.parse(JSON.parse(payload)).problems);
    });
    const closes: string[] = [];
    crafted.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    await Promise.all([synced(honest), synced(crafted)]);

    memberOf(crafted.doc, HANA).set('birthDate', 19440510); // a number where a date belongs
    await vi.waitFor(() => expect(refusals).toHaveLength(1));
    expect(refusals[0]?.join()).toContain('birthDate');
    await vi.waitFor(() => expect(closes).toContain(CloseCode.InvalidUpdate.reason));

    writeValue(memberOf(honest.doc, HANA), 'phone', '0120-000-999', sectionDefinitions.members.textKeys);
    await honest.saved();
    const reader = newProvider({ url: websocketUrl, name: members, token: (await login('fukushi2')).collabToken });
    await synced(reader);
    expect(memberOf(reader.doc, HANA).get('birthDate')).toBe('1944-05-10');
    expect(memberOf(reader.doc, HANA).get('phone')?.toString()).toBe('0120-000-999');
    expect(sectionProblems(reader.doc, 'members')).toEqual([]);
    const { rows } = await server.database.query<{ count: number }>(
      'select count(*)::int as count from document_updates where document_name = $1 and user_id = $2',
      [members, attacker.user.id],
    );
    expect(rows[0]?.count).toBe(0);
  });

  it('refuses a client writing 入力者 itself, and records who changed a field from the token', async () => {
    const { websocketUrl, login } = await newKasaneServer(backend);
    const houkatsu = await login('houkatsu2');
    const writer = newProvider({ url: websocketUrl, name: members, token: houkatsu.collabToken });
    await synced(writer);
    writeValue(memberOf(writer.doc, HANA), 'address', '架空市北町3丁目12番5号 2階', sectionDefinitions.members.textKeys);
    await writer.saved();
    await vi.waitFor(() => {
      const change = writer.doc.getMap<FieldChange>(ATTRIBUTION_ROOT).get(`${MEMBERS_ROOT}/${HANA}/address`);
      expect(change).toMatchObject({ userId: houkatsu.user.id, name: '田中 誠', agencyName: '架空市北部地域包括支援センター' });
    });

    const forger = newProvider({ url: websocketUrl, name: members, token: (await login('fukushi2')).collabToken });
    const closes: string[] = [];
    forger.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    await synced(forger);
    forger.doc.getMap(ATTRIBUTION_ROOT).set(`${MEMBERS_ROOT}/${HANA}/name`, { ...houkatsu.user, userId: houkatsu.user.id, at: new Date().toISOString() });
    await vi.waitFor(() => expect(closes).toContain(CloseCode.InvalidUpdate.reason));
  });

  it('projects names, status and tasks into the case list, searchable in kanji, hiragana and katakana', async () => {
    const { websocketUrl, login, api } = await newKasaneServer(backend);
    const session = await login('fukushi1');
    const list = async (query = '') =>
      caseListSchema.parse(await (await api(`/cases${query}`, { token: session.accessToken })).json()).cases;

    expect((await list())[0]).toMatchObject({ householdName: '山田世帯', status: 'アセスメント', openTasks: 4 });
    for (const query of ['?q=やまだ', '?q=ヤマダ', '?q=山田', '?q=ﾀﾛｳ', '?q=やまだ%20たろう']) {
      expect((await list(query)).map((c) => c.id), query).toEqual([demoCase.id]);
    }
    expect(await list('?q=すずき')).toEqual([]);
    expect(await list('?status=支援中')).toEqual([]);

    const clients = await Promise.all(
      (['overview', 'members', 'progress-log', 'plan'] as const).map(async (section) => {
        const client = newProvider({ url: websocketUrl, name: caseDocumentName(demoCase.id, section), token: session.collabToken });
        await synced(client);
        return [section, client] as const;
      }),
    );
    const doc = Object.fromEntries(clients.map(([section, client]) => [section, client.doc])) as Record<string, Y.Doc>;
    // A burst of edits across the sections.
    for (let i = 0; i < 20; i += 1) {
      doc.overview!.getMap(OVERVIEW_ROOT).set('status', i % 2 === 0 ? 'プラン作成' : '支援中');
      writeValue(doc.members!.getMap(MEMBERS_ROOT), `member${String(i).padStart(4, '0')}`, { position: 10 + i, name: `鈴木 次郎${i}`, kana: `すずき じろう${i}` }, sectionDefinitions.members.textKeys);
      ensureMap(doc['progress-log']!.getMap(PROGRESS_ROOT), 'entry000004').set('taskStatus', i === 19 ? '完了' : '対応中');
      ensureMap(doc.plan!.getMap(ROLES_ROOT), 'role000002').set('status', i === 19 ? '完了' : '対応中');
    }
    await Promise.all(clients.map(([, client]) => client.saved()));

    await vi.waitFor(async () => {
      expect((await list())[0]).toMatchObject({ status: '支援中', openTasks: 2 });
      expect((await list('?q=スズキジロウ19')).map((c) => c.id)).toEqual([demoCase.id]);
      expect((await list('?status=支援中')).map((c) => c.id)).toEqual([demoCase.id]);
    }, { timeout: 10_000, interval: 200 });
  });
});
