import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DECISION_NODE, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { minutesKindOf, minutesSchema, type MinutesKind } from '../../model/richText/minutesSchema.ts';
import { richTextProblems, type RichTextProblem } from '../../model/richText/richTextProblems.ts';
import { firstMinutesDocument } from '../../collab-server/seed/demoMeetings.ts';
import { demoMinutesDocument } from '../../collab-server/store/seedDemoData.ts';

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: Json[]): Json => ({ type: 'paragraph', content });
const node = (type: string, content: Json[], attrs?: Json): Json => ({ type, content, ...(attrs ? { attrs } : {}) });

/** Every node and mark the case minutes' editor offers, as its toolbar and typed shortcuts make them. */
const caseMinutesContent: Json[] = [
  node('heading', [text('第2回 支援会議')], { level: 2 }),
  paragraph(
    text('太字', [{ type: 'bold' }]),
    text('斜体', [{ type: 'italic' }]),
    text('取消', [{ type: 'strike' }]),
    text('下線', [{ type: 'underline' }]),
    text('code', [{ type: 'code' }]),
    { type: 'hardBreak' },
    text('リンク', [{ type: 'link', attrs: { href: 'https://example.invalid/', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } }]),
  ),
  node('bulletList', [node('listItem', [paragraph(text('箇条書き'))])]),
  node('orderedList', [node('listItem', [paragraph(text('番号付き'))])], { start: 3, type: null }),
  node('blockquote', [paragraph(text('引用'))]),
  node('codeBlock', [text('console.log(1)')], { language: null }),
  { type: 'horizontalRule' },
];

/** …and what meeting minutes add: a table, a checklist, a 決定事項 block. */
const meetingMinutesContent: Json[] = [
  ...caseMinutesContent,
  node('table', [
    node('tableRow', [node('tableHeader', [paragraph(text('機関'))], { colspan: 1, rowspan: 1, colwidth: null }), node('tableHeader', [paragraph(text('役割'))])]),
    node('tableRow', [node('tableCell', [paragraph(text('包括'))], { colspan: 1, rowspan: 1, colwidth: [120] }), node('tableCell', [paragraph()])]),
  ]),
  node('taskList', [
    node('taskItem', [paragraph(text('区分変更の申請'))], { checked: true }),
    node('taskItem', [paragraph(text('家計の聞き取り')), node('taskList', [node('taskItem', [paragraph(text('通帳の確認'))], { checked: false })])], { checked: false }),
  ]),
  node(DECISION_NODE, [paragraph(text('包括が区分変更を申請する')), node('bulletList', [node('listItem', [paragraph(text('自立相談が家計を聞き取る'))])])]),
];

/** A document as y-tiptap would write it from the editor's ProseMirror state. */
function written(kind: MinutesKind, content: Json[]): Y.XmlFragment {
  const doc = new Y.Doc();
  return prosemirrorJSONToYXmlFragment(minutesSchema(kind), { type: 'doc', content }, doc.getXmlFragment(MINUTES_FRAGMENT));
}

function element(name: string, children: (Y.XmlElement | Y.XmlText | string)[] = [], attributes: Record<string, unknown> = {}): Y.XmlElement {
  const created = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, value as string);
  created.insert(0, children.map((child) => (typeof child === 'string' ? new Y.XmlText(child) : child)));
  return created;
}

