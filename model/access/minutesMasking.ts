import * as Y from 'yjs';
import { maskFreeText, type Redaction } from './masking.ts';

/**
 * 議事録 for a masked reader, worked on the document's structure: each text block is masked over
 * its joined text (a name split across bold and plain runs is still one name), marks that carry
 * values (links and their addresses, colours, comments) are dropped, and element attributes are
 * kept only where they are layout, never words.
 */

// Marks that only change how text looks; their attributes are dropped all the same.
const PLAIN_MARKS = new Set(['bold', 'italic', 'strike', 'underline', 'code', 'highlight', 'subscript', 'superscript']);
// Attributes that shape the layout; any string value outside these is dropped.
const LAYOUT_ATTRIBUTES = new Set(['level', 'checked', 'colspan', 'rowspan', 'colwidth', 'start', 'textAlign', 'type', 'language']);

type DeltaOp = { insert: unknown; attributes?: Record<string, unknown> };

function safeAttribute(key: string, value: unknown): boolean {
  if (!LAYOUT_ATTRIBUTES.has(key)) return false;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return true;
  if (Array.isArray(value)) return value.every((item) => typeof item === 'number');
  return typeof value === 'string' && /^[a-z0-9_-]{0,20}$/i.test(value);
}

function plainMarks(attributes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!attributes) return undefined;
  const kept = Object.keys(attributes).filter((mark) => PLAIN_MARKS.has(mark));
  return kept.length > 0 ? Object.fromEntries(kept.map((mark) => [mark, {}])) : undefined;
}

/** The text of a node and everything inside it, as one string. */
function joinedText(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return (node.toDelta() as DeltaOp[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  return node.toArray().map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? joinedText(child) : '')).join('');
}

const isTextBlock = (node: Y.XmlElement) => node.toArray().some((child) => child instanceof Y.XmlText);

function copyAttributes(from: Y.XmlElement, to: Y.XmlElement): void {
  for (const [key, value] of Object.entries(from.getAttributes())) if (safeAttribute(key, value)) to.setAttribute(key, value as string);
}

/** A text run as it is, with plain marks only; embeds inside text are dropped. */
function copyRuns(text: Y.XmlText): Y.XmlText {
  const copy = new Y.XmlText();
  const ops = (text.toDelta() as DeltaOp[]).filter((op) => typeof op.insert === 'string');
  copy.applyDelta(ops.map((op) => {
    const marks = plainMarks(op.attributes);
    return marks ? { insert: op.insert, attributes: marks } : { insert: op.insert };
  }));
  return copy;
}

function copyNode(node: Y.XmlElement | Y.XmlText, redaction: Redaction): Y.XmlElement | Y.XmlText {
  if (node instanceof Y.XmlText) {
    const masked = maskFreeText(joinedText(node), redaction);
    if (!masked.redacted && !masked.withheld) return copyRuns(node);
    const copy = new Y.XmlText();
    copy.insert(0, masked.text);
    return copy;
  }
  const copy = new Y.XmlElement(node.nodeName);
  copyAttributes(node, copy);
  const children = node.toArray().filter((child): child is Y.XmlElement | Y.XmlText => child instanceof Y.XmlElement || child instanceof Y.XmlText);
  if (isTextBlock(node)) {
    // One block, one text: masked as a whole, so runs and inline nodes cannot split a name.
    const masked = maskFreeText(joinedText(node), redaction);
    if (masked.redacted || masked.withheld) {
      const text = new Y.XmlText();
      text.insert(0, masked.text);
      copy.insert(0, [text]);
      return copy;
    }
  }
  copy.insert(0, children.map((child) => copyNode(child, redaction)));
  return copy;
}

/** The minutes' top-level nodes as a masked reader gets them. */
export function maskedMinutesNodes(fragment: Y.XmlFragment, redaction: Redaction): (Y.XmlElement | Y.XmlText)[] {
  return fragment
    .toArray()
    .filter((child): child is Y.XmlElement | Y.XmlText => child instanceof Y.XmlElement || child instanceof Y.XmlText)
    .map((child) => copyNode(child, redaction));
}
