import type { Indicator } from '../domain/indicator';
import type { Period, PeriodKind } from '../domain/period';
import type { Flag, FlagState } from '../schemas/ranking';
import type { Target } from '../schemas/target';
import type { UnitKind } from '../schemas/unit';
import { DEFAULT_FLAG_OPTIONS, judge, type FlagOptions, type Scale } from './flags';
import type { ReportedFigure } from './index-score';
import { periodContaining, previousPeriod } from './periods';
import type { ValueLookup } from './reported-values';
import { roundHalfUp } from './rounding';
import { targetInForce, type TargetSubject } from './targets';

const LENGTH: Record<Exclude<PeriodKind, 'range'>, number> = { week: 1, month: 2, quarter: 3, year: 4 };
/** A below-streak is counted back at most this many of the indicator's periods (ten years of months). */
const STREAK_LIMIT = 120;

export function reportsIndicator(indicator: Pick<Indicator, 'kinds'>, kind: UnitKind): boolean {
  return indicator.kinds.length === 0 || indicator.kinds.includes(kind);
}

export function indicatorScale(indicator: Pick<Indicator, 'direction' | 'unit'>): Scale {
  return { direction: indicator.direction, percent: indicator.unit === 'percent' };
}

/**
 * The period an indicator is judged on when a dashboard asks about `period` (decision 019): the period itself when it
 * is as long as the indicator's frequency or longer (or a custom range), its values summed by the lookup of SPEC §6;
 * otherwise the latest period of the indicator's frequency that has ended by the period's end — a monthly figure is
 * not reported for a week, so a week shows the last month that ended by then.
 */
export function judgedPeriod(indicator: Pick<Indicator, 'frequency'>, period: Period): Period {
  if (period.kind === 'range' || LENGTH[period.kind] >= LENGTH[indicator.frequency]) return period;
  const containing = periodContaining(indicator.frequency, period.end - 1);
  return containing.end > period.end ? previousPeriod(containing) : containing;
}

/** A reported figure as an exact fraction of its value (a percent as 100 × num / den); null when it has no value. */
export function indicatorFraction(unit: Indicator['unit'], figure: ReportedFigure | null): { num: number; den: number } | null {
  if (!figure) return null;
  if (figure.numerator !== null && figure.denominator !== null) {
    if (figure.denominator === 0) return null;
    return { num: unit === 'percent' ? 100 * figure.numerator : figure.numerator, den: figure.denominator };
  }
  return figure.value === null ? null : { num: figure.value, den: 1 };
}

export function indicatorValue(unit: Indicator['unit'], figure: ReportedFigure | null): number | null {
  const f = indicatorFraction(unit, figure);
  return f ? roundHalfUp(f.num / f.den, 2) : null;
}

export interface IndicatorFlagInput {
  indicator: Indicator;
  unit: TargetSubject;
  /** The period asked about (the dashboard's period). */
  period: Period;
  targets: readonly Target[];
  values: ValueLookup;
  options?: FlagOptions;
}

function stateAt(input: IndicatorFlagInput, period: Period, threshold: number): FlagState {
  const figure = input.values(input.indicator.code, input.unit.code, period);
  return judge(indicatorFraction(input.indicator.unit, figure), threshold, indicatorScale(input.indicator), input.options ?? DEFAULT_FLAG_OPTIONS);
}

/**
 * A unit's flag on an indicator (SPEC §6): judged on the indicator's own period with the target in force at the end
 * of the period asked; no value (not reported, or returned) is no-data, never below. `periodsBelow` counts back over
 * the indicator's periods while each was below the target then in force. Null when no target is in force.
 */
export function indicatorFlag(input: IndicatorFlagInput): Flag | null {
  const target = targetInForce(input.targets, input.unit, input.indicator.code, input.period.end);
  if (!target) return null;
  const judged = judgedPeriod(input.indicator, input.period);
  const state = stateAt(input, judged, target.threshold);
  let periodsBelow = 0;
  if (state === 'below') {
    periodsBelow = 1;
    for (let p = previousPeriod(judged); periodsBelow < STREAK_LIMIT; p = previousPeriod(p)) {
      const t = targetInForce(input.targets, input.unit, input.indicator.code, p.end);
      if (!t || stateAt(input, p, t.threshold) !== 'below') break;
      periodsBelow += 1;
    }
  }
  const value = indicatorValue(input.indicator.unit, input.values(input.indicator.code, input.unit.code, judged));
  return { measure: input.indicator.code, target: target.threshold, value, state, periodsBelow, period: judged.id };
}

/**
 * The city's figure from its units' figures (decision 019): pooled as Σ numerators / Σ denominators when every unit
 * reported both (a percent × 100), otherwise the mean of the units' values. Null when nothing usable was reported.
 */
export function pooledFraction(unit: Indicator['unit'], figures: readonly (ReportedFigure | null)[]): { num: number; den: number } | null {
  const known = figures.filter((f): f is ReportedFigure => f !== null && indicatorFraction(unit, f) !== null);
  if (known.length === 0) return null;
  if (known.every((f) => f.numerator !== null && f.denominator !== null)) {
    const num = known.reduce((s, f) => s + (f.numerator as number), 0);
    const den = known.reduce((s, f) => s + (f.denominator as number), 0);
    return { num: unit === 'percent' ? 100 * num : num, den };
  }
  const values = known.map((f) => indicatorFraction(unit, f) as { num: number; den: number });
  return { num: values.reduce((s, v) => s + v.num / v.den, 0), den: values.length };
}
