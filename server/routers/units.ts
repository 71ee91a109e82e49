import { TrendInputSchema, TrendSchema, UnitDetailInputSchema, UnitDetailSchema, UnitListSchema } from '../../shared/schemas/api';
import { groupOfKind } from '../../shared/schemas/unit';
import { trend } from '../analytics/trend';
import { unitDetail } from '../analytics/unit-detail';
import { router, unitScope, viewerProcedure } from '../trpc';

export const unitsRouter = router({
  list: viewerProcedure.output(UnitListSchema).query(async ({ ctx }) => (await ctx.deps.store.listUnits()).map((u) => ({ ...u, group: groupOfKind(u.kind) }))),
  detail: viewerProcedure.input(UnitDetailInputSchema).use(unitScope).output(UnitDetailSchema).query(({ ctx, input }) => unitDetail(ctx.deps, input)),
  trend: viewerProcedure.input(TrendInputSchema).use(unitScope).output(TrendSchema).query(({ ctx, input }) => trend(ctx.deps, input)),
});
