import { describe, expect, it, vi } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { auditEntrySchema } from '../../model/audit.ts';
import { CloseCode } from '../../model/closeCodes.ts';
import { updateRefusedMessageSchema } from '../../model/collaborationMessages.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { ecomapSnapshotListSchema } from '../../model/ecomap/ecomapApi.ts';
import { ecomapRecordsArray, readEcomapRecords, type EcomapEntry, type EcomapRecord } from '../../model/ecomap/ecomapDocument.ts';
import { shapeRecord } from '../../model/ecomap/ecomapRecords.ts';
import { ecomapRecordProblems } from '../../model/ecomap/ecomapSchema.ts';
import { householdMemberView } from '../../model/ecomap/genogram.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { HANA } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced, type TestProvider } from '../helpers/providers.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { storageBackends } from '../helpers/storageBackends.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const ecomap = caseDocumentName(demoCase.id, 'ecomap');
const store = (client: TestProvider) => new YKeyValue<EcomapRecord>(ecomapRecordsArray(client.doc) as Y.Array<EcomapEntry> as never);
const shapesOf = (client: TestProvider) =>
  Object.fromEntries(Object.entries(readEcomapRecords(ecomapRecordsArray(client.doc) as Y.Array<unknown>)).filter(([, record]) => record.typeName === 'shape'));

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A valid tldraw index key ('a' and one base-62 digit); stacking order does not matter here. */
const indexOf = (n: number) => `a${DIGITS[n % DIGITS.length]}`;

const note = (id: string, x: number, y: number, index: string) =>
  shapeRecord({ id, type: 'social-resource', x, y, index, props: { kind: 'インフォーマル', name: `支援者${id.slice(-3)}`, agencyId: null, w: 160, h: 72 } });

