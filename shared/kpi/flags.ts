import { higherIsBetter, type Measure } from '../domain/measure';
import type { Counts, Measures } from '../schemas/measure';
import type { FlagState } from '../schemas/ranking';
import { measureFraction } from './measure-table';

export interface FlagOptions {
  /** Warning margin for rates, in percentage points. */
  ratePoints: number;
  /** Warning margin for processing days and open overdue dossiers, as a fraction of the threshold. */
  lowerBetterFraction: number;
}

export const DEFAULT_FLAG_OPTIONS: FlagOptions = { ratePoints: 5, lowerBetterFraction: 0.1 };

/** A measure as an exact fraction (rates as part/whole before × 100), so states never depend on rounding. */
export function fractionOf(measure: Measure, c: Counts): { num: number; den: number } | null {
  return measureFraction(measure, c);
}

/** The reported value of a measure; `overdueOpen` has no value when nothing was received. */
export function measureValue(measure: Measure, m: Measures): number | null {
  if (measure === 'overdueOpen') return m.received ? m.overdueOpen : null;
  return m[measure];
}

/**
 * below: fails the threshold; at-risk: meets it by less than the margin and is not already at the best possible
 * value (100 for a rate, 0 for days and open overdue dossiers); met otherwise; no-data when there is no value.
 */
export function flagState(measure: Measure, counts: Counts, threshold: number, options: FlagOptions = DEFAULT_FLAG_OPTIONS): FlagState {
  const f = fractionOf(measure, counts);
  if (!f) return 'no-data';
  if (higherIsBetter(measure)) {
    const scaled = 100 * f.num;
    if (scaled < threshold * f.den) return 'below';
    const atBest = f.num === f.den;
    return !atBest && scaled < (threshold + options.ratePoints) * f.den ? 'at-risk' : 'met';
  }
  if (f.num > threshold * f.den) return 'below';
  const warnFrom = threshold * (1 - options.lowerBetterFraction);
  return f.num !== 0 && f.num > warnFrom * f.den ? 'at-risk' : 'met';
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
