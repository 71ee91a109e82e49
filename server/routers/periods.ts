import { PeriodListSchema, PeriodsInputSchema } from '../../shared/schemas/api';
import { periodList } from '../analytics/periods';
import { router, viewerProcedure } from '../trpc';

export const periodsRouter = router({
  list: viewerProcedure.input(PeriodsInputSchema).output(PeriodListSchema).query(({ ctx, input }) => periodList(ctx.deps, input?.kind)),
});
