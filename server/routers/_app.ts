import { router } from '../trpc';
import { flagsRouter } from './flags';
import { importsRouter } from './imports';
import { kpiRouter } from './kpi';
import { periodsRouter } from './periods';
import { targetsRouter } from './targets';
import { unitsRouter } from './units';

export const appRouter = router({
  periods: periodsRouter,
  kpi: kpiRouter,
  units: unitsRouter,
  flags: flagsRouter,
  targets: targetsRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;
