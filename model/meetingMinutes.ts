import * as Y from 'yjs';
import { DECISION_NODE, MINUTES_FRAGMENT } from './documentSchema.ts';

const TEXT_BLOCKS = new Set(['paragraph', 'heading']);

function plainText(node: Y.XmlElement | Y.XmlText): string {
  return node.toString().replace(/<[^>]+>/g, '').trim();
}

function textBlocks(node: Y.XmlElement): string[] {
  const found: string[] = [];
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (TEXT_BLOCKS.has(child.nodeName)) {
      const text = plainText(child);
      if (text !== '') found.push(text);
    } else {
      found.push(...textBlocks(child));
    }
  }
  return found;
}

function decisionBlocks(node: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === DECISION_NODE) found.push(child);
    else found.push(...decisionBlocks(child));
  }
  return found;
}

/** Every line inside the minutes' 「決定事項」 blocks, in document order. */
export function decisionsIn(doc: Y.Doc): string[] {
  return decisionBlocks(doc.getXmlFragment(MINUTES_FRAGMENT)).flatMap(textBlocks);
}
