import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { CloseCode } from '../../model/closeCodes.ts';
import { casePermissions, effectiveLevel, noStanding, type CaseActor } from '../../model/access/casePermissions.ts';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { AccessRepository } from '../store/accessRepository.ts';
import type { MeetingRepository } from '../store/meetingRepository.ts';
import { CollaborationRefusal, type KasaneContext } from './context.ts';

/**
 * Verifies the collaboration token, and decides from the case's sharing policy whether this
 * agency may open this document, and how: refused, read-only, or read-write. An agency that may
 * see a section only masked is refused its source and gets the server-derived masked view.
 * Identity for everything after this comes from here, never from the client.
 */
export class AuthenticationExtension implements Extension {
  extensionName = 'kasane-authentication';
  private readonly tokens: TokenService;
  private readonly access: AccessRepository;
  private readonly meetings: MeetingRepository;

  constructor(tokens: TokenService, access: AccessRepository, meetings: MeetingRepository) {
    this.tokens = tokens;
    this.access = access;
    this.meetings = meetings;
  }

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<KasaneContext> {
    const verification = await this.tokens.verify(token, 'collab');
    if (!verification.ok) {
      throw new CollaborationRefusal(
        verification.reason === 'expired' ? CloseCode.TokenExpired : CloseCode.Unauthorized,
      );
    }
    const { claims } = verification;
    const parsed = parseCaseDocumentName(documentName);
    if (!parsed) throw new CollaborationRefusal(CloseCode.Forbidden);
    // A meeting's minutes are governed like the case's minutes, but only for a meeting that exists.
    const meetingStatus = parsed.meetingId === undefined ? undefined : await this.meetings.status(parsed.caseId, parsed.meetingId);
    if (meetingStatus === null) throw new CollaborationRefusal(CloseCode.Forbidden);
    const actor: CaseActor = { role: claims.role, agencyId: claims.agencyId };
    const standing = (await this.access.standing(parsed.caseId, claims.agencyId)) ?? noStanding;
    const mode = casePermissions.open(actor, standing, parsed.section, parsed.view);
    if (!mode) throw new CollaborationRefusal(CloseCode.Forbidden);
    const level = effectiveLevel(actor, standing, parsed.section);
    // A closed meeting's minutes are the record of what was said then: nobody edits them afterwards.
    connectionConfig.readOnly = mode === 'read-only' || meetingStatus === '終了';
    return {
      user: { id: claims.sub, name: claims.name, agencyId: claims.agencyId, agencyName: claims.agencyName },
      caseId: parsed.caseId,
      section: parsed.section,
      view: parsed.view,
      level,
      tokenExpiresAt: claims.exp,
    };
  }
}
