import { z } from 'zod';
import { DEFAULT_LADDER_VERSION } from '../../shared/kpi/escalation';
import { LadderInputSchema, LadderSaveInputSchema, LadderVersionSchema } from '../../shared/schemas/accountability';
import { ladderFor, ladderToday, ladderVersions, saveLadder } from '../accountability/ladder';
import { periodOrThrow } from '../analytics/deps';
import { auditBy, roleProcedure, router, viewerProcedure } from '../trpc';

export const escalationRouter = router({
  /** The ladder in force for a period (its last day), or today when no period is named. */
  ladder: viewerProcedure
    .input(LadderInputSchema)
    .output(LadderVersionSchema)
    .query(({ ctx, input }) => (input?.period ? ladderFor(ctx.deps, periodOrThrow(input.period)) : ladderToday(ctx.deps))),
  /** SPEC §9's default (version 0), then every saved version, oldest first. */
  versions: roleProcedure('admin')
    .output(z.array(LadderVersionSchema))
    .query(async ({ ctx }) => [DEFAULT_LADDER_VERSION, ...(await ladderVersions(ctx.deps))]),
  /** Saves the ladder as a new version, in force for the periods ending on or after `effectiveFrom`; audited. */
  save: roleProcedure('admin')
    .input(LadderSaveInputSchema)
    .output(LadderVersionSchema)
    .mutation(({ ctx, input }) => saveLadder(ctx.deps, input, ctx.viewer.username, auditBy(ctx, 'ladder.save', null, null, null))),
});
