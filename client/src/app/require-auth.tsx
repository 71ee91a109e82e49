import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorNote, Loading } from '../components/ui/status';
import { isUnauthorized, useMe } from '../lib/use-me';

/** Pages behind a session: without one, go to the login page and come back after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.error) {
    if (isUnauthorized(me.error)) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    return <ErrorNote error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) return <Loading />;
  return <Outlet />;
}
