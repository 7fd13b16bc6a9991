import { describe, expect, it, vi } from 'vitest';
import { grantedLevel, levelOf, type AgencyAccess } from '../../model/access/accessLevels.ts';
import { myAccessSchema, sharingSchema } from '../../model/access/sharingApi.ts';
import { caseListSchema } from '../../model/api.ts';
import { CloseCode } from '../../model/closeCodes.ts';
import { caseDocumentName, caseSections } from '../../model/documentNames.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { HANA, TARO } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';
import { WireRecorder } from '../helpers/wireRecorder.ts';

/** The 山田 household's identifiers, in every form they are written in. */
const identifiers = [
  '山田 ハナ', '山田ハナ', 'ハナ', '山田 太郎', '山田太郎', '太郎', '山田',
  'やまだ', 'はな', 'たろう', 'ヤマダ', 'タロウ',
  '1944-05-10', '1972-03-05', '昭和47年', '090-0000-2222', '0120-000-111', '北町3丁目12番5号', '北町3丁目',
];

/** Logs in and opens every document of the case the agency may open, as the app does. */
async function openAsApp(server: TestServer, loginId: string, recorder: WireRecorder) {
  const session = await server.login(loginId);
  const get = async (path: string) => recorder.recordResponse(await server.api(path, { token: session.accessToken }));
  await get('/cases');
  await get(`/cases/${demoCase.id}`);
  const access = myAccessSchema.parse(await (await get(`/cases/${demoCase.id}/access`)).json());
  const clients: Partial<Record<(typeof caseSections)[number], TestProvider>> = {};
  for (const section of caseSections) {
    // As the app decides (the same rule as the server's).
    const level = grantedLevel(access.levels, section);
    if (level === 'hidden') continue;
    const client = newProvider({
      url: server.websocketUrl,
      name: caseDocumentName(demoCase.id, section, level === 'masked' ? 'masked' : 'source'),
      token: session.collabToken,
      WebSocketPolyfill: recorder.webSocketClass(),
    });
    await synced(client);
    clients[section] = client;
  }
  return { session, access: access.levels, clients };
}

