import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CurrentUser } from '../../model/api.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { currentSession, requireRelogin } from '../session/sessionStore.ts';
import { useSessionState } from '../session/useSessionState.ts';
import { CaseCollaboration, type CaseCollaborationSnapshot } from './caseCollaboration.ts';
import { collaborationUrl } from './collaborationUrl.ts';
import { userColor } from './userColor.ts';

const subscribeNothing = (): (() => void) => () => {};
const pendingSnapshot: CaseCollaborationSnapshot = { saveStatus: 'connecting', people: [] };
const getPendingSnapshot = (): CaseCollaborationSnapshot => pendingSnapshot;

/**
 * One socket and set of documents per mounted case page. Created in an effect (not during
 * render) so that StrictMode's extra mount destroys its own socket instead of leaking one,
 * and deliberately independent of the token: a re-login reconnects the same providers so
 * nothing typed in the meantime is lost.
 */
export function useCaseCollaboration(caseId: CaseId, user: CurrentUser): {
  readonly collaboration: CaseCollaboration | null;
  readonly snapshot: CaseCollaborationSnapshot;
  /** Counts the times the server said this agency's access changed. */
  readonly accessChanges: number;
} {
  const [collaboration, setCollaboration] = useState<CaseCollaboration | null>(null);
  const [accessChanges, setAccessChanges] = useState(0);
  const { id, name, agencyName } = user;

  useEffect(() => {
    const created = new CaseCollaboration({
      url: collaborationUrl(window.location),
      caseId,
      user: { id, name, agencyName, color: userColor(id) },
      getCollabToken: () => currentSession()?.collabToken ?? null,
      onReloginRequired: requireRelogin,
      onAccessChanged: () => setAccessChanges((count) => count + 1),
    });
    // The socket is an external resource owned by this effect; state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCollaboration(created);
    return () => {
      created.destroy();
      setCollaboration((current) => (current === created ? null : current));
    };
  }, [caseId, id, name, agencyName]);

  const collabToken = useSessionState().session?.collabToken;
  useEffect(() => {
    if (collabToken !== undefined) collaboration?.tokenRefreshed();
  }, [collaboration, collabToken]);

  const snapshot = useSyncExternalStore(
    collaboration?.subscribe ?? subscribeNothing,
    collaboration?.getSnapshot ?? getPendingSnapshot,
  );
  return { collaboration, snapshot, accessChanges };
}
