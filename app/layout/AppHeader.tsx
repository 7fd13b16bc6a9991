import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { homePath } from '../../model/access/casePermissions.ts';
import type { Session } from '../../model/api.ts';
import { logout } from '../http/apiClient.ts';
import { ja } from '../i18n/ja.ts';
import { clearSession } from '../session/sessionStore.ts';

interface AppHeaderProps {
  readonly session: Session;
}

export function AppHeader({ session }: AppHeaderProps) {
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const { user } = session;

  async function handleLogout(): Promise<void> {
    if (leaving) return;
    setLeaving(true);
    try {
      await logout(session.accessToken);
    } catch {
      // The server may already consider the token dead; the local session goes regardless.
    }
    clearSession();
    void navigate('/login', { replace: true });
  }

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={homePath(user.role)} className="app-header__brand">
          {ja.appName}
        </Link>
        {user.role === 'admin' && (
          <nav className="app-header__nav" aria-label={ja.header.adminNav}>
            <NavLink to="/admin/audit" className="app-header__link">
              {ja.header.audit}
            </NavLink>
          </nav>
        )}
        <div className="app-header__user">
          <span className="app-header__signed-in">
            <span className="visually-hidden">{ja.header.signedInAs}</span>
            {ja.personLabel(user.name, user.agencyName)}
          </span>
          <button type="button" className="button button--secondary button--small" onClick={() => void handleLogout()}>
            {ja.header.logout}
          </button>
        </div>
      </div>
    </header>
  );
}
