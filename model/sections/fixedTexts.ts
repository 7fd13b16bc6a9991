import type * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { HOUSEHOLD_ROOT } from './members.ts';
import { OVERVIEW_ROOT } from './overview.ts';
import { PLAN_ROOT } from './plan.ts';
import { ensureText } from './yjsValues.ts';

/**
 * Texts at fixed places of a section. The server creates them with the document: if two
 * clients each created one when they started typing at the same moment, one of the two
 * Y.Texts, with what was typed into it, would lose.
 */
export const fixedTexts: Partial<Record<CaseSection, Record<string, readonly string[]>>> = {
  overview: { [OVERVIEW_ROOT]: ['title', 'chiefComplaint', 'concernDetail', 'riskNote', 'medicalHistory', 'economicSummary'] },
  members: { [HOUSEHOLD_ROOT]: ['name', 'address', 'phone'] },
  plan: { [PLAN_ROOT]: ['issues', 'goals', 'goalsInOwnWords'] },
};

export function createFixedTexts(doc: Y.Doc, section: CaseSection): void {
  for (const [root, keys] of Object.entries(fixedTexts[section] ?? {})) {
    for (const key of keys) ensureText(doc.getMap<unknown>(root), key);
  }
}
