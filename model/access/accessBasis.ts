import { caseSections, type CaseSection } from '../documentNames.ts';
import type { AgencyAccess } from './accessLevels.ts';
import type { AccessBasis, Consent } from './sharingApi.ts';

/**
 * Sections whose full view discloses who the household is: all of them, since names travel in
 * every free text (the minutes, the progress log, the plan).
 */
export const identifyingSections: readonly CaseSection[] = caseSections;

/**
 * On what an agency's access to the household's information rests: the coordinator's own
 * role, 本人同意 covering it (every member with a record has consented and named it), or a
 * 支援会議 under 社会福祉法第106条の6. Otherwise there is no basis.
 */
export function accessBasis(input: {
  agencyId: string;
  coordinatorAgencyId: string;
  consents: readonly Consent[];
  meetingBasisAgencyIds: readonly string[];
}): AccessBasis {
  if (input.agencyId === input.coordinatorAgencyId) return 'coordinator';
  const recorded = input.consents.filter((consent) => consent.status !== '未確認' || consent.agencyIds.length > 0);
  if (
    recorded.length > 0 &&
    recorded.every((consent) => consent.status === '同意あり' && consent.agencyIds.includes(input.agencyId))
  ) {
    return 'consent';
  }
  if (input.meetingBasisAgencyIds.includes(input.agencyId)) return 'meeting';
  return 'none';
}

/** With no basis, every section the agency sees in full is proposed for masking. */
export function proposedMasking(levels: AgencyAccess, basis: AccessBasis): CaseSection[] {
  if (basis !== 'none') return [];
  return identifyingSections.filter((section) => levels[section] === 'edit' || levels[section] === 'view');
}
