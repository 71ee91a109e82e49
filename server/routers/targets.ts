import { z } from 'zod';
import { TargetInputSchema, TargetSchema } from '../../shared/schemas/target';
import { isMeasure, isRateMeasure } from '../../shared/domain/measure';
import { cachedIndicators } from '../analytics/definitions';
import { UserError } from '../errors';
import { auditBy, roleProcedure, router, viewerProcedure } from '../trpc';
import { msg } from '../../shared/messages/catalogue';

const TargetKeySchema = TargetSchema.pick({ measure: true, kind: true, unitCode: true, effectiveFrom: true });
type TargetKey = z.infer<typeof TargetKeySchema>;

/** Targets are identified by measure, scope and start date (SPEC §4: the same key replaces). */
const sameKey = (a: TargetKey) => (b: TargetKey) => a.measure === b.measure && a.kind === b.kind && a.unitCode === b.unitCode && a.effectiveFrom === b.effectiveFrom;
const describeKey = (t: TargetKey) => `${t.measure}/${t.kind ?? t.unitCode}/${t.effectiveFrom}`;

export const targetsRouter = router({
  list: viewerProcedure.output(z.array(TargetSchema)).query(({ ctx }) => ctx.deps.store.listTargets()),
  upsert: roleProcedure('admin')
    .input(TargetInputSchema)
    .output(TargetSchema)
    .mutation(async ({ ctx, input }) => {
      if (isMeasure(input.measure)) {
        if (isRateMeasure(input.measure) && input.threshold > 100) throw new UserError('BAD_REQUEST', msg('target.rateOver100'));
      } else {
        const indicator = (await cachedIndicators(ctx.deps)).find((i) => i.code === input.measure);
        if (!indicator) throw new UserError('BAD_REQUEST', msg('target.unknownMeasure', { measure: input.measure }));
        if (indicator.unit === 'percent' && input.threshold > 100) throw new UserError('BAD_REQUEST', msg('target.percentOver100', { code: indicator.code }));
      }
      if (input.deadline && input.deadline < input.effectiveFrom) throw new UserError('BAD_REQUEST', msg('target.deadlineBeforeStart'));
      if (input.unitCode && !(await ctx.deps.store.listUnits()).some((u) => u.code === input.unitCode)) throw new UserError('BAD_REQUEST', msg('unit.unknown', { code: input.unitCode }));
      const target = { measure: input.measure, kind: input.kind ?? null, unitCode: input.unitCode ?? null, threshold: input.threshold, effectiveFrom: input.effectiveFrom, deadline: input.deadline ?? null };
      const before = (await ctx.deps.store.listTargets()).find(sameKey(target)) ?? null;
      await ctx.deps.store.upsertTarget(target, auditBy(ctx, 'target.upsert', describeKey(target), before, target));
      return target;
    }),
  delete: roleProcedure('admin')
    .input(TargetKeySchema)
    .output(z.object({ deleted: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const before = (await ctx.deps.store.listTargets()).find(sameKey(input));
      if (!before) throw new UserError('NOT_FOUND', msg('target.unknown'));
      const deleted = await ctx.deps.store.deleteTarget(input, auditBy(ctx, 'target.delete', describeKey(input), before, null));
      return { deleted };
    }),
});
