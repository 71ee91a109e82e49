import { addCounts, EMPTY_COUNTS, measuresFromCounts } from '../../shared/kpi/measures';
import { cutOff, mustParsePeriod, periodsBetween } from '../../shared/kpi/periods';
import type { Overview, FlagList } from '../../shared/schemas/api';
import type { RankingOutput } from '../../shared/schemas/ranking';
import type { Target } from '../../shared/schemas/target';
import type { IndexDefinition } from '../../shared/schemas/index-definition';
import { cachedIndicators, definitionOrThrow } from '../analytics/definitions';
import type { Indicator } from '../../shared/domain/indicator';
import type { Pillars } from '../../shared/schemas/programme';
import { pillars as pillarFigures } from '../analytics/pillars';
import type { Measures } from '../../shared/schemas/measure';
import { flagList } from '../analytics/flags';
import { overview } from '../analytics/overview';
import { ranking } from '../analytics/ranking';
import type { AnalyticsDeps } from '../analytics/deps';
import { DAY_MS, vnDateString } from '../../shared/kpi/vn-time';
import type { Commitment, Decision } from '../../shared/schemas/accountability';
import { commitmentsDue } from '../accountability/commitments';
import { followUps } from '../accountability/decisions';

/** SPEC §9 in the pack: what fell due since the last meeting, and the meeting's decisions still running. */
export interface ReportAccountability {
  /** The 7 days before the period's end (inclusive dates): the days since the last weekly meeting. */
  dueFrom: string;
  dueTo: string;
  due: (Commitment & { unitName: string })[];
  followUps: (Decision & { unitName: string })[];
}

export interface ReportData {
  period: string;
  startDate: string;
  endDate: string;
  asOf: string;
  cutOff: string;
  definition: IndexDefinition;
  targets: Target[];
  overview: Overview;
  rankings: RankingOutput[];
  flags: FlagList;
  cityTrend: { period: string; measures: Measures }[];
  accountability: ReportAccountability;
  /** The indicator catalogue, for the names of indicator targets and flags. */
  indicators: Indicator[];
  /** The programme KPIs per pillar, as on the overview. */
  pillars: Pillars;
}

const TREND_WEEKS = 12;

/** Everything the weekly report shows, from the same analytics as the API, at one cut-off. */
export async function reportData(deps: AnalyticsDeps, periodId: string, asOf: number, index?: string): Promise<ReportData> {
  const period = mustParsePeriod(periodId);
  const asOfText = new Date(asOf).toISOString();
  const [ov, communes, departments, flags, targets, definition, indicators, pillars] = await Promise.all([
    overview(deps, { period: period.id, asOf: asOfText, index }),
    ranking(deps, { period: period.id, group: 'commune', asOf: asOfText, index }),
    ranking(deps, { period: period.id, group: 'department', asOf: asOfText, index }),
    flagList(deps, { period: period.id, asOf: asOfText, index }),
    deps.store.listTargets(),
    definitionOrThrow(deps, index),
    cachedIndicators(deps),
    pillarFigures(deps, { period: period.id, asOf: asOfText, index }),
  ]);
  const weeks = periodsBetween('week', period.end - TREND_WEEKS * 7 * 86_400_000, period.end);
  const counts = await deps.cache.countsByUnit(deps.store, weeks.map((w) => ({ start: w.start, cutOff: cutOff(w, asOf) })));
  const cityTrend = weeks.map((w, i) => {
    let sum = EMPTY_COUNTS;
    for (const series of counts.values()) if (series[i]) sum = addCounts(sum, series[i]);
    return { period: w.id, measures: measuresFromCounts(sum) };
  });
  const names = new Map([communes, departments].flatMap((r) => r.rows.map((x) => [x.unitCode, x.unitName] as const)));
  const named = <T extends { unitCode: string }>(x: T) => ({ ...x, unitName: names.get(x.unitCode) ?? x.unitCode });
  const dueFrom = vnDateString(period.end - 7 * DAY_MS);
  const dueTo = vnDateString(period.end - DAY_MS);
  const [due, decisions] = await Promise.all([commitmentsDue(deps, dueFrom, dueTo, asOf), followUps(deps, period)]);
  const accountability = { dueFrom, dueTo, due: due.map(named), followUps: decisions.map(named) };
  return {
    period: period.id, startDate: period.startDate, endDate: period.endDate, asOf: asOfText, cutOff: new Date(cutOff(period, asOf)).toISOString(),
    definition, targets, overview: ov, rankings: [communes, departments], flags, cityTrend, accountability, indicators, pillars,
  };
}
