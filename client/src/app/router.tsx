import { createBrowserRouter } from 'react-router';
import { FlagsPage } from '../features/flags/flags-page';
import { ImportsPage } from '../features/imports/imports-page';
import { OverviewPage } from '../features/overview/overview-page';
import { RankingsPage } from '../features/rankings/rankings-page';
import { TargetsPage } from '../features/targets/targets-page';
import { Layout } from './layout';
import { NotFound } from './not-found';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <OverviewPage /> },
      { path: '/rankings', element: <RankingsPage /> },
      { path: '/flags', element: <FlagsPage /> },
      { path: '/units/:code', lazy: async () => ({ Component: (await import('../features/unit-detail/unit-page')).UnitPage }) },
      { path: '/targets', element: <TargetsPage /> },
      { path: '/imports', element: <ImportsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
