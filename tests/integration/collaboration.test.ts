import { describe, expect, it, vi } from 'vitest';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';
import * as Y from 'yjs';

const minutes = caseDocumentName(demoCase.id, 'minutes');
const textOf = (doc: Y.Doc) => doc.getXmlFragment(MINUTES_FRAGMENT).toString();

function appendParagraph(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

describe.each(storageBackends)('collaboration on %s', (backend) => {
  it('lets two agencies of the case write the same minutes and converge', async () => {
    const { websocketUrl, login } = await newKasaneServer(backend);
    const coordinator = await login('fukushi1');
    const houkatsu = await login('houkatsu1');
    const a = newProvider({ url: websocketUrl, name: minutes, token: coordinator.collabToken });
    const b = newProvider({ url: websocketUrl, name: minutes, token: houkatsu.collabToken });
    await Promise.all([synced(a), synced(b)]);
    expect(textOf(a.doc)).toContain('第1回 支援会議');

    appendParagraph(a.doc, '福祉総合相談課：世帯全体の状況を共有');
    appendParagraph(b.doc, '包括：ハナさんの介護サービス利用状況を報告');
    await Promise.all([a.saved(), b.saved()]);

    await vi.waitFor(() => {
      expect(textOf(a.doc)).toContain('包括：ハナさん');
      expect(textOf(b.doc)).toContain('福祉総合相談課：世帯全体');
    });
    expect(textOf(a.doc)).toBe(textOf(b.doc));
  });

  it('refuses an agency that does not take part in the case, and forged tokens', async () => {
    const { websocketUrl, login, api } = await newKasaneServer(backend);
    const houkatsu = await login('houkatsu1');
    const created = await api('/cases', {
      method: 'POST',
      token: houkatsu.accessToken,
      body: JSON.stringify({ title: '包括だけの事案' }),
    });
    const caseId = ((await created.json()) as { id: string }).id;
    const outsider = await login('shougai1');

    const refused = newProvider({ url: websocketUrl, name: caseDocumentName(caseId, 'minutes'), token: outsider.collabToken });
    const forged = newProvider({ url: websocketUrl, name: minutes, token: `${houkatsu.collabToken.slice(0, -4)}AAAA` });
    const wrongScope = newProvider({ url: websocketUrl, name: minutes, token: houkatsu.accessToken });
    const unknownDocument = newProvider({ url: websocketUrl, name: `case/${caseId}/../secrets`, token: houkatsu.collabToken });

    await vi.waitFor(() => {
      expect(refused.authenticationFailure()).toBe('forbidden');
      expect(forged.authenticationFailure()).toBe('unauthorized');
      expect(wrongScope.authenticationFailure()).toBe('unauthorized');
      expect(unknownDocument.authenticationFailure()).toBe('forbidden');
    });
    for (const client of [refused, forged, wrongScope, unknownDocument]) {
      expect(client.doc.getXmlFragment(MINUTES_FRAGMENT).length).toBe(0);
    }
  });

  it('records who wrote each update from the token, whatever the client claims', async () => {
    const { websocketUrl, login, server } = await newKasaneServer(backend);
    const houkatsu = await login('houkatsu1');
    const client = newProvider({ url: websocketUrl, name: minutes, token: houkatsu.collabToken });
    await synced(client);
    // A client may put anything in awareness or in the document; attribution ignores it.
    client.provider.setAwarenessField('user', { id: 'someone-else', name: '偽名' });
    appendParagraph(client.doc, '包括：ハナさんの服薬の状況を確認');
    await client.saved();

    const { rows } = await server.database.query<{ user_id: string | null; agency_id: string | null }>(
      'select user_id, agency_id from document_updates where document_name = $1 order by seq',
      [minutes],
    );
    expect(rows.at(0)).toEqual({ user_id: null, agency_id: null });
    expect(rows.at(-1)).toEqual({ user_id: houkatsu.user.id, agency_id: houkatsu.user.agencyId });
  });

  it('loads a document from its snapshot plus the log tail after a restart', async () => {
    const first = await newKasaneServer(backend, { snapshotEvery: 5 });
    const session = await first.login('fukushi2');
    const writer = newProvider({ url: first.websocketUrl, name: minutes, token: session.collabToken });
    await synced(writer);
    for (let i = 0; i < 12; i += 1) {
      appendParagraph(writer.doc, `行${i}`);
      await writer.saved();
    }
    await vi.waitFor(async () => {
      const { rows } = await first.server.database.query('select 1 from document_snapshots where document_name = $1', [minutes]);
      expect(rows.length).toBeGreaterThan(0);
    });
    const expected = textOf(writer.doc);
    writer.destroy();
    await first.server.close();

    const second = await newKasaneServer(backend, { storage: first.storage });
    const again = await second.login('fukushi2');
    const reader = newProvider({ url: second.websocketUrl, name: minutes, token: again.collabToken });
    await synced(reader);
    expect(textOf(reader.doc)).toBe(expected);
  });
});
