import { ATTRIBUTION_ROOT, attributionSchema } from './attribution.ts';
import { fieldSection } from './fieldSection.ts';
import { HOUSEHOLD_ROOT, MEMBERS_ROOT, PRINCIPAL_ROOT, membersDocumentSchema } from './members.ts';

/** 世帯・世帯員: the household's identity (masked by its own rules: sectionReaders.ts). */
export const membersSection = fieldSection({
  label: '世帯・世帯員',
  roots: { [HOUSEHOLD_ROOT]: 'map', [MEMBERS_ROOT]: 'map', [PRINCIPAL_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
  schema: membersDocumentSchema.extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
  textKeys: new Set(['name', 'kana', 'address', 'phone']),
  fixedTexts: { [HOUSEHOLD_ROOT]: ['name', 'address', 'phone'] },
});
