import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { TARO } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { newStorageLocation } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const REDIS_URL = process.env.KASANE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two kasane instances sharing one PostgreSQL through Redis', () => {
  it('converge clients on either, keep masked views current across them, and store every acknowledged edit', async () => {
    const storage = await newStorageLocation('postgresql');
    const redisPrefix = `kasane-test-${randomBytes(4).toString('hex')}`;
    const a = await newKasaneServer('postgresql', { storage, redisUrl: REDIS_URL, redisPrefix });
    const b = await newKasaneServer('postgresql', { storage, redisUrl: REDIS_URL, redisPrefix, seedDemoData: false });
    const minutes = caseDocumentName(demoCase.id, 'minutes');

    const onA = newProvider({ url: a.websocketUrl, name: minutes, token: (await a.login('fukushi1')).collabToken });
    const onB = newProvider({ url: b.websocketUrl, name: minutes, token: (await b.login('houkatsu1')).collabToken });
    await Promise.all([synced(onA), synced(onB)]);
    const write = (client: typeof onA, text: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      client.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
    };
    for (let i = 0; i < 20; i += 1) {
      write(onA, `A${i}`);
      write(onB, `B${i}`);
    }
    await Promise.all([onA.saved(), onB.saved()]);
    await vi.waitFor(() => expect(onA.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toBe(onB.doc.getXmlFragment(MINUTES_FRAGMENT).toString()), { timeout: 10_000 });
    const converged = onA.doc.getXmlFragment(MINUTES_FRAGMENT).toString();
    expect(converged).toContain('<paragraph>A19</paragraph>');
    expect(converged).toContain('<paragraph>B19</paragraph>');

    // A masked reader on B follows edits made on A, masked.
    const masked = newProvider({ url: b.websocketUrl, name: caseDocumentName(demoCase.id, 'members', 'masked'), token: (await b.login('shougai1')).collabToken });
    const coordinator = newProvider({ url: a.websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token: (await a.login('fukushi2')).collabToken });
    await Promise.all([synced(masked), synced(coordinator)]);
    writeValue(ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), TARO), 'relationship', '同居人', sectionDefinitions.members.textKeys);
    writeValue(ensureMap(coordinator.doc.getMap(MEMBERS_ROOT), TARO), 'phone', '080-2222-3333', sectionDefinitions.members.textKeys);
    await coordinator.saved();
    await vi.waitFor(() => {
      expect(ensureMap(masked.doc.getMap(MEMBERS_ROOT), TARO).toJSON()).toMatchObject({ name: 'B氏', relationship: '同居人', phone: '' });
    }, { timeout: 10_000 });

    // Everything acknowledged on either instance is in the one database.
    for (const client of [onA, onB, masked, coordinator]) client.destroy();
    await a.server.close();
    await b.server.close();
    const c = await newKasaneServer('postgresql', { storage, seedDemoData: false });
    const reader = newProvider({ url: c.websocketUrl, name: minutes, token: (await c.login('jiritsu1')).collabToken });
    await synced(reader);
    expect(reader.doc.getXmlFragment(MINUTES_FRAGMENT).toString()).toBe(converged);
  });
});
