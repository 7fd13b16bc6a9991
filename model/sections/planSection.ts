import { ATTRIBUTION_ROOT, attributionSchema } from './attribution.ts';
import { fieldSection } from './fieldSection.ts';
import { PLAN_ROOT, ROLES_ROOT, planDocumentSchema } from './plan.ts';

/** 支援プラン and the agencies' roles in it. */
export const planSection = fieldSection({
  label: '支援プラン',
  roots: { [PLAN_ROOT]: 'map', [ROLES_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
  schema: planDocumentSchema.extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
  textKeys: new Set(['issues', 'goals', 'goalsInOwnWords', 'task']),
  fixedTexts: { [PLAN_ROOT]: ['issues', 'goals', 'goalsInOwnWords'] },
});
