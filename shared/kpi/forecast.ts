import { higherIsBetter, type Measure } from '../domain/measure';
import type { Period } from '../domain/period';
import { nextPeriod } from './periods';
import { roundHalfUp } from './rounding';
import { vnStartOfDate } from './vn-time';

export const FORECAST_PERIODS = 8;

export type ForecastOutcome = 'reaches' | 'not-before-deadline' | 'no-progress' | 'deadline-passed';

export interface Forecast {
  measure: Measure;
  threshold: number;
  deadline: string;
  /** Change per period on the least-squares line through the last periods with a value; null with fewer than 2. */
  slope: number | null;
  /** How many periods with a value the line was fitted on. */
  basis: number;
  outcome: ForecastOutcome;
  /** The period in which the line reaches the threshold, when it does by the deadline. */
  reachedIn: string | null;
}

/** Least-squares slope of values at positions 0..n-1 (nulls skipped). */
export function slopeOf(values: readonly (number | null)[]): { slope: number | null; basis: number } {
  const points = values.flatMap((v, x) => (v === null ? [] : [[x, v] as const]));
  if (points.length < 2) return { slope: null, basis: points.length };
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  return { slope: sxy / sxx, basis: points.length };
}

/**
 * Where the unit's trend meets a target with a deadline: the line through the last periods' values (oldest first,
 * the current period last) extended period by period until it reaches the threshold or passes the deadline's end.
 */
export function forecastToDeadline(
  measure: Measure,
  threshold: number,
  deadline: string,
  values: readonly (number | null)[],
  current: Period,
  asOf: number,
): Forecast {
  const { slope, basis } = slopeOf(values);
  const base = { measure, threshold, deadline, slope: slope === null ? null : roundHalfUp(slope, 2), basis, reachedIn: null };
  const deadlineEnd = vnStartOfDate(deadline) + 86_400_000;
  if (deadlineEnd <= Math.min(asOf, current.end)) return { ...base, outcome: 'deadline-passed' };
  const last = [...values].reverse().find((v) => v !== null) ?? null;
  const better = higherIsBetter(measure) ? 1 : -1;
  // A slope that rounds to nothing is floating-point noise on a flat line, not progress.
  if (slope === null || last === null || roundHalfUp(slope, 4) * better <= 0) return { ...base, outcome: 'no-progress' };
  const steps = Math.max(1, Math.ceil((threshold - last) / slope));
  let period = current;
  for (let i = 0; i < steps; i++) {
    period = nextPeriod(period);
    if (period.start >= deadlineEnd) return { ...base, outcome: 'not-before-deadline' };
  }
  return { ...base, outcome: 'reaches', reachedIn: period.id };
}
