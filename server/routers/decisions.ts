import { z } from 'zod';
import { AccountabilityFilterSchema, DecisionInputSchema, DecisionSchema } from '../../shared/schemas/accountability';
import { addDecision } from '../accountability/decisions';
import { scopedFilter } from '../accountability/scope';
import { auditBy, roleProcedure, router, viewerProcedure } from '../trpc';

export const decisionsRouter = router({
  /** What the meeting decided about a unit; leaders (and admins, who keep the record straight) add them. */
  add: roleProcedure('leader', 'admin')
    .input(DecisionInputSchema)
    .output(DecisionSchema)
    .mutation(({ ctx, input }) => addDecision(ctx.deps, input, ctx.viewer.username, auditBy(ctx, 'decision.add', input.unitCode, null, null))),
  list: viewerProcedure
    .input(AccountabilityFilterSchema)
    .output(z.array(DecisionSchema))
    .query(({ ctx, input }) => ctx.deps.store.listDecisions(scopedFilter(ctx.viewer, input))),
});
