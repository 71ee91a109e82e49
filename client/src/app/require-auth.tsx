import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorNote } from '../components/ui/status';
import { isUnauthorized, useMe } from '../lib/use-me';

/**
 * Pages behind a session: without one, go to the login page and come back after. The page renders while the session
 * is being checked, so its own queries go out with the check (one batched request) instead of after it; the server
 * refuses them anyway when there is no session.
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.error) {
    if (isUnauthorized(me.error)) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    return <ErrorNote error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <Outlet />;
}
