import { z } from 'zod';
import { TargetSchema } from '../../shared/schemas/target';
import { router, viewerProcedure } from '../trpc';

export const targetsRouter = router({
  list: viewerProcedure.output(z.array(TargetSchema)).query(({ ctx }) => ctx.deps.store.listTargets()),
});