function fragmentOf(...blocks: Y.XmlElement[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment(MINUTES_FRAGMENT);
  fragment.insert(0, blocks);
  return fragment;
}

const codes = (problems: RichTextProblem[]) => problems.map(({ code, detail }) => `${code} ${detail}`);

describe('the minutes schemas in model/richText, as the server applies them', () => {
  it('accepts the seeded minutes of the case and of the closed 第1回 支援会議', () => {
    expect(richTextProblems(demoMinutesDocument().getXmlFragment(MINUTES_FRAGMENT), 'case-minutes')).toEqual([]);
    expect(richTextProblems(firstMinutesDocument().getXmlFragment(MINUTES_FRAGMENT), 'meeting-minutes')).toEqual([]);
  });

  it('accepts everything each editor can write, and an empty document nobody has written in yet', () => {
    expect(richTextProblems(written('case-minutes', caseMinutesContent), 'case-minutes')).toEqual([]);
    expect(richTextProblems(written('meeting-minutes', meetingMinutesContent), 'meeting-minutes')).toEqual([]);
    expect(richTextProblems(new Y.Doc().getXmlFragment(MINUTES_FRAGMENT), 'case-minutes')).toEqual([]);
    expect(richTextProblems(fragmentOf(element('paragraph')), 'case-minutes')).toEqual([]);
  });

  it('keeps tables, checklists and 決定事項 to meeting minutes', () => {
    const fragment = written('meeting-minutes', meetingMinutesContent);
    expect(codes(richTextProblems(fragment, 'case-minutes'))).toEqual([
      'rich-text-unknown-node table',
      'rich-text-unknown-node taskList',
      'rich-text-unknown-node decision',
    ]);
    expect(minutesKindOf({})).toBe('case-minutes');
    expect(minutesKindOf({ meetingId: '9f1c1f7e-6a53-4a43-9d7e-3c8a7b1f2c11' })).toBe('meeting-minutes');
  });

  it('refuses unknown nodes, marks and attributes with a code naming each', () => {
    const marked = new Y.XmlText();
    const fragment = fragmentOf(
      element('paragraph', [marked]),
      element('iframe', [], { src: 'https://example.invalid/' }),
      element('paragraph', ['x'], { onclick: 'alert(1)' }),
      element('bulletList', [element('listItem', [element('paragraph', [element('script', ['alert(1)'])])])]),
    );
    marked.insert(0, '赤字', { textStyle: { color: 'red' }, bold: {} });
    expect(codes(richTextProblems(fragment, 'meeting-minutes'))).toEqual([
      'rich-text-unknown-mark textStyle',
      'rich-text-unknown-node iframe',
      'rich-text-unknown-attribute paragraph.onclick',
      'rich-text-unknown-node script',
    ]);
  });

  it('refuses attribute values no editor writes', () => {
    const link = new Y.XmlText();
    const fragment = fragmentOf(
      element('heading', ['見出し'], { level: 9 }),
      element('taskList', [element('taskItem', [element('paragraph', ['x'])], { checked: 'yes' })]),
      element('paragraph', [link]),
      element('paragraph', ['x'], {}),
    );
    link.insert(0, 'クリック', { link: { href: 'javascript:alert(1)' } });
    expect(codes(richTextProblems(fragment, 'meeting-minutes'))).toEqual([
      'rich-text-invalid-attribute heading.level',
      'rich-text-invalid-attribute taskItem.checked',
      'rich-text-invalid-attribute link.href',
    ]);
    const hiddenScheme = new Y.XmlText();
    const withHiddenScheme = fragmentOf(element('paragraph', [hiddenScheme]));
    hiddenScheme.insert(0, 'クリック', { link: { href: ' java\tscript:alert(1)' } });
    expect(codes(richTextProblems(withHiddenScheme, 'case-minutes'))).toEqual(['rich-text-invalid-attribute link.href']);
    const withObject = fragmentOf(element('paragraph', ['x']), element('codeBlock', ['y'], { language: { nested: true } }));
    expect(codes(richTextProblems(withObject, 'meeting-minutes'))).toEqual(['rich-text-invalid-attribute codeBlock.language']);
  });

  it('refuses known parts in an order the schema does not allow, and what is not rich text at all', () => {
    const bareText = new Y.Doc().getXmlFragment(MINUTES_FRAGMENT);
    bareText.insert(0, [new Y.XmlText('段落の外の文字')]);
    expect(richTextProblems(bareText, 'case-minutes').map((problem) => problem.code)).toEqual(['rich-text-invalid-content']);
    const strayRow = fragmentOf(element('tableRow', [element('tableCell', [element('paragraph', ['x'])])]));
    expect(richTextProblems(strayRow, 'meeting-minutes').map((problem) => problem.code)).toEqual(['rich-text-invalid-content']);
    const paragraphInList = fragmentOf(element('bulletList', [element('paragraph', ['x'])]));
    expect(richTextProblems(paragraphInList, 'meeting-minutes').map((problem) => problem.code)).toEqual(['rich-text-invalid-content']);
    const markedCode = new Y.XmlText();
    const codeWithMarks = fragmentOf(element('codeBlock', [markedCode]));
    markedCode.insert(0, 'x', { bold: {} });
    expect(richTextProblems(codeWithMarks, 'case-minutes').map((problem) => problem.code)).toEqual(['rich-text-invalid-content']);

    const withMap = fragmentOf(element('paragraph'));
    (withMap.get(0) as Y.XmlElement).insert(0, [new Y.Map() as unknown as Y.XmlText]);
    expect(richTextProblems(withMap, 'case-minutes').map((problem) => problem.code)).toEqual(['rich-text-unreadable']);
  });

  it('accepts a container emptied by two honest edits merging, as y-tiptap shows it without deleting anything', () => {
    // Each took a different last item out of the same list and 決定事項 block; the merge has neither.
    expect(richTextProblems(fragmentOf(element('paragraph', ['x']), element('taskList'), element(DECISION_NODE)), 'meeting-minutes')).toEqual([]);
  });

  it('checks in depth only the blocks an update changed, and the order of all of them', () => {
    const known = element('paragraph', ['x']);
    const changed = element('paragraph', ['y']);
    const fragment = fragmentOf(element('iframe'), known, changed);
    expect(richTextProblems(fragment, 'case-minutes', { blocks: [known, changed], orderChanged: false })).toEqual([]);
    expect(codes(richTextProblems(fragment, 'case-minutes', { blocks: [fragment.get(0) as Y.XmlElement], orderChanged: true }))).toEqual(['rich-text-unknown-node iframe']);
    const text = fragmentOf(element('paragraph', ['x']));
    text.insert(1, [new Y.XmlText('段落の外')]);
    expect(codes(richTextProblems(text, 'case-minutes', { blocks: [text.get(0) as Y.XmlElement], orderChanged: true }))).toEqual(['rich-text-invalid-content text outside a block']);
  });
});
