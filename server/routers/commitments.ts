import { z } from 'zod';
import { AccountabilityFilterSchema, CommitmentInputSchema, CommitmentSchema } from '../../shared/schemas/accountability';
import { listCommitments, submitCommitment } from '../accountability/commitments';
import { scopedFilter } from '../accountability/scope';
import { auditBy, roleProcedure, router, unitScope, viewerProcedure } from '../trpc';

export const commitmentsRouter = router({
  /** A unit head for their own unit (checked here, on the server), an admin for any. */
  submit: roleProcedure('unit_head', 'admin')
    .input(CommitmentInputSchema)
    .use(unitScope)
    .output(CommitmentSchema)
    .mutation(({ ctx, input }) => submitCommitment(ctx.deps, input, ctx.viewer.username, auditBy(ctx, 'commitment.submit', input.unitCode, null, null))),
  list: viewerProcedure
    .input(AccountabilityFilterSchema)
    .output(z.array(CommitmentSchema))
    .query(({ ctx, input }) => listCommitments(ctx.deps, scopedFilter(ctx.viewer, input))),
});
