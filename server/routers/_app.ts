import { router } from '../trpc';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { usersRouter } from './users';
import { flagsRouter } from './flags';
import { importsRouter } from './imports';
import { kpiRouter } from './kpi';
import { periodsRouter } from './periods';
import { reportsRouter } from './reports';
import { targetsRouter } from './targets';
import { unitsRouter } from './units';
import { indexesRouter } from './indexes';
import { indicatorsRouter } from './indicators';
import { commitmentsRouter } from './commitments';
import { decisionsRouter } from './decisions';
import { noticesRouter } from './notices';
import { escalationRouter } from './escalation';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  periods: periodsRouter,
  kpi: kpiRouter,
  units: unitsRouter,
  flags: flagsRouter,
  targets: targetsRouter,
  imports: importsRouter,
  reports: reportsRouter,
  indexes: indexesRouter,
  indicators: indicatorsRouter,
  commitments: commitmentsRouter,
  decisions: decisionsRouter,
  notices: noticesRouter,
  escalation: escalationRouter,
});

export type AppRouter = typeof appRouter;
