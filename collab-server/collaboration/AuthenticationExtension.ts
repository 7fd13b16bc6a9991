import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { CloseCode } from '../../model/closeCodes.ts';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { CaseRepository } from '../store/caseRepository.ts';
import { CollaborationRefusal, type KasaneContext } from './context.ts';

/**
 * Verifies the collaboration token and that the user's agency takes part in the case the
 * document belongs to. Identity for everything after this comes from here, never from the client.
 */
export class AuthenticationExtension implements Extension {
  extensionName = 'kasane-authentication';
  priority = 900;
  private readonly tokens: TokenService;
  private readonly cases: CaseRepository;

  constructor(tokens: TokenService, cases: CaseRepository) {
    this.tokens = tokens;
    this.cases = cases;
  }

  async onAuthenticate({ token, documentName }: onAuthenticatePayload): Promise<KasaneContext> {
    const verification = await this.tokens.verify(token, 'collab');
    if (!verification.ok) {
      throw new CollaborationRefusal(
        verification.reason === 'expired' ? CloseCode.TokenExpired : CloseCode.Unauthorized,
      );
    }
    const { claims } = verification;
    const parsed = parseCaseDocumentName(documentName);
    if (!parsed || !(await this.cases.agencyTakesPart(parsed.caseId, claims.agencyId))) {
      throw new CollaborationRefusal(CloseCode.Forbidden);
    }
    return {
      user: { id: claims.sub, name: claims.name, agencyId: claims.agencyId, agencyName: claims.agencyName },
      caseId: parsed.caseId,
      section: parsed.section,
      tokenExpiresAt: claims.exp,
    };
  }
}
