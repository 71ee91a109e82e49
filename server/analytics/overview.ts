import { addCounts, addCountsInto, EMPTY_COUNTS, measuresFromCounts } from '../../shared/kpi/measures';
import { unitState } from '../../shared/kpi/flags';
import { cutOff, previousPeriod } from '../../shared/kpi/periods';
import { roundHalfUp } from '../../shared/kpi/rounding';
import { targetInForce } from '../../shared/kpi/targets';
import { vnStartOfDate } from '../../shared/kpi/vn-time';
import type { Overview } from '../../shared/schemas/api';
import { byMeasureOrder, isMeasure, type Counts } from '../../shared/schemas/measure';
import { GROUPS, kindsOfGroup, type Group } from '../../shared/schemas/unit';
import type { RankingRow } from '../../shared/schemas/ranking';
import type { Target } from '../../shared/schemas/target';
import type { Period } from '../../shared/schemas/period';
import { definitionInfo, periodInfo, type AnalyticsDeps } from './deps';
import { countsOf } from './history';
import { rankingFor } from './ranking';

type GroupOverview = Overview['groups'][number];

const SERIES_PERIODS = 12;
const TOP = 5;

function groupTargets(targets: readonly Target[], group: Group, period: Period, e: number): GroupOverview['targets'] {
  const out: GroupOverview['targets'] = [];
  for (const kind of kindsOfGroup(group)) {
    for (const measure of new Set(targets.map((t) => t.measure).filter(isMeasure))) {
      const t = targetInForce(targets, { code: '', kind }, measure, period.end);
      if (!t) continue;
      const same = out.find((o) => o.measure === measure && o.threshold === t.threshold);
      if (same) same.kinds.push(kind);
      else out.push({ measure, threshold: t.threshold, kinds: [kind], deadline: t.deadline, deadlinePassed: t.deadline !== null && vnStartOfDate(t.deadline) + 86_400_000 <= e });
    }
  }
  return out.sort((a, b) => byMeasureOrder(a.measure, b.measure));
}

const STATE_KEY = { below: 'below', 'at-risk': 'atRisk', met: 'met', 'no-data': 'noData' } as const;

const longest = (row: RankingRow) => Math.max(0, ...row.flags.map((f) => f.periodsBelow));

function averageIndex(rows: readonly RankingRow[]): number | null {
  const ranked = rows.filter((r) => r.rank !== null && r.index !== null);
  return ranked.length ? roundHalfUp(ranked.reduce((s, r) => s + (r.index as number), 0) / ranked.length, 2) : null;
}

const standing = (r: RankingRow) => ({ unitCode: r.unitCode, unitName: r.unitName, index: r.index, rank: r.rank });

/**
 * How the city stands: per group, its measures against targets and their change, the mean index, the best and worst
 * units, who has been below longest, and a 12-period series for each measure. A period still in progress is compared
 * with the previous period cut at the same point of its course, not with the whole of it.
 */
export async function overview(deps: AnalyticsDeps, req: { period: string; asOf?: string | undefined; index?: string | undefined }): Promise<Overview> {
  let cityNow: Counts = EMPTY_COUNTS;
  let cityBefore: Counts = EMPTY_COUNTS;
  const groups: GroupOverview[] = [];
  let shared: Awaited<ReturnType<typeof rankingFor>> | null = null;
  for (const group of GROUPS) {
    const r = await rankingFor(deps, { ...req, group });
    shared ??= r;
    const e = cutOff(r.period, r.asOf);
    const complete = e === r.period.end;
    const sum = (history: ReadonlyMap<string, readonly (Counts | undefined)[]>, i: number) => {
      const total = { ...EMPTY_COUNTS };
      for (const u of r.units) addCountsInto(total, countsOf(history, u.code, i));
      return total;
    };
    const previous = r.periods[1] as Period;
    const fair = complete ? r.history : await deps.cache.countsByUnit(deps.store, [{ start: previous.start, cutOff: previous.start + (e - r.period.start) }], r.units.map((u) => u.code));
    const now = sum(r.history, 0);
    const before = complete ? sum(r.history, 1) : sum(fair, 0);
    cityNow = addCounts(cityNow, now);
    cityBefore = addCounts(cityBefore, before);
    const states = { below: 0, atRisk: 0, met: 0, noData: 0 };
    for (const row of r.rows) states[STATE_KEY[unitState(row.flags)]] += 1;
    const ranked = r.rows.filter((row) => row.rank !== null);
    const previousRanking = complete ? await rankingFor(deps, { period: previousPeriod(r.period).id, asOf: new Date(r.asOf).toISOString(), index: r.definition.id, group }) : null;
    const span = Math.min(SERIES_PERIODS, r.periods.length);
    groups.push({
      group,
      unitCount: r.units.length,
      measures: measuresFromCounts(now),
      previous: measuresFromCounts(before),
      targets: groupTargets(r.targets, group, r.period, e),
      states,
      insufficientData: r.rows.filter((row) => row.status === 'insufficient-data').length,
      longestBelow: r.rows
        .filter((row) => longest(row) > 0)
        .sort((a, b) => longest(b) - longest(a) || (a.index ?? 0) - (b.index ?? 0))
        .slice(0, TOP)
        .map((row) => ({ unitCode: row.unitCode, unitName: row.unitName, headName: row.headName, periodsBelow: longest(row), measures: row.flags.filter((f) => f.state === 'below').map((f) => f.measure) })),
      index: { average: averageIndex(r.rows), previousAverage: previousRanking ? averageIndex(previousRanking.rows) : null },
      best: ranked.slice(0, TOP).map(standing),
      worst: ranked.slice(-TOP).reverse().map(standing),
      series: Array.from({ length: span }, (_, k) => {
        const i = span - 1 - k;
        return { period: (r.periods[i] as Period).id, measures: measuresFromCounts(sum(r.history, i)) };
      }),
    });
  }
  const r = shared as NonNullable<typeof shared>;
  return {
    period: periodInfo(r.period, r.asOf),
    previousPeriod: (r.periods[1] as Period).id,
    comparison: cutOff(r.period, r.asOf) === r.period.end ? 'full' : 'same-elapsed',
    asOf: new Date(r.asOf).toISOString(),
    demo: (await deps.store.getMeta('dataset')) === 'demo',
    definition: definitionInfo(r.definition),
    city: { measures: measuresFromCounts(cityNow), previous: measuresFromCounts(cityBefore) },
    groups,
  };
}
