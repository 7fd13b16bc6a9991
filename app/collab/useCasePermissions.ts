import { casePermissions } from '../../model/access/casePermissions.ts';
import type { CaseSection } from '../../model/documentNames.ts';
import { useCaseContext } from './CaseContext.tsx';

/**
 * The server's permission rules, asked with this agency's levels so that a screen offers only
 * what the server would accept. Where the levels are unknown every action is offered and the
 * server, which decides anyway, refuses what is not allowed.
 */
export function useCasePermissions() {
  const { user, access } = useCaseContext();
  const actor = { role: user.role, agencyId: user.agencyId };
  const standing = { participates: true, coordinates: false, levels: access ?? {} };
  const known = access !== null;
  return {
    manageMeetings: !known || casePermissions.manageMeetings(actor, standing),
    nameVersions: !known || casePermissions.nameVersions(actor, standing),
    restore: (section: CaseSection) => !known || casePermissions.restore(actor, standing, section),
    /** A decision goes to the plan or the progress log; offered where either may be written. */
    writeDecisions: !known || (['plan', 'progress-log'] as const).some((target) => casePermissions.writeDecision(actor, standing, target)),
  };
}
