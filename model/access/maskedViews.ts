import type * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { MINUTES_FRAGMENT } from '../documentSchema.ts';
import { RECORDS_ROOT, writeEcomapRecords, type EcomapRecords } from '../ecomap/ecomapDocument.ts';
import { maskEcomapRecords } from '../ecomap/ecomapMasking.ts';
import { readSection, sectionDefinitions } from '../sections/sectionRegistry.ts';
import { syncObject, type PlainValue } from '../sections/yjsValues.ts';
import { maskMembersSection, redactJson, type Redaction } from './masking.ts';
import { maskedMinutesNodes } from './minutesMasking.ts';

type Roots = Record<string, { readonly [key: string]: PlainValue }>;

/** The masked JSON of a map section (members by its own rules, others by free-text redaction). */
export function maskedSectionJson(section: CaseSection, source: Y.Doc, redaction: Redaction, today: Date): Roots {
  const json = readSection(source, section);
  if (section === 'members') return maskMembersSection(json, redaction, today) as Roots;
  if (section === 'ecomap') return { [RECORDS_ROOT]: maskEcomapRecords(json[RECORDS_ROOT] as EcomapRecords, redaction) } as unknown as Roots;
  return redactJson(json, redaction) as Roots;
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
      const children = maskedMinutesNodes(source.getXmlFragment(MINUTES_FRAGMENT), redaction);
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
