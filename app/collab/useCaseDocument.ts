import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CurrentUser } from '../../model/api.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { currentSession, requireRelogin } from '../session/sessionStore.ts';
import { useSessionState } from '../session/useSessionState.ts';
import {
  CaseDocumentConnection,
  initialSnapshot,
  type CaseDocumentSnapshot,
} from './caseDocumentConnection.ts';
import { collaborationUrl } from './collaborationUrl.ts';
import { userColor } from './userColor.ts';

export interface CaseDocument {
  /** Null until the effect has run, and between StrictMode's unmount and remount. */
  readonly connection: CaseDocumentConnection | null;
  readonly snapshot: CaseDocumentSnapshot;
}

const subscribeNothing = (): (() => void) => () => {};
const getInitialSnapshot = (): CaseDocumentSnapshot => initialSnapshot;

/**
 * One provider and Y.Doc per mounted case page. They are created in an effect (not during
 * render) so that StrictMode's extra mount destroys its own provider instead of leaking a
 * second socket, and they deliberately do not depend on the token: a re-login reconnects the
 * same provider so nothing typed in the meantime is lost.
 */
export function useCaseDocument(caseId: CaseId, user: CurrentUser): CaseDocument {
  const [connection, setConnection] = useState<CaseDocumentConnection | null>(null);
  const { id, name, agencyName } = user;

  useEffect(() => {
    const created = new CaseDocumentConnection({
      url: collaborationUrl(window.location),
      caseId,
      user: { id, name, agencyName, color: userColor(id) },
      getCollabToken: () => currentSession()?.collabToken ?? null,
      onReloginRequired: requireRelogin,
    });
    // The provider is an external resource owned by this effect; state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConnection(created);
    return () => {
      created.destroy();
      setConnection((current) => (current === created ? null : current));
    };
  }, [caseId, id, name, agencyName]);

  const collabToken = useSessionState().session?.collabToken;
  useEffect(() => {
    if (collabToken !== undefined) connection?.tokenRefreshed();
  }, [connection, collabToken]);

  const snapshot = useSyncExternalStore(
    connection?.subscribe ?? subscribeNothing,
    connection?.getSnapshot ?? getInitialSnapshot,
  );

  return { connection, snapshot };
}
