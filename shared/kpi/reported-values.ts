import type { Indicator, IndicatorValue } from '../domain/indicator';
import type { Period } from '../domain/period';
import { parsePeriod } from './periods';
import type { ReportedFigure } from './index-score';

export type ValueLookup = (indicator: string, unitCode: string, period: Period) => ReportedFigure | null;

/** The value of a reported figure: 100 × num / den for a percent, num / den otherwise; null when den = 0. */
export function figureValue(unit: Indicator['unit'], numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return unit === 'percent' ? (100 * numerator) / denominator : numerator / denominator;
}

/**
 * The lookup of SPEC §6: the value reported for exactly the period; failing that, for an indicator reported as
 * numerator/denominator, the sums over the reported periods of the indicator's frequency inside the period (none of
 * them value-only). A value-only indicator has no value for a period it was not reported for.
 */
export function valueLookup(values: readonly IndicatorValue[], catalogue: readonly Indicator[]): ValueLookup {
  const frequency = new Map(catalogue.map((i) => [i.code, i.frequency]));
  const byKey = new Map<string, { period: Period; v: IndicatorValue }[]>();
  // Tens of thousands of values name a few dozen periods: each is parsed once.
  const periods = new Map<string, Period | null>();
  for (const v of values) {
    let period = periods.get(v.period);
    if (period === undefined) {
      const parsed = parsePeriod(v.period);
      periods.set(v.period, (period = parsed.ok ? parsed.period : null));
    }
    if (period === null) continue;
    const key = `${v.indicator}|${v.unitCode}`;
    const list = byKey.get(key) ?? [];
    list.push({ period, v });
    byKey.set(key, list);
  }
  return (indicator, unitCode, period) => {
    const list = byKey.get(`${indicator}|${unitCode}`);
    if (!list) return null;
    const exact = list.find((e) => e.period.id === period.id);
    if (exact) return { numerator: exact.v.numerator, denominator: exact.v.denominator, value: exact.v.value };
    const kind = frequency.get(indicator);
    const inside = list.filter((e) => e.period.kind === kind && e.period.start >= period.start && e.period.end <= period.end);
    if (inside.length === 0 || inside.some((e) => e.v.numerator === null || e.v.denominator === null)) return null;
    let numerator = 0;
    let denominator = 0;
    for (const e of inside) {
      numerator += e.v.numerator as number;
      denominator += e.v.denominator as number;
    }
    return { numerator, denominator, value: null };
  };
}

export const NO_VALUES: ValueLookup = () => null;
