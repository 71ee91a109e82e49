import type { TrendPoint } from '../../../components/charts/trend-chart';

interface TrendOut {
  points: readonly { period: string; startDate: string; endDate: string; value: number | null; target: number | null }[];
  deadlines: readonly { date: string; threshold: number }[];
}

/** Chart points from `units.trend`, and the period whose span holds the latest deadline, to mark it. */
export function trendView(trend: TrendOut): { points: TrendPoint[]; deadlineLabel: string | null } {
  const points = trend.points.map((p) => ({ label: p.period, value: p.value, target: p.target }));
  const latest = [...trend.deadlines].sort((a, b) => b.date.localeCompare(a.date))[0];
  const holder = latest ? trend.points.find((p) => p.startDate <= latest.date && latest.date <= p.endDate) : undefined;
  return { points, deadlineLabel: holder?.period ?? null };
}
