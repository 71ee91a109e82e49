import { periodContaining, periodsBetween } from '../../shared/kpi/periods';
import type { PeriodKind } from '../../shared/schemas/period';
import { cachedRange, type AnalyticsDeps } from './deps';

/** The periods of a kind from the first data to now, newest first, and the one a dashboard opens on. */
export async function periodList(deps: AnalyticsDeps, kind: Exclude<PeriodKind, 'range'> = 'week') {
  const now = deps.now();
  const range = await cachedRange(deps);
  const from = range ? Math.min(range.first, now) : now;
  const periods = periodsBetween(kind, from, now + 1).reverse();
  const complete = periods.filter((p) => p.end <= now && (!range || p.start <= range.last));
  return {
    kind,
    demo: (await deps.store.getMeta('dataset')) === 'demo',
    defaultPeriod: (complete[0] ?? periodContaining(kind, now)).id,
    periods: periods.map((p) => ({ id: p.id, kind: p.kind, startDate: p.startDate, endDate: p.endDate, complete: p.end <= now })),
  };
}