describe.each(storageBackends)('what each agency receives, byte by byte, on %s', (backend) => {
  it('never sends the household’s identifiers to an agency that may see them only masked', async () => {
    const server = await newKasaneServer(backend);
    for (const loginId of ['fukushi1', 'houkatsu1', 'shougai1', 'jiritsu1']) {
      const recorder = new WireRecorder();
      const { access, clients } = await openAsApp(server, loginId, recorder);
      const identityVisible = ['edit', 'view'].includes(levelOf(access, 'members'));
      const leaked = recorder.leaked(identifiers);
      if (identityVisible) {
        expect(leaked.length, loginId).toBeGreaterThan(0); // the recorder does see what is sent
      } else {
        expect(leaked, loginId).toEqual([]);
        expect(recorder.leakedInAnySpelling(['山田', 'ハナ', '太郎', 'タロウ', '090-0000-2222', '0120-000-111', '1944-05-10', '1972-03-05']), loginId).toEqual([]);
        // The masked view is there, with pseudonyms.
        const members = clients.members?.doc.getMap(MEMBERS_ROOT).toJSON() as Record<string, { name: string; ageBand: string }>;
        expect(members[HANA]).toMatchObject({ name: 'A氏', ageBand: '80代' });
        expect(members[TARO]).toMatchObject({ name: 'B氏', ageBand: '50代' });
      }
      for (const client of Object.values(clients)) client.destroy();
    }
  });

  it('refuses the source behind a masked view, another case, and edits through a read-only view', async () => {
    const server = await newKasaneServer(backend);
    const shougai = await server.login('shougai1');
    const source = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: shougai.collabToken });
    const hiddenTab = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'member-finance', 'masked'), token: shougai.collabToken });
    await vi.waitFor(() => {
      expect(source.authenticationFailure()).toBe('forbidden');
      expect(hiddenTab.authenticationFailure()).toBe('forbidden');
    });

    const jiritsu = await server.login('jiritsu1'); // 世帯・世帯員: 閲覧
    const reader = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: jiritsu.collabToken });
    await synced(reader);
    writeValue(ensureMap(reader.doc.getMap(MEMBERS_ROOT), TARO), 'phone', '999-9999-9999', sectionDefinitions.members.textKeys);
    await vi.waitFor(() => expect(reader.provider.hasUnsyncedChanges).toBe(true));
    const { rows } = await server.server.database.query<{ count: number }>(
      'select count(*)::int as count from document_updates where user_id = $1',
      [jiritsu.user.id],
    );
    expect(rows[0]?.count).toBe(0);
    const coordinator = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: (await server.login('fukushi1')).collabToken });
    await synced(coordinator);
    expect(String(ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), TARO).get('phone'))).toBe('090-0000-2222');
  });

  it('keeps masked views current, and applies a change of sharing to open connections at once', async () => {
    const server = await newKasaneServer(backend);
    const coordinatorSession = await server.login('fukushi1');
    const coordinator = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: coordinatorSession.collabToken });
    await synced(coordinator);

    const shougaiRecorder = new WireRecorder();
    const shougai = await openAsApp(server, 'shougai2', shougaiRecorder);
    // A new phone number typed by the coordinator reaches the masked view only as a mask.
    writeValue(ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), TARO), 'phone', '080-1111-3333', sectionDefinitions.members.textKeys);
    writeValue(ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), TARO), 'address', '架空市南町1丁目2番3号', sectionDefinitions.members.textKeys);
    await coordinator.saved();
    await vi.waitFor(() => {
      const taro = ensureMap(shougai.clients.members!.doc.getMap(MEMBERS_ROOT), TARO).toJSON() as Record<string, unknown>;
      expect(taro).toMatchObject({ name: 'B氏', phone: '', address: '架空市' });
    });
    expect(shougaiRecorder.leaked(['080-1111-3333', '南町1丁目', ...identifiers])).toEqual([]);

    // 自立相談 sees the household (閲覧); the coordinator masks it while they have it open.
    const jiritsuRecorder = new WireRecorder();
    const jiritsu = await openAsApp(server, 'jiritsu2', jiritsuRecorder);
    const closes: string[] = [];
    jiritsu.clients.members!.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    const masked: AgencyAccess = { members: 'masked' };
    const changed = await server.api(`/cases/${demoCase.id}/sharing/${demoAgencies[3]!.id}`, {
      method: 'PUT',
      token: coordinatorSession.accessToken,
      body: JSON.stringify({ levels: masked }),
    });
    expect(changed.status).toBe(200);
    await vi.waitFor(() => expect(closes).toContain(CloseCode.AccessChanged.reason));

    const afterChange = new WireRecorder();
    jiritsuRecorder.received.length = 0;
    writeValue(ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), HANA), 'phone', '070-4444-5555', sectionDefinitions.members.textKeys);
    await coordinator.saved();
    const reopened = await openAsApp(server, 'jiritsu2', afterChange);
    expect(reopened.access.members).toBe('masked');
    await vi.waitFor(() => {
      const hana = ensureMap(reopened.clients.members!.doc.getMap(MEMBERS_ROOT), HANA).toJSON() as Record<string, unknown>;
      expect(hana).toMatchObject({ name: 'A氏', phone: '' });
    });
    expect(jiritsuRecorder.leaked(['070-4444-5555'])).toEqual([]);
    // What only the identity section holds (the overview they still read names the household).
    expect(afterChange.leaked(['070-4444-5555', '080-1111-3333', 'やまだ', 'たろう', '1944-05-10', '1972-03-05'])).toEqual([]);

    // The change is recorded with who made it.
    const sharing = (await (await server.api(`/cases/${demoCase.id}/sharing`, { token: coordinatorSession.accessToken })).json()) as {
      changes: { section: string; oldLevel: string; newLevel: string; changedBy: string }[];
    };
    expect(sharing.changes[0]).toMatchObject({ section: 'members', oldLevel: 'view', newLevel: 'masked', changedBy: '佐藤 美咲' });
  });
});

describe('the basis of each agency’s access in the seeded case', () => {
  it('rests on the coordinator role, ハナさん’s written consent, or nothing (proposed masking)', async () => {
    const server = await newKasaneServer('embedded');
    const coordinator = await server.login('fukushi1');
    const sharing = sharingSchema.parse(await (await server.api(`/cases/${demoCase.id}/sharing`, { token: coordinator.accessToken })).json());
    const byName = Object.fromEntries(sharing.agencies.map((agency) => [agency.name, agency]));
    expect(byName['架空市 福祉総合相談課']?.basis).toBe('coordinator');
    expect(byName['架空市北部地域包括支援センター']).toMatchObject({ basis: 'consent', proposedMasking: [] });
    expect(byName['障害者相談支援事業所 あおば']).toMatchObject({ basis: 'none', proposedMasking: [] });
    // The case list withholds the household's name from an agency without the identity section.
    const shougaiList = caseListSchema.parse(await (await server.api('/cases', { token: (await server.login('shougai2')).accessToken })).json());
    expect(shougaiList.cases[0]).toMatchObject({ householdName: null, householdVisible: false });
    expect(shougaiList.cases[0]?.title).not.toContain('山田');
    // Only the coordinating side may see or change the sharing.
    const shougai = await server.login('shougai1');
    expect((await server.api(`/cases/${demoCase.id}/sharing`, { token: shougai.accessToken })).status).toBe(403);
  });
});
