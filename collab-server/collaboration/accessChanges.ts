import type { Hocuspocus } from '@hocuspocus/server';
import { levelOf, type AgencyAccess } from '../../model/access/accessLevels.ts';
import { CloseCode } from '../../model/closeCodes.ts';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import type { KasaneContext } from './context.ts';

/**
 * Applies a sharing change to people who have the case open: every document of the case that
 * an agency now sees differently (hidden, masked, read-only, or more) is closed for that agency
 * with 'access-changed'; its browser asks for its access again and opens what it may now see.
 */
export function applyAccessChange(hocuspocus: Hocuspocus, caseId: string, agencyId: string, access: AgencyAccess): number {
  let closed = 0;
  for (const document of hocuspocus.documents.values()) {
    const parsed = parseCaseDocumentName(document.name);
    if (parsed?.caseId !== caseId) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as KasaneContext | undefined;
      if (context?.user.agencyId !== agencyId) continue;
      if (levelOf(access, parsed.section) === context.level) continue;
      connection.close({ code: CloseCode.AccessChanged.code, reason: CloseCode.AccessChanged.reason });
      closed += 1;
    }
  }
  return closed;
}

/** The agencies that have some document of the case open on this instance (all cases when none is given). */
export function agenciesConnected(hocuspocus: Hocuspocus, caseId?: string): { caseId: string; agencyId: string }[] {
  const pairs = new Map<string, { caseId: string; agencyId: string }>();
  for (const document of hocuspocus.documents.values()) {
    const parsed = parseCaseDocumentName(document.name);
    if (!parsed || (caseId !== undefined && parsed.caseId !== caseId)) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as KasaneContext | undefined;
      if (context) pairs.set(`${parsed.caseId}/${context.user.agencyId}`, { caseId: parsed.caseId, agencyId: context.user.agencyId });
    }
  }
  return [...pairs.values()];
}
