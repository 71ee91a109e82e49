import { OverviewSchema, PeriodInputSchema, RankingInputSchema } from '../../shared/schemas/api';
import { RankingOutputSchema } from '../../shared/schemas/ranking';
import { overview } from '../analytics/overview';
import { ranking } from '../analytics/ranking';
import { router, viewerProcedure } from '../trpc';

export const kpiRouter = router({
  overview: viewerProcedure.input(PeriodInputSchema).output(OverviewSchema).query(({ ctx, input }) => overview(ctx.deps, input)),
  ranking: viewerProcedure.input(RankingInputSchema).output(RankingOutputSchema).query(({ ctx, input }) => ranking(ctx.deps, input)),
});
