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
