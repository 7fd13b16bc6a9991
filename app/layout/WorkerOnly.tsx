import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { homePath } from '../../model/access/casePermissions.ts';
import { useSessionState } from '../session/useSessionState.ts';

/**
 * Case screens. The municipal administrator takes part in no case (the server refuses them
 * every case anyway), so they are sent to their own screens instead of an error.
 */
export function WorkerOnly({ children }: { readonly children: ReactNode }) {
  const role = useSessionState().session?.user.role;
  if (role === 'admin') return <Navigate to={homePath(role)} replace />;
  return children;
}
