import { noStanding, type CaseActor, type CaseStanding } from '../../model/access/casePermissions.ts';
import type { TokenClaims } from '../../model/tokens.ts';
import type { Queryable } from '../db/database.ts';
import { AccessRepository } from '../store/accessRepository.ts';

export interface CaseAuthorization {
  actor: CaseActor;
  standing: CaseStanding;
  /** False for an unknown case; its standing is then `noStanding`, which permits nothing. */
  exists: boolean;
}

/** The actor comes from the verified token only. */
export const actorOf = (claims: TokenClaims): CaseActor => ({ role: claims.role, agencyId: claims.agencyId });

/** Reads what `casePermissions` needs to decide an HTTP request on one case. */
export function caseAuthorizer(db: Queryable) {
  const access = new AccessRepository(db);
  return async (caseId: string, claims: TokenClaims): Promise<CaseAuthorization> => {
    const standing = await access.standing(caseId, claims.agencyId);
    return { actor: actorOf(claims), standing: standing ?? noStanding, exists: standing !== null };
  };
}
