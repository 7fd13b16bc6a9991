import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../model/closeCodes.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const minutes = caseDocumentName(demoCase.id, 'minutes');

function openSocket(url: string) {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })),
  );
  const opened = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve()));
  return { socket, closed, opened };
}

// Limits hold the same on both storages.
describe('collaboration connection limits', () => {
  it('closes a socket that never authenticates', async () => {
    const { websocketUrl } = await newKasaneServer('embedded', { authenticationDeadlineMs: 300 });
    const { closed } = openSocket(websocketUrl);
    expect(await closed).toEqual(CloseCode.AuthenticationTimeout);
  });

  it('closes a socket that sends a message over the size limit', async () => {
    const { websocketUrl } = await newKasaneServer('embedded', { maxMessageBytes: 64 * 1024 });
    const { socket, opened, closed } = openSocket(websocketUrl);
    await opened;
    socket.send(new Uint8Array(65 * 1024));
    expect((await closed).code).toBe(1009);
  });

  it('refuses more documents on one connection than allowed', async () => {
    const { websocketUrl, login, api } = await newKasaneServer('embedded', { maxDocumentsPerConnection: 1 });
    const session = await login('fukushi1');
    const created = await api('/cases', { method: 'POST', token: session.accessToken, body: JSON.stringify({ title: '二つ目' }) });
    const secondCase = ((await created.json()) as { id: string }).id;
    const first = newProvider({ url: websocketUrl, name: minutes, token: session.collabToken });
    await synced(first);
    const { HocuspocusProvider } = await import('@hocuspocus/provider');
    let failure: string | undefined;
    const second = new HocuspocusProvider({
      websocketProvider: first.provider.configuration.websocketProvider,
      name: caseDocumentName(secondCase, 'minutes'),
      document: new Y.Doc(),
      token: session.collabToken,
      onAuthenticationFailed: ({ reason }) => {
        failure = reason;
      },
    });
    second.attach();
    await vi.waitFor(() => expect(failure).toBe(CloseCode.TooManyDocuments.reason));
    second.destroy();
  });

  it('stops accepting edits once the token has expired, and keeps them on the client', async () => {
    const { websocketUrl, login, server } = await newKasaneServer('embedded', { tokenTtlSeconds: 2 });
    const session = await login('houkatsu2');
    const client = newProvider({ url: websocketUrl, name: minutes, token: session.collabToken });
    await synced(client);
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(session.expiresAt * 1000), { timeout: 5_000, interval: 100 });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('期限切れ後の入力')]);
    client.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);

    await vi.waitFor(() => expect(client.authenticationFailure()).toBe(CloseCode.TokenExpired.reason), { timeout: 10_000 });
    expect(client.provider.hasUnsyncedChanges).toBe(true);
    expect(client.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toContain('期限切れ後の入力');
    const { rows } = await server.database.query<{ count: number }>(
      `select count(*)::int as count from document_updates where document_name = $1 and user_id = $2`,
      [minutes, session.user.id],
    );
    expect(rows[0]?.count).toBe(0);
  });
});
