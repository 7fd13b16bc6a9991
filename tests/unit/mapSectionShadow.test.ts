import type { Document } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapSectionUpdateProblems } from '../../collab-server/collaboration/mapSectionShadow.ts';
import { MAX_ITEMS } from '../../model/sections/common.ts';
import { PROGRESS_ROOT } from '../../model/sections/progressLog.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';

const houkatsu = { id: '6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', name: '佐藤 美咲', agencyId: '0c1d66a0-cbd0-4dbb-be60-8c4e6452fc8c', agencyName: '地域包括支援センター' };
const soudan = { id: '1a2b3c4d-1d2a-4c3b-9e8f-0a1b2c3d4e5f', name: '田中 一郎', agencyId: '9d8c7b6a-cbd0-4dbb-be60-8c4e6452fc8c', agencyName: '自立相談支援機関' };

function entryOf(author: typeof houkatsu, text: string): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('occurredAt', '2026-11-02T10:00:00+09:00');
  entry.set('agencyId', author.agencyId);
  entry.set('authorId', author.id);
  entry.set('authorName', author.name);
  entry.set('agencyName', author.agencyName);
  entry.set('kind', '実施した支援');
  entry.set('contactMethod', '訪問');
  entry.set('text', new Y.Text(text));
  entry.set('taskStatus', null);
  return entry;
}

/** The server's 支援経過 with `count` entries of 包括 and one of 自立相談, and a client in sync. */
function documentAndClient(count = 2): { document: Document; client: Y.Doc } {
  const server = createSectionDocument('progress-log');
  const entries = server.getMap<Y.Map<unknown>>(PROGRESS_ROOT);
  server.transact(() => {
    for (let i = 0; i < count; i += 1) entries.set(`entry-${String(i).padStart(4, '0')}`, entryOf(houkatsu, '自宅を訪問した'));
    entries.set('entry-soudan', entryOf(soudan, '家計の相談を受けた'));
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { document: Object.assign(server, { name: 'case/x/progress-log' }) as unknown as Document, client };
}

function edit(client: Y.Doc, change: (entries: Y.Map<Y.Map<unknown>>) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change(client.getMap<Y.Map<unknown>>(PROGRESS_ROOT));
  return Y.encodeStateAsUpdate(client, before);
}

const connection = { id: 'a' };
const applied = (document: Document, update: Uint8Array) => Y.applyUpdate(document, update, { source: 'connection', connection });
const check = (document: Document, update: Uint8Array, user = houkatsu, from: unknown = connection) =>
  mapSectionUpdateProblems(document, update, 'progress-log', user, from);

describe("the server's kept copy of a structured section for checking keystrokes", () => {
  it('checks each update against the document as it is, and refuses what breaks the schema in the entry it changes', () => {
    const { document, client } = documentAndClient();
    for (const letter of ['あ', 'い', 'う']) {
      const update = edit(client, (entries) => (entries.get('entry-0001')!.get('text') as Y.Text).insert(0, letter));
      expect(check(document, update)).toEqual([]);
      applied(document, update);
    }
    const invalid = edit(client, (entries) => entries.get('entry-0001')!.set('kind', '雑談'));
    expect(check(document, invalid)).toEqual([expect.stringMatching(/^entries\/entry-0001\/kind: /)]);
    // A client that has exactly the document (the refused change is its own, not the document's).
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(document));
    const wrongType = edit(other, (entries) => entries.get('entry-0000')!.set('text', '置き換えた文字列'));
    expect(check(document, wrongType)).toEqual(['値の種類が違います: entries/entry-0000/text']);
    // Refused, so never applied: the next honest keystroke is checked without them.
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(document));
    const keystroke = edit(honest, (entries) => (entries.get('entry-0001')!.get('text') as Y.Text).insert(0, 'え'));
    expect(check(document, keystroke)).toEqual([]);
  });

  it('keeps the 記録者 rules on the entries an update changes', () => {
    const { document, client } = documentAndClient();
    const others = edit(client, (entries) => (entries.get('entry-soudan')!.get('text') as Y.Text).insert(0, '書き換え'));
    expect(check(document, others)).toEqual(['他機関の記録の内容は変更できません: entry-soudan']);
    const fresh = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
      return doc;
    };
    expect(check(document, edit(fresh(), (entries) => entries.delete('entry-soudan')))).toEqual(['他機関の記録は削除できません: entry-soudan']);
    expect(check(document, edit(fresh(), (entries) => entries.set('entry-new000', entryOf(soudan, 'なりすまし'))))).toEqual(['記録者が本人ではありません: entry-new000']);
    expect(check(document, edit(fresh(), (entries) => entries.set('entry-new000', entryOf(houkatsu, '本人の記録'))))).toEqual([]);
  });

  it('still limits the size of a collection when an entry is added', () => {
    const { document, client } = documentAndClient(MAX_ITEMS - 2);
    const added = edit(client, (entries) => entries.set('entry-extra1', entryOf(houkatsu, '一件目')));
    expect(check(document, added)).toEqual([]);
    applied(document, added);
    const tooMany = edit(client, (entries) => entries.set('entry-extra2', entryOf(houkatsu, '二件目')));
    expect(check(document, tooMany)).toEqual([`entries: ${MAX_ITEMS} 件を超えています`]);
  });

  it('is never more permissive than a whole copy when an accepted update did not reach the document', () => {
    const { document, client } = documentAndClient();
    // Accepted here, then refused by a later hook: the document never takes it.
    expect(check(document, edit(client, (entries) => entries.delete('entry-0001')))).toEqual([]);
    // Built on the document as it is, the entry still there: an invalid value inside it.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(document));
    const hidden = edit(other, (entries) => entries.get('entry-0001')!.set('kind', '雑談'));
    expect(check(document, hidden, houkatsu, { id: 'b' })).toEqual([expect.stringMatching(/^entries\/entry-0001\/kind: /)]);
  });

  it('follows what the document takes from elsewhere, and refuses a change of what the server writes', () => {
    const { document, client } = documentAndClient();
    document.getMap<Y.Map<unknown>>(PROGRESS_ROOT).set('entry-server', entryOf(houkatsu, 'サーバーが書いた記録'));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(document));
    const inside = edit(client, (entries) => entries.get('entry-server')!.set('kind', '雑談'));
    expect(check(document, inside)).toEqual([expect.stringMatching(/^entries\/entry-server\/kind: /)]);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(document));
    const before = Y.encodeStateVector(fresh);
    fresh.getMap('changedBy').set('entries/entry-0000/text', { userId: soudan.id });
    expect(check(document, Y.encodeStateAsUpdate(fresh, before))).toContain('サーバーが管理する項目は変更できません: changedBy');
  });
});
