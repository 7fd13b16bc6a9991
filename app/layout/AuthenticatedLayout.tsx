import { Navigate, Outlet } from 'react-router';
import { ja } from '../i18n/ja.ts';
import { ReloginDialog } from '../session/ReloginDialog.tsx';
import { useExpiryWatch } from '../session/useExpiryWatch.ts';
import { useSessionState } from '../session/useSessionState.ts';
import { AppHeader } from './AppHeader.tsx';

/**
 * Every screen behind the login. The re-login dialog is rendered next to the page, never
 * instead of it, so that the page (and an open editor) survives an expired token.
 */
export function AuthenticatedLayout() {
  const { session, reloginReason } = useSessionState();
  useExpiryWatch(session?.expiresAt);

  if (session === null) return <Navigate to="/login" replace />;

  return (
    <>
      <a href="#main" className="skip-link">
        {ja.skipToMain}
      </a>
      <AppHeader session={session} />
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      {reloginReason !== null && <ReloginDialog reason={reloginReason} user={session.user} />}
    </>
  );
}
