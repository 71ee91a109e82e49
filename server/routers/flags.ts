import { FlagListSchema, FlagsInputSchema } from '../../shared/schemas/api';
import { flagList } from '../analytics/flags';
import { router, viewerProcedure } from '../trpc';

export const flagsRouter = router({
  list: viewerProcedure.input(FlagsInputSchema).output(FlagListSchema).query(({ ctx, input }) => flagList(ctx.deps, input)),
});
