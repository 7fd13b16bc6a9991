import * as Y from 'yjs';
import { maskedMinutesNodes } from '../access/minutesMasking.ts';
import { MINUTES_FRAGMENT } from '../documentSchema.ts';
import { diffText, summarizeMinutes } from '../history/sectionDiff.ts';
import type { SectionReader } from './sectionSpec.ts';

type XmlNode = Y.XmlElement | Y.XmlText;
const isNode = (child: unknown): child is XmlNode => child instanceof Y.XmlElement || child instanceof Y.XmlText;

function copyXml(node: XmlNode): XmlNode {
  if (node instanceof Y.XmlText) {
    const copy = new Y.XmlText();
    copy.applyDelta(node.toDelta());
    return copy;
  }
  const copy = new Y.XmlElement(node.nodeName);
  for (const [key, value] of Object.entries(node.getAttributes())) copy.setAttribute(key, value as string);
  copy.insert(0, node.toArray().filter(isNode).map(copyXml));
  return copy;
}

function replaceBlocks(target: Y.XmlFragment, blocks: XmlNode[]): void {
  if (target.length > 0) target.delete(0, target.length);
  target.insert(0, blocks);
}

function minutesText(fragment: Y.XmlFragment): { text: string; paragraphs: number } {
  const blocks = fragment.toArray();
  const texts = blocks.map((block) => (isNode(block) ? block.toString().replace(/<[^>]+>/g, '') : ''));
  return { text: texts.join('\n'), paragraphs: blocks.length };
}

/**
 * The minutes' reader: a masked view is copied anew each time (it is read-only for its readers,
 * so no caret is disturbed); the history reads and compares plain text.
 */
export const minutesReader: SectionReader = {
  renderMasked: (view, source, redaction) =>
    replaceBlocks(view.getXmlFragment(MINUTES_FRAGMENT), maskedMinutesNodes(source.getXmlFragment(MINUTES_FRAGMENT), redaction)),
  read: (doc, redaction) => {
    const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
    if (!redaction) return { kind: 'text', ...minutesText(fragment) };
    const view = new Y.Doc();
    try {
      const masked = view.getXmlFragment(MINUTES_FRAGMENT);
      masked.insert(0, maskedMinutesNodes(fragment, redaction));
      return { kind: 'text', ...minutesText(masked) };
    } finally {
      view.destroy();
    }
  },
  summarize: (label, before, after) =>
    before.kind === 'text' && after.kind === 'text' ? summarizeMinutes(before.paragraphs, after.paragraphs, before.text !== after.text) : label,
  compare: (before, after) => ({
    kind: 'text',
    parts: diffText(before?.kind === 'text' ? before.text : '', after?.kind === 'text' ? after.text : ''),
  }),
  restore: (document, past) =>
    replaceBlocks(document.getXmlFragment(MINUTES_FRAGMENT), past.getXmlFragment(MINUTES_FRAGMENT).toArray().filter(isNode).map(copyXml)),
};