describe.each(storageBackends)('the ecomap on %s', (backend) => {
  it('converges when two people add, move and delete shapes at the same moment (seeded rounds)', async () => {
    const { websocketUrl, login } = await newKasaneServer(backend);
    const a = newProvider({ url: websocketUrl, name: ecomap, token: (await login('fukushi1')).collabToken });
    const b = newProvider({ url: websocketUrl, name: ecomap, token: (await login('houkatsu1')).collabToken });
    await Promise.all([synced(a), synced(b)]);
    const stores = [store(a), store(b)];
    const random = seededRandom(20261122);
    let created = 0;

    for (let round = 0; round < 6; round += 1) {
      // Both act in the same tick, before either hears of the other's change.
      for (const kv of stores) {
        for (let step = 0; step < 4; step += 1) {
          const shapes = [...kv.map.values()].map((entry) => entry.val).filter((record) => record.typeName === 'shape');
          const choice = random();
          if (choice < 0.45 || shapes.length === 0) {
            created += 1;
            kv.set(`shape:n${round}x${created}`, note(`shape:n${round}x${created}`, Math.floor(random() * 800), Math.floor(random() * 600), indexOf(created)));
          } else {
            const target = shapes[Math.floor(random() * shapes.length)]!;
            if (choice < 0.8) kv.set(target.id, { ...target, x: Math.floor(random() * 800), y: Math.floor(random() * 600) });
            else kv.delete(target.id);
          }
        }
      }
      await Promise.all([a.saved(), b.saved()]);
      await vi.waitFor(() => expect(shapesOf(a)).toEqual(shapesOf(b)));
    }
    // Concurrent moves of one shape leave one entry each, whoever cleaned up the duplicates.
    await vi.waitFor(() => expect(ecomapRecordsArray(a.doc).length).toBe(Object.keys(readEcomapRecords(ecomapRecordsArray(a.doc) as Y.Array<unknown>)).length));
    expect(ecomapRecordProblems(readEcomapRecords(ecomapRecordsArray(a.doc) as Y.Array<unknown>))).toEqual([]);

    const reader = newProvider({ url: websocketUrl, name: ecomap, token: (await login('jiritsu1')).collabToken });
    await synced(reader);
    expect(shapesOf(reader)).toEqual(shapesOf(a));
  });

  it('refuses a record tldraw cannot read or one pointing at the internet, and keeps the map', async () => {
    const { websocketUrl, login } = await newKasaneServer(backend);
    const crafted = newProvider({ url: websocketUrl, name: ecomap, token: (await login('houkatsu1')).collabToken });
    const refusals: string[][] = [];
    crafted.provider.on('stateless', ({ payload }: { payload: string }) => refusals.push(updateRefusedMessageSchema.parse(JSON.parse(payload)).problems));
    const closes: string[] = [];
    crafted.provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
    await synced(crafted);
    const before = shapesOf(crafted);

    const kv = store(crafted);
    kv.set('shape:bookmark', shapeRecord({ id: 'shape:bookmark', type: 'bookmark', x: 0, y: 0, index: indexOf(51), props: { url: 'https://example.com', assetId: null, w: 300, h: 320 } }));
    await vi.waitFor(() => expect(closes).toContain(CloseCode.InvalidUpdate.reason));
    expect(refusals.flat().join()).toContain('外部の画像やページは置けません');

    const honest = newProvider({ url: websocketUrl, name: ecomap, token: (await login('fukushi1')).collabToken });
    await synced(honest);
    expect(shapesOf(honest)).toEqual(before);
    const second = newProvider({ url: websocketUrl, name: ecomap, token: (await login('houkatsu2')).collabToken });
    const secondRefusals: string[][] = [];
    second.provider.on('stateless', ({ payload }: { payload: string }) => secondRefusals.push(updateRefusedMessageSchema.parse(JSON.parse(payload)).problems));
    await synced(second);
    store(second).set('shape:bad', { ...note('shape:bad', 0, 0, indexOf(52)), props: { kind: '宇宙', name: 1, agencyId: null, w: 160, h: 72 } } as EcomapRecord);
    await vi.waitFor(() => expect(secondRefusals.flat().join()).toContain('shape:bad'));
    expect(shapesOf(honest)['shape:bad']).toBeUndefined();
  });

  it('draws a renamed member with the new name without touching the map document', async () => {
    const { websocketUrl, login } = await newKasaneServer(backend);
    const token = (await login('fukushi1')).collabToken;
    const map = newProvider({ url: websocketUrl, name: ecomap, token });
    const members = newProvider({ url: websocketUrl, name: caseDocumentName(demoCase.id, 'members'), token });
    await Promise.all([synced(map), synced(members)]);
    const hanaShape = Object.values(shapesOf(map)).find((record) => (record.props as { memberId?: string }).memberId === HANA)!;
    const mapBefore = Y.encodeStateVector(map.doc);
    const membersJson = () => ({ [MEMBERS_ROOT]: members.doc.getMap(MEMBERS_ROOT).toJSON() });
    expect(householdMemberView(membersJson(), HANA, new Date('2026-11-22')).label).toBe('山田 ハナ');

    writeValue(ensureMap(members.doc.getMap(MEMBERS_ROOT), HANA), 'name', '山田 はな', sectionDefinitions.members.textKeys);
    await members.saved();
    expect(householdMemberView(membersJson(), (hanaShape.props as { memberId: string }).memberId, new Date('2026-11-22')).label).toBe('山田 はな');
    expect(Y.encodeStateVector(map.doc)).toEqual(mapBefore);
  });

  it('shows a masked reader the map with free text redacted, and never the source document', async () => {
    const { websocketUrl, login, api } = await newKasaneServer(backend);
    const coordinator = await login('fukushi1');
    const masked = await api(`/cases/${demoCase.id}/sharing/${demoAgencies[2]!.id}`, {
      method: 'PUT',
      token: coordinator.accessToken,
      body: JSON.stringify({ levels: { members: 'masked', ecomap: 'masked' } }),
    });
    expect(masked.status).toBe(200);
    const writer = newProvider({ url: websocketUrl, name: ecomap, token: coordinator.collabToken });
    await synced(writer);
    store(writer).set('shape:neighbour', { ...note('shape:neighbour', 10, 10, indexOf(53)), props: { kind: 'インフォーマル', name: '近所の山田 ハナさんの友人', agencyId: null, w: 160, h: 72 } });
    await writer.saved();

    const shougai = await login('shougai1');
    const source = newProvider({ url: websocketUrl, name: ecomap, token: shougai.collabToken, maxAttempts: 1 });
    await vi.waitFor(() => expect(source.authenticationFailure()).toBeDefined());
    const view = newProvider({ url: websocketUrl, name: `${ecomap}/masked`, token: shougai.collabToken });
    await vi.waitFor(() => {
      const neighbour = shapesOf(view)['shape:neighbour'];
      expect(neighbour).toBeDefined();
      expect(JSON.stringify(neighbour)).not.toContain('山田');
      expect(JSON.stringify(neighbour)).not.toContain('ハナ');
    });
    expect(Object.keys(shapesOf(view))).toEqual(Object.keys(shapesOf(writer)));

    // A shape drawn while the masked reader is watching reaches them, masked, without a reload.
    store(writer).set('shape:later', { ...note('shape:later', 20, 20, indexOf(55)), props: { kind: '医療', name: 'ハナさんの主治医', agencyId: null, w: 160, h: 72 } });
    await writer.saved();
    await vi.waitFor(() => expect((shapesOf(view)['shape:later']?.props as { name?: string } | undefined)?.name).toBe('A氏さんの主治医'));
  });

  it('saves the map as of a date and gives that state back through the revision API', async () => {
    const { websocketUrl, login, api } = await newKasaneServer(backend);
    const session = await login('houkatsu1');
    const list = ecomapSnapshotListSchema.parse(await (await api(`/cases/${demoCase.id}/ecomap/snapshots`, { token: session.accessToken })).json());
    expect(list.snapshots.map((snapshot) => snapshot.label)).toEqual(['初回面談時']);

    const map = newProvider({ url: websocketUrl, name: ecomap, token: session.collabToken });
    await synced(map);
    store(map).set('shape:school', note('shape:school', 400, 40, indexOf(54)));
    await map.saved();
    const saved = await api(`/cases/${demoCase.id}/ecomap/snapshots`, {
      method: 'POST',
      token: session.accessToken,
      body: JSON.stringify({ label: '第2回支援会議後', asOf: '2026-11-20' }),
    });
    expect(saved.status).toBe(201);
    const snapshots = ecomapSnapshotListSchema.parse(await saved.json()).snapshots;
    expect(snapshots.map((snapshot) => snapshot.label)).toEqual(['初回面談時', '第2回支援会議後']);

    const stateAt = async (seq: number) => {
      const response = await api(`/cases/${demoCase.id}/sections/ecomap/revisions/${seq}`, { token: session.accessToken });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(((await response.json()) as { state: string }).state, 'base64'));
      return readEcomapRecords(ecomapRecordsArray(doc) as Y.Array<unknown>);
    };
    expect((await stateAt(snapshots[0]!.seq))['shape:school']).toBeUndefined();
    expect((await stateAt(snapshots[1]!.seq))['shape:school']).toBeDefined();

    // An export is recorded before the file leaves the browser; a hidden map cannot be exported.
    expect((await api(`/cases/${demoCase.id}/ecomap/exports`, { method: 'POST', token: session.accessToken, body: JSON.stringify({ format: 'svg' }) })).status).toBe(204);
    expect((await api(`/cases/${demoCase.id}/ecomap/exports`, { method: 'POST', token: session.accessToken, body: JSON.stringify({ format: 'print' }) })).status).toBe(204);
    const admin = await login('kanri1');
    const entries = async (action: string) =>
      ((await (await api(`/audit?action=${action}`, { token: admin.accessToken })).json()) as { entries: unknown[] }).entries.map((entry) => auditEntrySchema.parse(entry));
    expect(await entries('export')).toEqual([expect.objectContaining({ loginId: 'houkatsu1', section: 'ecomap', detail: { format: 'svg', level: 'edit' } })]);
    expect(await entries('print')).toEqual([expect.objectContaining({ loginId: 'houkatsu1', section: 'ecomap', detail: { format: 'print', level: 'edit' } })]);
    expect((await api(`/cases/${demoCase.id}/ecomap/exports`, { method: 'POST', token: session.accessToken, body: JSON.stringify({ format: 'pdf' }) })).status).toBe(400);

    const bad = await api(`/cases/${demoCase.id}/ecomap/snapshots`, { method: 'POST', token: session.accessToken, body: JSON.stringify({ label: '', asOf: '令和8年' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: expect.any(String), issues: expect.any(Array) } });
  });
});
