import { ATTRIBUTION_ROOT, attributionSchema } from './attribution.ts';
import { fieldSection } from './fieldSection.ts';
import { PROGRESS_ROOT, progressLogDocumentSchema } from './progressLog.ts';
import { authorshipProblems } from './progressLogRules.ts';

/** 支援経過: entries are their author's; others may only comment. */
export const progressLogSection = fieldSection({
  label: '支援経過',
  roots: { [PROGRESS_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
  schema: progressLogDocumentSchema.extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
  textKeys: new Set(['text']),
  validate: authorshipProblems,
});
