import { indicatorFlag, indicatorFraction, indicatorScale, indicatorValue, judgedPeriod, reportsIndicator } from '../../shared/kpi/indicator-flags';
import { judge } from '../../shared/kpi/flags';
import { previousPeriod } from '../../shared/kpi/periods';
import { targetInForce } from '../../shared/kpi/targets';
import type { Period } from '../../shared/schemas/period';
import type { UnitIndicators } from '../../shared/schemas/programme';
import { dueDateOf } from '../indicators/reporting-round';
import { vnStartOfDate } from '../../shared/kpi/vn-time';
import { asOfInstant, cachedTargets, periodInfo, periodOrThrow, unitOrThrow, type AnalyticsDeps } from './deps';
import { cachedIndicators, cachedValueLookup } from './definitions';

/** The periods of an indicator shown on a unit's page: the judged one and those before it. */
export const TREND_PERIODS = 6;

/**
 * Every indicator a unit must report (SPEC §6) with its figure for the period, its target in force and state, the
 * last periods of its frequency, and the closed periods it has not reported (no value, or a value returned to it).
 */
export async function unitIndicators(deps: AnalyticsDeps, req: { unitCode: string; period: string; asOf?: string | undefined }): Promise<UnitIndicators> {
  const unit = await unitOrThrow(deps, req.unitCode);
  const period = periodOrThrow(req.period);
  const asOf = asOfInstant(deps, req.asOf);
  const [catalogue, targets, values] = await Promise.all([cachedIndicators(deps), cachedTargets(deps), cachedValueLookup(deps)]);
  const indicators: UnitIndicators['indicators'] = [];
  const unreported: UnitIndicators['unreported'] = [];
  for (const indicator of catalogue.filter((i) => reportsIndicator(i, unit.kind))) {
    const judged = judgedPeriod(indicator, period);
    const flag = indicatorFlag({ indicator, unit, period, targets, values });
    const window: Period[] = [judged];
    while (window.length < TREND_PERIODS) window.unshift(previousPeriod(window[0] as Period));
    const trend = window.map((p) => {
      const figure = values(indicator.code, unit.code, p);
      const target = targetInForce(targets, unit, indicator.code, p.end)?.threshold ?? null;
      const state = target === null ? null : judge(indicatorFraction(indicator.unit, figure), target, indicatorScale(indicator));
      return { period: p.id, value: indicatorValue(indicator.unit, figure), target, state };
    });
    for (const p of window) {
      if (p.end > asOf || p.kind !== indicator.frequency || values(indicator.code, unit.code, p) !== null) continue;
      const dueDate = dueDateOf(p.endDate);
      unreported.push({ indicator: indicator.code, period: p.id, dueDate, late: asOf >= vnStartOfDate(dueDate) + 86_400_000 });
    }
    indicators.push({
      code: indicator.code, name: indicator.name, nameEn: indicator.nameEn, pillar: indicator.pillar, unit: indicator.unit, direction: indicator.direction,
      frequency: indicator.frequency, period: judged.id, value: indicatorValue(indicator.unit, values(indicator.code, unit.code, judged)),
      target: flag?.target ?? null, state: flag?.state ?? null, periodsBelow: flag?.periodsBelow ?? 0, trend,
    });
  }
  return { unitCode: unit.code, period: periodInfo(period, asOf), indicators, unreported };
}
