import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../api/types';
import { hasPermission, pathForStatus, useSession } from '../session/session-context';
import { NotAllowed } from './not-allowed';

/** Renders the app routes only for a complete session; sends anyone else to the right sign-in step. */
export function RequireSignedIn() {
  const { view, signedOutByUser } = useSession();
  const location = useLocation();
  if (view.status !== 'ok' || !view.user) {
    const state = signedOutByUser ? undefined : { from: location.pathname + location.search };
    return <Navigate to={pathForStatus(view)} replace state={state} />;
  }
  return <Outlet />;
}

/** Shows the page only to users with the permission; the server checks again on every request. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { view } = useSession();
  if (!hasPermission(view, permission)) return <NotAllowed />;
  return <>{children}</>;
}
