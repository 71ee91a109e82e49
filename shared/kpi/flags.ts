import { higherIsBetter, type Measure } from '../domain/measure';
import type { Counts, Measures } from '../schemas/measure';
import type { FlagState } from '../schemas/ranking';
import { MEASURE_TABLE, measureFraction } from './measure-table';

export interface FlagOptions {
  /** Warning margin for rates and percentage indicators, in percentage points. */
  ratePoints: number;
  /** Warning margin for everything else (days, counts, points), as a fraction of the threshold. */
  lowerBetterFraction: number;
}

export const DEFAULT_FLAG_OPTIONS: FlagOptions = { ratePoints: 5, lowerBetterFraction: 0.1 };

/** The reported value of a measure; `overdueOpen` has no value when nothing was received. */
export function measureValue(measure: Measure, m: Measures): number | null {
  if (measure === 'overdueOpen') return m.received ? m.overdueOpen : null;
  return m[measure];
}

/** How a figure is judged against its threshold: which way is better, and whether it is a percentage. */
export interface Scale {
  direction: 'higher' | 'lower';
  /** A percentage: the warning margin is in points and 100 (higher) or 0 (lower) is the best possible value. */
  percent: boolean;
}

/**
 * The state of a value given as an exact fraction num / den (den > 0) against a threshold, so that states never depend
 * on rounding. below: fails the threshold; at-risk: meets it by less than the margin (points for a percentage, a
 * fraction of the threshold otherwise) and is not already at the best possible value; met otherwise; no-data without
 * a value.
 */
export function judge(f: { num: number; den: number } | null, threshold: number, scale: Scale, options: FlagOptions = DEFAULT_FLAG_OPTIONS): FlagState {
  if (!f) return 'no-data';
  const { num, den } = f;
  if (scale.direction === 'higher') {
    if (num < threshold * den) return 'below';
    const atBest = scale.percent && num >= 100 * den;
    const margin = scale.percent ? options.ratePoints : threshold * options.lowerBetterFraction;
    return !atBest && num < threshold * den + margin * den ? 'at-risk' : 'met';
  }
  if (num > threshold * den) return 'below';
  const warnFrom = scale.percent ? threshold - options.ratePoints : threshold * (1 - options.lowerBetterFraction);
  return num !== 0 && num > warnFrom * den ? 'at-risk' : 'met';
}

/** A measure's state from a unit's counts: rates are compared as 100 × part against threshold × whole. */
export function flagState(measure: Measure, counts: Counts, threshold: number, options: FlagOptions = DEFAULT_FLAG_OPTIONS): FlagState {
  const f = measureFraction(measure, counts);
  const percent = MEASURE_TABLE[measure].format === 'percent';
  return judge(f && (percent ? { num: 100 * f.num, den: f.den } : f), threshold, { direction: MEASURE_TABLE[measure].direction, percent }, options);
}

export type UnitState = 'below' | 'at-risk' | 'met' | 'no-data';

/** A unit's overall state: below if any measure is below, else at risk if any is, else met (no-data without values). */
export function unitState(flags: readonly { state: FlagState }[]): UnitState {
  const states = flags.map((f) => f.state);
  if (states.includes('below')) return 'below';
  if (states.includes('at-risk')) return 'at-risk';
  if (states.length === 0 || states.every((s) => s === 'no-data')) return 'no-data';
  return 'met';
}

/**
 * Whether a reported (rounded) value misses its threshold, for totals shown beside a target. Unit flags are decided
 * on exact counts by `flagState`; this is for figures that only exist as reported values.
 */
export function missesTarget(measure: Measure, value: number | null, threshold: number): boolean {
  if (value === null) return false;
  return higherIsBetter(measure) ? value < threshold : value > threshold;
}
