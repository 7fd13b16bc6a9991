import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { loginAt, startServerProcess } from '../helpers/serverProcess.ts';
import { newStorageLocation, storageBackends } from '../helpers/storageBackends.ts';

const minutes = caseDocumentName(demoCase.id, 'minutes');

const collabToken = async (port: number, loginId: string) => (await loginAt(port, loginId)).collabToken;

describe.each(storageBackends)('a server killed with SIGKILL on %s', (backend) => {
  it('keeps every edit it acknowledged', async () => {
    const storage = await newStorageLocation(backend);
    const first = await startServerProcess(storage);
    const writers = await Promise.all(
      ['fukushi1', 'houkatsu1'].map(async (loginId) => {
        const client = newProvider({
          url: `ws://127.0.0.1:${first.port}/collaboration`,
          name: minutes,
          token: await collabToken(first.port, loginId),
        });
        await synced(client);
        return client;
      }),
    );

    // A burst: many small edits from two agencies without waiting between them.
    writers.forEach((writer, index) => {
      const text = writer.doc.getXmlFragment(MINUTES_FRAGMENT);
      for (let i = 0; i < 150; i += 1) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`writer${index}-edit${i}`)]);
        text.insert(text.length, [paragraph]);
      }
    });
    await Promise.all(writers.map((writer) => writer.saved()));
    const acknowledged = writers.map((writer) => writer.doc.getXmlFragment(MINUTES_FRAGMENT).toString());
    await first.kill('SIGKILL');
    writers.forEach((writer) => writer.destroy());

    const second = await startServerProcess(storage);
    const reader = newProvider({
      url: `ws://127.0.0.1:${second.port}/collaboration`,
      name: minutes,
      token: await collabToken(second.port, 'fukushi2'),
    });
    await synced(reader);
    const recovered = reader.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    for (let i = 0; i < 150; i += 1) {
      expect(recovered).toContain(`writer0-edit${i}<`);
      expect(recovered).toContain(`writer1-edit${i}<`);
    }
    // Each writer's acknowledged view is contained in what the restarted server has.
    for (const view of acknowledged) {
      for (const paragraph of view.match(/writer\d-edit\d+</g) ?? []) expect(recovered).toContain(paragraph);
    }
  });
});
