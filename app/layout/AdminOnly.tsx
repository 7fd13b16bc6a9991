import type { ReactNode } from 'react';
import { ja } from '../i18n/ja.ts';
import { useSessionState } from '../session/useSessionState.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

/**
 * Screens for the municipal administrator. The server refuses their data to anyone else
 * anyway; this only spares everyone else a screen that cannot work for them.
 */
export function AdminOnly({ children }: { readonly children: ReactNode }) {
  const role = useSessionState().session?.user.role;
  if (role !== 'admin') return <NotAllowed />;
  return children;
}

function NotAllowed() {
  useDocumentTitle(ja.adminOnly.title);
  return (
    <div className="stack">
      <h1 className="page__heading">{ja.adminOnly.heading}</h1>
      <p role="alert" className="message message--error">
        {ja.adminOnly.body}
      </p>
    </div>
  );
}
