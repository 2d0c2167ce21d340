import type { SessionView } from '../../api/types';
import { useLocation, useNavigate } from 'react-router';
import { pathForStatus, returnPath } from '../../session/session-context';

/**
 * After a sign-in step: on to the page that asked for sign-in once the session is complete, else to
 * the next step, carrying along where to return.
 */
export function useContinueSignIn(): (next: SessionView) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return (next) => navigate(next.status === 'ok' ? returnPath(location.state) : pathForStatus(next), { replace: true, state: location.state });
}
