import { describe, expect, it } from 'vitest';
import { accessBasis, proposedMasking } from '../../model/access/accessBasis.ts';
import { accessLevels, defaultAccess, levelOf, openingMode, type AccessLevel } from '../../model/access/accessLevels.ts';
import type { Consent } from '../../model/access/sharingApi.ts';
import { caseSections, documentViews } from '../../model/documentNames.ts';

const coordinator = '00000000-0000-4000-8000-000000000001';
const agency = '00000000-0000-4000-8000-000000000002';
const other = '00000000-0000-4000-8000-000000000003';

const consent = (status: Consent['status'], agencyIds: string[]): Consent => ({
  memberId: 'member-1', status, consentedOn: null, method: null, agencyIds, note: '',
});

describe('the access policy matrix', () => {
  const expected: Record<AccessLevel, Record<(typeof documentViews)[number], string | null>> = {
    edit: { source: 'read-write', masked: null },
    view: { source: 'read-only', masked: null },
    masked: { source: null, masked: 'read-only' },
    hidden: { source: null, masked: null },
  };

  for (const section of caseSections) {
    for (const level of accessLevels) {
      for (const view of documentViews) {
        it(`${section} at ${level}, ${view} document → ${expected[level][view] ?? 'refused'}`, () => {
          expect(openingMode(levelOf({ [section]: level }, section), view)).toBe(expected[level][view]);
        });
      }
    }
  }

  it('hides a section nobody set, and gives the coordinator everything', () => {
    for (const section of caseSections) {
      expect(levelOf({}, section)).toBe('hidden');
      expect(levelOf(defaultAccess('coordinator'), section)).toBe('edit');
    }
    expect(levelOf(defaultAccess('participant'), 'members')).toBe('masked');
    expect(levelOf(defaultAccess('participant'), 'member-health')).toBe('hidden');
  });
});

describe('the basis of an agency’s access', () => {
  const basis = (consents: Consent[], meeting: string[] = [], who = agency) =>
    accessBasis({ agencyId: who, coordinatorAgencyId: coordinator, consents, meetingBasisAgencyIds: meeting });

  it.each([
    ['the coordinator, whatever was consented', [], [], coordinator, 'coordinator'],
    ['consent that names the agency', [consent('同意あり', [agency])], [], agency, 'consent'],
    ['consent that names another agency', [consent('同意あり', [other])], [], agency, 'none'],
    ['a refusal', [consent('同意なし', [agency])], [], agency, 'none'],
    ['a refusal, but a 支援会議', [consent('同意なし', [agency])], [agency], agency, 'meeting'],
    ['nothing recorded, but a 支援会議', [], [agency], agency, 'meeting'],
    ['nothing recorded', [], [], agency, 'none'],
    ['consent from one member, refusal from another', [consent('同意あり', [agency]), { ...consent('同意なし', [agency]), memberId: 'member-2' }], [], agency, 'none'],
    ['consent from one member, another not yet asked', [consent('同意あり', [agency]), { ...consent('未確認', []), memberId: 'member-2' }], [], agency, 'consent'],
  ] as const)('%s', (_label, consents, meeting, who, result) => {
    expect(basis([...consents], [...meeting], who)).toBe(result);
  });

  it('proposes masking for every section seen in full without a basis, and nothing with one', () => {
    const levels = { overview: 'edit', members: 'view', 'member-finance': 'masked', plan: 'hidden' } as const;
    expect(proposedMasking(levels, 'none').sort()).toEqual(['members', 'overview']);
    expect(proposedMasking(levels, 'consent')).toEqual([]);
    expect(proposedMasking(levels, 'meeting')).toEqual([]);
  });
});
