import { Navigate, useNavigate } from 'react-router';
import { homePath } from '../../model/access/casePermissions.ts';
import type { LoginRequest } from '../../model/api.ts';
import { login } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { useDocumentTitle } from '../layout/useDocumentTitle.ts';
import { LoginForm } from '../session/LoginForm.tsx';
import { setSession } from '../session/sessionStore.ts';
import { useSessionState } from '../session/useSessionState.ts';

export function LoginPage() {
  useDocumentTitle(ja.login.heading);
  const navigate = useNavigate();
  const { session } = useSessionState();

  if (session !== null) return <Navigate to={homePath(session.user.role)} replace />;

  async function handleSubmit(credentials: LoginRequest): Promise<string | null> {
    try {
      const started = await login(credentials);
      setSession(started);
      void navigate(homePath(started.user.role), { replace: true });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  return (
    <main id="main" className="login-page">
      <div className="login-page__panel">
        <p className="login-page__brand">{ja.appName}</p>
        <h1 className="login-page__heading">{ja.login.heading}</h1>
        <p className="login-page__lead">{ja.login.lead}</p>
        <LoginForm onSubmit={handleSubmit} autoFocus />
      </div>
    </main>
  );
}
