import { addCounts, EMPTY_COUNTS, measuresFromCounts } from '../../shared/kpi/measures';
import { cutOff, mustParsePeriod, periodsBetween } from '../../shared/kpi/periods';
import type { Overview, FlagList } from '../../shared/schemas/api';
import type { RankingOutput } from '../../shared/schemas/ranking';
import type { Target } from '../../shared/schemas/target';
import type { Measures } from '../../shared/schemas/measure';
import { flagList } from '../analytics/flags';
import { overview } from '../analytics/overview';
import { ranking } from '../analytics/ranking';
import type { AnalyticsDeps } from '../analytics/deps';

export interface ReportData {
  period: string;
  startDate: string;
  endDate: string;
  asOf: string;
  cutOff: string;
  definition: { id: string; name: string };
  targets: Target[];
  overview: Overview;
  rankings: RankingOutput[];
  flags: FlagList;
  cityTrend: { period: string; measures: Measures }[];
}

const TREND_WEEKS = 12;

/** Everything the weekly report shows, from the same analytics as the API, at one cut-off. */
export async function reportData(deps: AnalyticsDeps, periodId: string, asOf: number): Promise<ReportData> {
  const period = mustParsePeriod(periodId);
  const asOfText = new Date(asOf).toISOString();
  const [ov, communes, departments, flags, targets] = await Promise.all([
    overview(deps, { period: period.id, asOf: asOfText }),
    ranking(deps, { period: period.id, group: 'commune', asOf: asOfText }),
    ranking(deps, { period: period.id, group: 'department', asOf: asOfText }),
    flagList(deps, { period: period.id, asOf: asOfText }),
    deps.store.listTargets(),
  ]);
  const weeks = periodsBetween('week', period.end - TREND_WEEKS * 7 * 86_400_000, period.end);
  const counts = await deps.cache.countsByUnit(deps.store, weeks.map((w) => ({ start: w.start, cutOff: cutOff(w, asOf) })));
  const cityTrend = weeks.map((w, i) => {
    let sum = EMPTY_COUNTS;
    for (const series of counts.values()) if (series[i]) sum = addCounts(sum, series[i]);
    return { period: w.id, measures: measuresFromCounts(sum) };
  });
  return {
    period: period.id, startDate: period.startDate, endDate: period.endDate, asOf: asOfText, cutOff: new Date(cutOff(period, asOf)).toISOString(),
    definition: { id: deps.definition.id, name: deps.definition.name }, targets, overview: ov, rankings: [communes, departments], flags, cityTrend,
  };
}
