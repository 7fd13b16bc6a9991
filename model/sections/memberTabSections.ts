import { ATTRIBUTION_ROOT, attributionSchema } from './attribution.ts';
import { fieldSection } from './fieldSection.ts';
import { MEMBER_TAB_ROOT, memberTabDocumentSchema, type MemberTabSection } from './memberTabs.ts';
import type { SectionSpec } from './sectionSpec.ts';

const memberTab = (section: MemberTabSection, label: string, textKeys: string[]): SectionSpec =>
  fieldSection({
    label,
    roots: { [MEMBER_TAB_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
    schema: memberTabDocumentSchema(section).extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
    textKeys: new Set(textKeys),
  });

/** The per-member tabs: each its own document, so each can be shared at its own level. */
export const memberTabSections = {
  'member-history': memberTab('member-history', '相談歴', ['history']),
  'member-health': memberTab('member-health', '健康・障がい', ['diagnoses', 'note']),
  'member-finance': memberTab('member-finance', '収入・公的給付・債務', ['label', 'note']),
  'member-work': memberTab('member-work', '職業・職歴', ['employer', 'occupation', 'note']),
  'member-nationality': memberTab('member-nationality', '国籍・在留資格', ['nationality', 'note']),
} satisfies Record<MemberTabSection, SectionSpec>;
