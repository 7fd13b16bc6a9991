import type { Document } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { minutesUpdateProblems } from '../../collab-server/collaboration/minutesShadow.ts';

function element(name: string, ...children: (Y.XmlElement | string)[]): Y.XmlElement {
  const created = new Y.XmlElement(name);
  created.insert(0, children.map((child) => (typeof child === 'string' ? new Y.XmlText(child) : child)));
  return created;
}

/** The server's document and a client in sync with it. */
function documentAndClient(): { document: Document; client: Y.Doc } {
  const server = new Y.Doc();
  server.getXmlFragment(MINUTES_FRAGMENT).insert(0, [element('paragraph', '出席者の確認'), element('paragraph', '次回は12月')]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { document: Object.assign(server, { name: 'case/x/minutes' }) as unknown as Document, client };
}

function edit(client: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change(client.getXmlFragment(MINUTES_FRAGMENT));
  return Y.encodeStateAsUpdate(client, before);
}

const connection = { id: 'a' };
const applied = (document: Document, update: Uint8Array) => Y.applyUpdate(document, update, { source: 'connection', connection });

describe("the server's kept copy of minutes for checking keystrokes", () => {
  it('checks each update against the document as it is, keystroke after keystroke', () => {
    const { document, client } = documentAndClient();
    for (const letter of ['あ', 'い', 'う']) {
      const update = edit(client, (fragment) => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, letter));
      expect(minutesUpdateProblems(document, update, 'case-minutes', connection)).toEqual([]);
      applied(document, update);
    }
    const unknown = edit(client, (fragment) => (fragment.get(1) as Y.XmlElement).insert(0, [element('iframe')]));
    expect(minutesUpdateProblems(document, unknown, 'case-minutes', connection)).toEqual([{ code: 'rich-text-unknown-node', detail: 'iframe' }]);
    // Refused, so never applied: the next honest keystroke is checked without it.
    // A client that has exactly the document (a fresh one, so no content of its own to merge in).
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(document));
    const keystroke = edit(honest, (fragment) => ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'え'));
    expect(minutesUpdateProblems(document, keystroke, 'case-minutes', connection)).toEqual([]);
  });

  it('is never more permissive than a whole copy when an accepted update did not reach the document', () => {
    const { document, client } = documentAndClient();
    // Accepted here, then refused by a later hook: the document never takes it.
    const removal = edit(client, (fragment) => fragment.delete(1, 1));
    expect(minutesUpdateProblems(document, removal, 'case-minutes', connection)).toEqual([]);
    // Built on the document as it is, the second paragraph still there: an unknown node inside it.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(document));
    const hidden = edit(other, (fragment) => (fragment.get(1) as Y.XmlElement).insert(0, [element('iframe')]));
    expect(minutesUpdateProblems(document, hidden, 'case-minutes', { id: 'b' })).toEqual([{ code: 'rich-text-unknown-node', detail: 'iframe' }]);
  });

  it('follows what the document takes from elsewhere (the server itself, another instance)', () => {
    const { document, client } = documentAndClient();
    const first = edit(client, (fragment) => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'あ'));
    expect(minutesUpdateProblems(document, first, 'case-minutes', connection)).toEqual([]);
    applied(document, first);
    document.getXmlFragment(MINUTES_FRAGMENT).insert(2, [element('paragraph', 'サーバーが書いた行')]);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(document));
    const inside = edit(client, (fragment) => (fragment.get(2) as Y.XmlElement).insert(1, [element('script')]));
    expect(minutesUpdateProblems(document, inside, 'case-minutes', connection)).toEqual([{ code: 'rich-text-unknown-node', detail: 'script' }]);
  });
});
