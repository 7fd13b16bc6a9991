import { describe, expect, it } from 'vitest';
import { defaultAccess, grantedLevel, type AgencyAccess } from '../../model/access/accessLevels.ts';
import { casePermissions, type CaseActor, type CaseStanding } from '../../model/access/casePermissions.ts';
import { caseSections } from '../../model/documentNames.ts';

const worker: CaseActor = { role: 'worker', agencyId: 'agency' };
const standing = (levels: AgencyAccess): CaseStanding => ({ participates: true, coordinates: false, levels });

describe('what an agency that may not read the household’s identity gets', () => {
  it('a new participant (世帯・世帯員 masked) gets every text section masked, never the source', () => {
    const levels = defaultAccess('participant');
    for (const section of caseSections) {
      if (section === 'members') continue;
      expect(grantedLevel(levels, section), section).toBe(levels[section] === 'hidden' ? 'hidden' : 'masked');
      expect(casePermissions.open(worker, standing(levels), section, 'source'), section).toBeNull();
    }
    expect(casePermissions.open(worker, standing(levels), 'overview', 'masked')).toBe('read-only');
    expect(casePermissions.edit(worker, standing(levels), 'minutes')).toBe(false);
  });

  it('gets what was set once it may read the identity (after 本人同意, say)', () => {
    const levels: AgencyAccess = { ...defaultAccess('participant'), members: 'view' };
    expect(grantedLevel(levels, 'overview')).toBe('edit');
    expect(casePermissions.open(worker, standing(levels), 'minutes', 'source')).toBe('read-write');
  });

  it('with the identity hidden, other sections are masked or hidden, not readable', () => {
    const levels: AgencyAccess = { members: 'hidden', overview: 'view', plan: 'edit', 'member-health': 'hidden' };
    expect(grantedLevel(levels, 'overview')).toBe('masked');
    expect(grantedLevel(levels, 'plan')).toBe('masked');
    expect(grantedLevel(levels, 'member-health')).toBe('hidden');
    expect(grantedLevel(levels, 'members')).toBe('hidden');
  });
});
