import { OverviewSchema, PeriodInputSchema, RankingInputSchema, WhatIfInputSchema, WhatIfOutputSchema } from '../../shared/schemas/api';
import { RankingOutputSchema } from '../../shared/schemas/ranking';
import { overview } from '../analytics/overview';
import { ranking } from '../analytics/ranking';
import { whatIf } from '../analytics/what-if';
import { router, unitScope, viewerProcedure } from '../trpc';
import { validatedOnce } from '../validated-output';

export const kpiRouter = router({
  overview: viewerProcedure.input(PeriodInputSchema).output(OverviewSchema).query(({ ctx, input }) => overview(ctx.deps, input)),
  ranking: viewerProcedure.input(RankingInputSchema).output(validatedOnce(RankingOutputSchema, 'rows')).query(({ ctx, input }) => ranking(ctx.deps, input)),
  /** A query: it changes nothing, and a leader may bookmark a scenario. */
  whatIf: viewerProcedure.input(WhatIfInputSchema).use(unitScope).output(WhatIfOutputSchema).query(({ ctx, input }) => whatIf(ctx.deps, input)),
});
