import { createContext, useContext } from 'react';
import type { Locale, Permission, SessionView } from '../api/types';

/** What the session provider offers to every page. */
export interface SessionContextValue {
  /** The last known answer of GET /api/auth/session (or of a login step). */
  view: SessionView;
  /** True after an explicit sign-out in this tab (not after an expired session). */
  signedOutByUser: boolean;
  /** Ask the server again. */
  refresh: () => Promise<SessionView>;
  /** Take a SessionView returned by a login step as the current one. */
  apply: (view: SessionView) => void;
  /** End the session on the server and forget it here. */
  signOut: () => Promise<void>;
  /** Switch the language; when signed in, also store it as the user's preference. */
  changeLanguage: (locale: Locale) => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The current session; only inside SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** True when the signed-in user holds the permission. */
export function hasPermission(view: SessionView, permission: Permission): boolean {
  return view.status === 'ok' && Boolean(view.user?.permissions.includes(permission));
}

/** Where a session in this state belongs: login, the code step, the 2FA setup, or the app. */
export function pathForStatus(view: SessionView): string {
  switch (view.status) {
    case 'ok':
      return view.user ? '/' : '/login';
    case 'mfa_required':
      return '/login/code';
    case 'mfa_setup_required':
      return '/login/two-factor';
    default:
      return '/login';
  }
}

/** Where to go after the last sign-in step: back to the page that asked for it, else home. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}
