import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../model/closeCodes.ts';
import { updateRefusedMessageSchema, type UpdateRefusedMessage } from '../../model/collaborationMessages.ts';
import { caseDocumentName, meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { DECISION_NODE, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { meetingListSchema } from '../../model/meetings.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';

function element(name: string, ...children: (Y.XmlElement | string)[]): Y.XmlElement {
  const created = new Y.XmlElement(name);
  created.insert(0, children.map((child) => (typeof child === 'string' ? new Y.XmlText(child) : child)));
  return created;
}

function listen(client: TestProvider): { refusals: UpdateRefusedMessage[]; closes: string[] } {
  const heard = { refusals: [] as UpdateRefusedMessage[], closes: [] as string[] };
  // Meeting minutes also carry presence messages.
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const refusal = updateRefusedMessageSchema.safeParse(JSON.parse(payload));
    if (refusal.success) heard.refusals.push(refusal.data);
  });
  client.provider.on('close', ({ event }: { event: { reason: string } }) => heard.closes.push(event.reason));
  return heard;
}

async function rowsBy(server: TestServer, documentName: string, userId: string): Promise<number> {
  const { rows } = await server.server.database.query<{ count: number }>(
    'select count(*)::int as count from document_updates where document_name = $1 and user_id = $2',
    [documentName, userId],
  );
  return rows[0]?.count ?? -1;
}

describe.each(storageBackends)('rich-text schema on the server on %s', (backend) => {
  it('refuses a crafted update of meeting minutes with an unknown node type, stores none of it, and keeps what the editor writes', async () => {
    const server = await newKasaneServer(backend);
    const honest = await server.login('fukushi1');
    const attacker = await server.login('fukushi2');
    const meetings = meetingListSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings`, { token: honest.accessToken })).json());
    const upcoming = meetings.meetings.find((meeting) => meeting.status !== '終了');
    expect(upcoming, 'the demo case has a meeting to come').toBeDefined();
    const name = meetingMinutesDocumentName(demoCase.id, upcoming!.id);

    const writer = newProvider({ url: server.websocketUrl, name, token: honest.collabToken });
    const crafted = newProvider({ url: server.websocketUrl, name, token: attacker.collabToken });
    const heard = listen(crafted);
    await Promise.all([synced(writer), synced(crafted)]);

    crafted.doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [element('iframe', 'https://example.invalid/')]);
    await vi.waitFor(() => expect(heard.refusals).toHaveLength(1));
    expect(heard.refusals[0]?.reasons).toEqual([{ code: 'rich-text-unknown-node', detail: 'iframe' }]);
    expect(heard.refusals[0]?.problems.join()).toContain('iframe');
    await vi.waitFor(() => expect(heard.closes).toContain(CloseCode.InvalidUpdate.reason));

    // What the meeting editor's toolbar makes is accepted.
    writer.doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [
      element(DECISION_NODE, element('paragraph', '包括が区分変更を申請する')),
      element('table', element('tableRow', element('tableCell', element('paragraph', '包括')))),
      element('taskList', element('taskItem', element('paragraph', '家計の聞き取り'))),
    ]);
    await writer.saved();

    expect(await rowsBy(server, name, attacker.user.id)).toBe(0);
    expect(await rowsBy(server, name, honest.user.id)).toBeGreaterThan(0);
    const reader = newProvider({ url: server.websocketUrl, name, token: (await server.login('houkatsu1')).collabToken });
    await synced(reader);
    const blocks = reader.doc.getXmlFragment(MINUTES_FRAGMENT).toArray().map((block) => (block as Y.XmlElement).nodeName);
    expect(blocks).toEqual([DECISION_NODE, 'table', 'taskList']);
  });

  it("refuses a 決定事項 block in the case's minutes, whose schema has none", async () => {
    const server = await newKasaneServer(backend);
    const session = await server.login('fukushi1');
    const name = caseDocumentName(demoCase.id, 'minutes');
    const client = newProvider({ url: server.websocketUrl, name, token: session.collabToken });
    const heard = listen(client);
    await synced(client);
    const before = await rowsBy(server, name, session.user.id);

    client.doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [element(DECISION_NODE, element('paragraph', '決定'))]);
    await vi.waitFor(() => expect(heard.refusals).toHaveLength(1));
    expect(heard.refusals[0]?.reasons).toEqual([{ code: 'rich-text-unknown-node', detail: DECISION_NODE }]);
    await vi.waitFor(() => expect(heard.closes).toContain(CloseCode.InvalidUpdate.reason));
    expect(await rowsBy(server, name, session.user.id)).toBe(before);
  });
});
