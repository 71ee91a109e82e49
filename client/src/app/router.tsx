import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { FlagsPage } from '../features/flags/flags-page';
import { ImportsPage } from '../features/imports/imports-page';
import { OverviewPage } from '../features/overview/overview-page';
import { RankingsPage } from '../features/rankings/rankings-page';
import { TargetsPage } from '../features/targets/targets-page';
import { Loading } from '../components/ui/status';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { RequireAuth } from './require-auth';
import { RequireRole } from './require-role';

const lazyPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    // What shows while a page opened directly (not navigated to) loads its code: without it React Router renders
    // nothing and warns on the console.
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <Layout />,
        children: [
          { path: '/', element: <OverviewPage /> },
          { path: '/rankings', element: <RankingsPage /> },
          { path: '/flags', element: <FlagsPage /> },
          { path: '/units/:code', lazy: lazyPage(() => import('../features/unit-detail/unit-page')) },
          { path: '/targets', element: <TargetsPage /> },
          { element: <RequireRole roles={['data_officer', 'admin']} />, children: [{ path: '/imports', element: <ImportsPage /> }] },
          { path: '/reports', lazy: lazyPage(() => import('../features/reports/reports-page')) },
          { path: '/notices', lazy: lazyPage(() => import('../features/notices/notices-page')) },
          { path: '/programme', lazy: lazyPage(() => import('../features/programme/programme-page')) },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: '/admin/users', lazy: lazyPage(() => import('../features/admin/users-page')) },
              { path: '/admin/units', lazy: lazyPage(() => import('../features/admin/units-page')) },
              { path: '/admin/indicators', lazy: lazyPage(() => import('../features/admin/indicators-page')) },
              { path: '/admin/indexes', lazy: lazyPage(() => import('../features/admin/indexes-page')) },
              { path: '/admin/ladder', lazy: lazyPage(() => import('../features/admin/ladder-page')) },
              { path: '/admin/audit', lazy: lazyPage(() => import('../features/admin/audit-page')) },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
