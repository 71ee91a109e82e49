import { RankChangeOutputSchema, TrendInputSchema, TrendSchema, UnitDetailInputSchema, UnitDetailSchema, UnitListSchema } from '../../shared/schemas/api';
import { groupOfKind } from '../../shared/schemas/unit';
import { trend } from '../analytics/trend';
import { rankChange } from '../analytics/rank-change';
import { unitDetail } from '../analytics/unit-detail';
import { UnitInputSchema, UnitSchema } from '../../shared/schemas/unit';
import { auditBy, roleProcedure, router, unitScope, viewerProcedure } from '../trpc';

export const unitsRouter = router({
  list: viewerProcedure.output(UnitListSchema).query(async ({ ctx }) => (await ctx.deps.store.listUnits()).map((u) => ({ ...u, group: groupOfKind(u.kind) }))),
  detail: viewerProcedure.input(UnitDetailInputSchema).use(unitScope).output(UnitDetailSchema).query(({ ctx, input }) => unitDetail(ctx.deps, input)),
  upsert: roleProcedure('admin')
    .input(UnitInputSchema)
    .output(UnitSchema)
    .mutation(async ({ ctx, input }) => {
      const unit = { ...input, name: input.name.normalize('NFC').trim() };
      const before = (await ctx.deps.store.listUnits()).find((u) => u.code === unit.code) ?? null;
      await ctx.deps.store.saveUnit(unit, auditBy(ctx, before ? 'unit.update' : 'unit.create', unit.code, before, unit));
      return unit;
    }),
  rankChange: viewerProcedure.input(UnitDetailInputSchema).use(unitScope).output(RankChangeOutputSchema).query(({ ctx, input }) => rankChange(ctx.deps, input)),
  trend: viewerProcedure.input(TrendInputSchema).use(unitScope).output(TrendSchema).query(({ ctx, input }) => trend(ctx.deps, input)),
});
