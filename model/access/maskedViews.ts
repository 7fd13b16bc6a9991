import * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { MINUTES_FRAGMENT } from '../documentSchema.ts';
import { RECORDS_ROOT, writeEcomapRecords, type EcomapRecords } from '../ecomap/ecomapDocument.ts';
import { maskEcomapRecords } from '../ecomap/ecomapMasking.ts';
import { readSection, sectionDefinitions } from '../sections/sectionRegistry.ts';
import { syncObject, type PlainValue } from '../sections/yjsValues.ts';
import { maskMembersSection, redactJson, redactText, type Redaction } from './masking.ts';

type Roots = Record<string, { readonly [key: string]: PlainValue }>;

/** The masked JSON of a map section (members by its own rules, others by free-text redaction). */
export function maskedSectionJson(section: CaseSection, source: Y.Doc, redaction: Redaction, today: Date): Roots {
  const json = readSection(source, section);
  if (section === 'members') return maskMembersSection(json, redaction, today) as Roots;
  if (section === 'ecomap') return { [RECORDS_ROOT]: maskEcomapRecords(json[RECORDS_ROOT] as EcomapRecords, redaction) } as unknown as Roots;
  return redactJson(json, redaction) as Roots;
}

/** Copies rich text with every text run redacted (marks and structure kept). */
function copyRedacted(node: Y.XmlElement | Y.XmlText, redaction: Redaction): Y.XmlElement | Y.XmlText {
  if (node instanceof Y.XmlText) {
    const copy = new Y.XmlText();
    const delta = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
    copy.applyDelta(
      delta.map((op) => (typeof op.insert === 'string' ? { ...op, insert: redactText(op.insert, redaction) } : op)),
    );
    return copy;
  }
  const copy = new Y.XmlElement(node.nodeName);
  for (const [key, value] of Object.entries(node.getAttributes())) copy.setAttribute(key, value as string);
  copy.insert(
    0,
    node.toArray().filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText).map((child) => copyRedacted(child as Y.XmlElement | Y.XmlText, redaction)),
  );
  return copy;
}

/**
 * Brings a masked view document in line with its source. Map sections change only what differs;
 * rich text is copied anew (it is read-only for its readers, so no caret is disturbed).
 */
export function renderMaskedView(view: Y.Doc, section: CaseSection, source: Y.Doc, redaction: Redaction, today: Date, origin: unknown): void {
  const definition = sectionDefinitions[section];
  view.transact(() => {
    if (section === 'minutes') {
      const target = view.getXmlFragment(MINUTES_FRAGMENT);
      const children = source
        .getXmlFragment(MINUTES_FRAGMENT)
        .toArray()
        .filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText)
        .map((child) => copyRedacted(child as Y.XmlElement | Y.XmlText, redaction));
      if (target.length > 0) target.delete(0, target.length);
      target.insert(0, children);
      return;
    }
    const masked = maskedSectionJson(section, source, redaction, today);
    for (const [root, kind] of Object.entries(definition.roots)) {
      if (kind === 'records') writeEcomapRecords(view.getArray(root), (masked[root] ?? {}) as unknown as EcomapRecords);
      else syncObject(view.getMap(root), masked[root] ?? {}, definition.textKeys);
    }
  }, origin);
}
