import { describe, expect, it, vi } from 'vitest';
import { chatHistorySchema, chatMessageSchema, unreadCountsSchema } from '../../model/chat.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';
import { WireRecorder } from '../helpers/wireRecorder.ts';

const [fukushi, houkatsu, , jiritsu] = demoAgencies as [
  (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number],
];

describe.each(storageBackends)('case chat on %s', (backend) => {
  it('delivers a message limited to some agencies to them only, live and in history', async () => {
    const server = await newKasaneServer(backend);
    const people = Object.fromEntries(
      await Promise.all(['fukushi1', 'houkatsu1', 'shougai1', 'jiritsu1'].map(async (loginId) => [loginId, await server.login(loginId)] as const)),
    );
    // Each has the case open (a document they may see), recording every byte received.
    const recorders: Record<string, WireRecorder> = {};
    const received: Record<string, string[]> = {};
    for (const [loginId, section, view] of [
      ['fukushi1', 'overview', 'source'],
      ['houkatsu1', 'overview', 'source'],
      ['shougai1', 'overview', 'masked'],
      ['jiritsu1', 'overview', 'source'],
    ] as const) {
      recorders[loginId] = new WireRecorder();
      received[loginId] = [];
      const client = newProvider({
        url: server.websocketUrl,
        name: caseDocumentName(demoCase.id, section, view),
        token: people[loginId]!.collabToken,
        WebSocketPolyfill: recorders[loginId]!.webSocketClass(),
      });
      client.provider.on('stateless', ({ payload }: { payload: string }) => received[loginId]!.push(payload));
      await synced(client);
    }

    const secret = '包括と自立相談だけに：太郎さんの借入先は3社';
    const posted = await server.api(`/cases/${demoCase.id}/chat`, {
      method: 'POST',
      token: people.fukushi1!.accessToken,
      body: JSON.stringify({ body: secret, agencyIds: [houkatsu.id, jiritsu.id] }),
    });
    expect(posted.status).toBe(201);
    expect(chatMessageSchema.parse(await posted.json()).visibleAgencyIds?.sort()).toEqual([fukushi.id, houkatsu.id, jiritsu.id].sort());
    const everyone = await server.api(`/cases/${demoCase.id}/chat`, {
      method: 'POST',
      token: people.houkatsu1!.accessToken,
      body: JSON.stringify({ body: '次回の支援会議は12月4日です' }),
    });
    expect(everyone.status).toBe(201);

    await vi.waitFor(() => {
      for (const loginId of ['fukushi1', 'houkatsu1', 'jiritsu1']) expect(received[loginId]!.some((payload) => payload.includes(secret))).toBe(true);
      for (const loginId of ['fukushi1', 'houkatsu1', 'shougai1', 'jiritsu1']) expect(received[loginId]!.some((payload) => payload.includes('12月4日'))).toBe(true);
    });
    // The excluded agency received none of it, byte by byte, live or from the history API.
    expect(recorders.shougai1!.leaked([secret, '借入先'])).toEqual([]);
    const shougaiHistory = await recorders.shougai1!.recordResponse(await server.api(`/cases/${demoCase.id}/chat`, { token: people.shougai1!.accessToken }));
    const history = chatHistorySchema.parse(await shougaiHistory.json());
    expect(history.messages.map((message) => message.body)).toEqual(['次回の支援会議は12月4日です']);
    expect(recorders.shougai1!.leaked([secret, '借入先'])).toEqual([]);
    const jiritsuHistory = chatHistorySchema.parse(await (await server.api(`/cases/${demoCase.id}/chat`, { token: people.jiritsu1!.accessToken })).json());
    expect(jiritsuHistory.messages.map((message) => message.body)).toEqual([secret, '次回の支援会議は12月4日です']);

    // Unread counts per case, cleared by reading.
    const unread = async (loginId: string) =>
      unreadCountsSchema.parse(await (await server.api('/chat/unread', { token: people[loginId]!.accessToken })).json()).unread[demoCase.id] ?? 0;
    expect(await unread('jiritsu1')).toBe(2);
    expect(await unread('shougai1')).toBe(1);
    expect(await unread('fukushi1')).toBe(1);
    await server.api(`/cases/${demoCase.id}/chat/read`, { method: 'POST', token: people.jiritsu1!.accessToken });
    expect(await unread('jiritsu1')).toBe(0);

    const outsider = await server.api(`/cases/${demoCase.id}/chat`, {
      method: 'POST',
      token: people.fukushi1!.accessToken,
      body: JSON.stringify({ body: 'x', agencyIds: ['00000000-0000-4000-8000-000000000000'] }),
    });
    expect(outsider.status).toBe(400);
  });
});
