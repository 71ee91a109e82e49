import { measureValue } from '../../shared/kpi/flags';
import { FORECAST_PERIODS, forecastToDeadline, type Forecast } from '../../shared/kpi/forecast';
import { measuresFromCounts } from '../../shared/kpi/measures';
import { targetInForce } from '../../shared/kpi/targets';
import type { Period } from '../../shared/schemas/period';
import type { RankingRow } from '../../shared/schemas/ranking';
import type { Target } from '../../shared/schemas/target';
import type { Unit } from '../../shared/schemas/unit';
import { countsOf } from './history';
import { isMeasure, type Counts, type Measure } from '../../shared/schemas/measure';

/** For each target a unit does not yet meet comfortably and that has a deadline: where its last 8 periods lead. */
export function forecastsFor(
  unit: Unit,
  row: RankingRow,
  ctx: { periods: readonly Period[]; history: ReadonlyMap<string, readonly (Counts | undefined)[]>; targets: readonly Target[]; asOf: number },
): Forecast[] {
  const current = ctx.periods[0] as Period;
  const span = Math.min(FORECAST_PERIODS, ctx.periods.length);
  return row.flags
    .filter((f): f is typeof f & { measure: Measure } => (f.state === 'below' || f.state === 'at-risk') && isMeasure(f.measure))
    .flatMap((f) => {
      const target = targetInForce(ctx.targets, unit, f.measure, current.end);
      if (!target?.deadline) return [];
      const values = Array.from({ length: span }, (_, k) => measureValue(f.measure, measuresFromCounts(countsOf(ctx.history, unit.code, span - 1 - k))));
      return [forecastToDeadline(f.measure, target.threshold, target.deadline, values, current, ctx.asOf)];
    });
}
