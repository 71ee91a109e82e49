import type { TrendPoint } from '../../../components/charts/trend-chart';

interface TrendOut {
  points: readonly { period: string; startDate: string; endDate: string; value: number | null; target: number | null }[];
  deadlines: readonly { date: string; threshold: number }[];
}

export interface TrendView {
  /** From the first period with a value (none before the unit's data starts); later periods without one stay as gaps. */
  points: TrendPoint[];
  /** The period whose span holds the latest deadline, to mark it; null when outside the span. */
  deadlineLabel: string | null;
  /** The y-axis: fitted to the values and the targets, on round steps, within [0, 100] for rates. */
  domain: [number, number];
  /** Periods after the first with data that have no value: shown as gaps and named. */
  gaps: string[];
}

/** A round step (1, 2 or 5 × 10ⁿ) giving about `ticks` intervals over `span`. */
export function niceStep(span: number, ticks = 4): number {
  const raw = span / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / magnitude;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * magnitude;
}

/**
 * An axis that shows the gap between a value and its target: it spans the values and the targets with a margin,
 * rounded out to steps, so 98,5 against 100 is a visible distance rather than a hair on a 0–100 axis. Rates stay
 * within 0–100 and counts/days never go below 0.
 */
export function fittedDomain(values: readonly number[], rate: boolean): [number, number] {
  if (values.length === 0) return rate ? [0, 100] : [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo;
  const pad = span > 0 ? span * 0.15 : Math.max(Math.abs(hi) * 0.05, 1);
  const step = niceStep(span + 2 * pad);
  const floor = Math.max(0, Math.floor((lo - pad) / step) * step);
  const ceil = Math.ceil((hi + pad) / step) * step;
  const round = (v: number) => Number(v.toFixed(6));
  return [round(floor), round(rate ? Math.min(100, ceil) : ceil)];
}

/** Chart points from `units.trend` starting at the first period with data, the fitted axis and the gaps. */
export function trendView(trend: TrendOut, rate: boolean): TrendView {
  const first = trend.points.findIndex((p) => p.value !== null);
  const shown = first < 0 ? [] : trend.points.slice(first);
  const points = shown.map((p) => ({ label: p.period, value: p.value, target: p.target }));
  const latest = [...trend.deadlines].sort((a, b) => b.date.localeCompare(a.date))[0];
  const holder = latest ? shown.find((p) => p.startDate <= latest.date && latest.date <= p.endDate) : undefined;
  const known = shown.flatMap((p) => [p.value, p.target]).filter((v): v is number => v !== null);
  return {
    points,
    deadlineLabel: holder?.period ?? null,
    domain: fittedDomain(known, rate),
    gaps: shown.filter((p) => p.value === null).map((p) => p.period),
  };
}
