import * as Y from 'yjs';
import { z } from 'zod';
import { ATTRIBUTION_ROOT, attributionSchema } from './attribution.ts';
import { fieldSection } from './fieldSection.ts';
import { OVERVIEW_ROOT, concernCategories, overviewSchema } from './overview.ts';

// v1 kept 相談内容 as a list plus the main one's name; v2 keeps one map (category → 'main' |
// 'yes') so that two agencies ticking different boxes both count.
function concernsAsMap(doc: Y.Doc): void {
  const overview = doc.getMap<unknown>(OVERVIEW_ROOT);
  const legacy = overview.get('concernList');
  const main = overview.get('mainConcern');
  if (!(legacy instanceof Y.Array)) return;
  const concerns = new Y.Map<unknown>();
  for (const category of legacy.toArray()) {
    if (typeof category === 'string' && (concernCategories as readonly string[]).includes(category)) {
      concerns.set(category, category === main ? 'main' : 'yes');
    }
  }
  overview.delete('concernList');
  overview.delete('mainConcern');
  overview.set('concerns', concerns);
}

// v3 keeps ◎ in its own key (mainConcern).
function mainConcernOfItsOwn(doc: Y.Doc): void {
  const overview = doc.getMap<unknown>(OVERVIEW_ROOT);
  const concerns = overview.get('concerns');
  if (!(concerns instanceof Y.Map)) return;
  for (const [category, mark] of [...concerns.entries()]) {
    if (mark === 'main') {
      concerns.set(category, 'yes');
      overview.set('mainConcern', category);
    }
  }
}

/** 事案概要. */
export const overviewSection = fieldSection({
  label: '事案概要',
  roots: { [OVERVIEW_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
  schema: z.object({ [OVERVIEW_ROOT]: overviewSchema, [ATTRIBUTION_ROOT]: attributionSchema }),
  textKeys: new Set(['title', 'chiefComplaint', 'concernDetail', 'riskNote', 'medicalHistory', 'economicSummary']),
  fixedTexts: { [OVERVIEW_ROOT]: ['title', 'chiefComplaint', 'concernDetail', 'riskNote', 'medicalHistory', 'economicSummary'] },
  migrations: { 1: concernsAsMap, 2: mainConcernOfItsOwn },
});
