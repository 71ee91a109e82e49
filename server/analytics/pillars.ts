import { indicatorScale, judgedPeriod, pooledFraction, reportsIndicator } from '../../shared/kpi/indicator-flags';
import { DEFAULT_FLAG_OPTIONS, judge } from '../../shared/kpi/flags';
import { roundHalfUp } from '../../shared/kpi/rounding';
import { PILLARS, type Indicator } from '../../shared/domain/indicator';
import type { PillarIndicator, Pillars } from '../../shared/schemas/programme';
import type { Flag } from '../../shared/schemas/ranking';
import { GROUPS, type Unit } from '../../shared/schemas/unit';
import { periodInfo, type AnalyticsDeps } from './deps';
import { rankingFor } from './ranking';

type Ranking = Awaited<ReturnType<typeof rankingFor>>;
const STATE_KEY = { below: 'below', 'at-risk': 'atRisk', met: 'met', 'no-data': 'noData' } as const;

function pillarIndicator(indicator: Indicator, rankings: readonly Ranking[]): PillarIndicator | null {
  const first = rankings[0] as Ranking;
  const judged = judgedPeriod(indicator, first.period);
  const entries: { unit: Unit; flag: Flag }[] = [];
  for (const r of rankings) {
    const units = new Map(r.units.map((u) => [u.code, u]));
    for (const row of r.rows) {
      const flag = row.flags.find((f) => f.measure === indicator.code);
      const unit = units.get(row.unitCode);
      if (flag && unit) entries.push({ unit, flag });
    }
  }
  if (entries.length === 0) return null;
  const reporting = rankings.flatMap((r) => r.units.filter((u) => reportsIndicator(indicator, u.kind)));
  const figures = reporting.map((u) => first.values(indicator.code, u.code, judged));
  const pooled = pooledFraction(indicator.unit, figures);
  const targets: PillarIndicator['targets'] = [];
  for (const { unit, flag } of entries) {
    const same = targets.find((t) => t.threshold === flag.target);
    if (!same) targets.push({ threshold: flag.target, kinds: [unit.kind] });
    else if (!same.kinds.includes(unit.kind)) same.kinds.push(unit.kind);
  }
  const single = targets.length === 1 && entries.length === reporting.length ? (targets[0] as { threshold: number }).threshold : null;
  const states = { below: 0, atRisk: 0, met: 0, noData: 0 };
  for (const { flag } of entries) states[STATE_KEY[flag.state]] += 1;
  return {
    code: indicator.code, name: indicator.name, nameEn: indicator.nameEn, unit: indicator.unit, direction: indicator.direction, frequency: indicator.frequency,
    period: judged.id,
    targets,
    cityValue: pooled ? roundHalfUp(pooled.num / pooled.den, 2) : null,
    cityState: single === null ? null : judge(pooled, single, indicatorScale(indicator), DEFAULT_FLAG_OPTIONS),
    units: reporting.length,
    reported: figures.filter((f) => f !== null).length,
    states,
    below: entries
      .filter((e) => e.flag.state === 'below')
      .sort((a, b) => b.flag.periodsBelow - a.flag.periodsBelow || a.unit.name.localeCompare(b.unit.name, 'vi'))
      .map(({ unit, flag }) => ({ unitCode: unit.code, unitName: unit.name, kind: unit.kind, value: flag.value, target: flag.target, periodsBelow: flag.periodsBelow })),
  };
}

/**
 * The programme section of the overview (SPEC §6): per pillar, each indicator with a target in force for some unit,
 * the city's figure against it and the units below. Flags come from the same rankings as the dossier measures.
 */
export async function pillars(deps: AnalyticsDeps, req: { period: string; asOf?: string | undefined; index?: string | undefined }): Promise<Pillars> {
  const rankings = await Promise.all(GROUPS.map((group) => rankingFor(deps, { ...req, group })));
  const first = rankings[0] as Ranking;
  const withTarget = first.indicators.filter((i) => first.targets.some((t) => t.measure === i.code));
  const out: Pillars['pillars'] = [];
  for (const pillar of PILLARS) {
    const indicators = withTarget
      .filter((i) => i.pillar === pillar)
      .map((i) => pillarIndicator(i, rankings))
      .filter((x): x is PillarIndicator => x !== null);
    if (indicators.length > 0 || pillar !== 'other') out.push({ pillar, indicators });
  }
  return { period: periodInfo(first.period, first.asOf), asOf: new Date(first.asOf).toISOString(), pillars: out };
}
