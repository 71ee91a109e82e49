import { Outlet } from 'react-router';
import type { Role } from '../../../shared/domain/access';
import { NotAllowed } from '../components/ui/not-allowed';
import { useMe } from '../lib/use-me';

/** Pages of some roles only: another role sees "not allowed" at once (the server refuses its queries anyway). */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useMe().data;
  if (me && !roles.includes(me.role)) return <NotAllowed />;
  return <Outlet />;
}
