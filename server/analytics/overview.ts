import { addCounts, EMPTY_COUNTS, measuresFromCounts } from '../../shared/kpi/measures';
import { unitState } from '../../shared/kpi/flags';
import { targetInForce } from '../../shared/kpi/targets';
import type { Overview } from '../../shared/schemas/api';
import { byMeasureOrder, type Counts } from '../../shared/schemas/measure';
import { GROUPS, kindsOfGroup, type Group } from '../../shared/schemas/unit';
import type { RankingRow } from '../../shared/schemas/ranking';
import type { Target } from '../../shared/schemas/target';
import type { Period } from '../../shared/schemas/period';
import { definitionInfo, periodInfo, type AnalyticsDeps } from './deps';
import { countsOf } from './history';
import { rankingFor } from './ranking';

type GroupOverview = Overview['groups'][number];

function groupTargets(targets: readonly Target[], group: Group, period: Period): GroupOverview['targets'] {
  const out: GroupOverview['targets'] = [];
  for (const kind of kindsOfGroup(group)) {
    for (const measure of new Set(targets.map((t) => t.measure))) {
      const t = targetInForce(targets, { code: '', kind }, measure, period.end);
      if (!t) continue;
      const same = out.find((o) => o.measure === measure && o.threshold === t.threshold);
      if (same) same.kinds.push(kind);
      else out.push({ measure, threshold: t.threshold, kinds: [kind], deadline: t.deadline });
    }
  }
  return out.sort((a, b) => byMeasureOrder(a.measure, b.measure));
}

const STATE_KEY = { below: 'below', 'at-risk': 'atRisk', met: 'met', 'no-data': 'noData' } as const;

const longest = (row: RankingRow) => Math.max(0, ...row.flags.map((f) => f.periodsBelow));

export async function overview(deps: AnalyticsDeps, req: { period: string; asOf?: string | undefined; index?: string | undefined }): Promise<Overview> {
  let cityNow: Counts = EMPTY_COUNTS;
  let cityBefore: Counts = EMPTY_COUNTS;
  const groups: GroupOverview[] = [];
  let shared: Awaited<ReturnType<typeof rankingFor>> | null = null;
  for (const group of GROUPS) {
    const r = await rankingFor(deps, { ...req, group });
    shared ??= r;
    const sum = (i: number) => r.units.reduce((acc, u) => addCounts(acc, countsOf(r.history, u.code, i)), EMPTY_COUNTS);
    const now = sum(0);
    const before = sum(1);
    cityNow = addCounts(cityNow, now);
    cityBefore = addCounts(cityBefore, before);
    const states = { below: 0, atRisk: 0, met: 0, noData: 0 };
    for (const row of r.rows) states[STATE_KEY[unitState(row.flags)]] += 1;
    groups.push({
      group,
      unitCount: r.units.length,
      measures: measuresFromCounts(now),
      previous: measuresFromCounts(before),
      targets: groupTargets(r.targets, group, r.period),
      states,
      insufficientData: r.rows.filter((row) => row.status === 'insufficient-data').length,
      longestBelow: r.rows
        .filter((row) => longest(row) > 0)
        .sort((a, b) => longest(b) - longest(a) || (a.index ?? 0) - (b.index ?? 0))
        .slice(0, 5)
        .map((row) => ({ unitCode: row.unitCode, unitName: row.unitName, headName: row.headName, periodsBelow: longest(row), measures: row.flags.filter((f) => f.state === 'below').map((f) => f.measure) })),
    });
  }
  const r = shared as NonNullable<typeof shared>;
  return {
    period: periodInfo(r.period, r.asOf),
    previousPeriod: (r.periods[1] as Period).id,
    asOf: new Date(r.asOf).toISOString(),
    demo: (await deps.store.getMeta('dataset')) === 'demo',
    definition: definitionInfo(r.definition),
    city: { measures: measuresFromCounts(cityNow), previous: measuresFromCounts(cityBefore) },
    groups,
  };
}
