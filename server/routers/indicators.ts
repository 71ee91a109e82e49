import { z } from 'zod';
import { IndicatorSchema, IndicatorValueSchema } from '../../shared/schemas/indicator';
import { UnitCodeSchema } from '../../shared/schemas/unit';
import { cachedIndicators } from '../analytics/definitions';
import { router, viewerProcedure } from '../trpc';

export const indicatorsRouter = router({
  list: viewerProcedure.output(z.array(IndicatorSchema)).query(({ ctx }) => cachedIndicators(ctx.deps)),
  /** Reported values; a unit head sees its own unit's only. */
  values: viewerProcedure
    .input(z.object({ unitCode: UnitCodeSchema.optional(), indicator: z.string().max(100).optional() }).optional())
    .output(z.array(IndicatorValueSchema))
    .query(async ({ ctx, input }) => {
      const own = ctx.viewer.role === 'unit_head' ? ctx.viewer.unitCode : null;
      const unitCode = own ?? input?.unitCode;
      return (await ctx.deps.store.listIndicatorValues()).filter((v) => (!unitCode || v.unitCode === unitCode) && (!input?.indicator || v.indicator === input.indicator));
    }),
});
