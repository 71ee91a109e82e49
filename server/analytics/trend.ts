import { measureValue } from '../../shared/kpi/flags';
import { measuresFromCounts } from '../../shared/kpi/measures';
import { cutOff, periodsBetween } from '../../shared/kpi/periods';
import { targetInForce } from '../../shared/kpi/targets';
import { vnStartOfDate } from '../../shared/kpi/vn-time';
import type { Trend } from '../../shared/schemas/api';
import type { Measure } from '../../shared/schemas/measure';
import { UserError } from '../errors';
import { cachedTargets, unitOrThrow, type AnalyticsDeps } from './deps';
import { countsOf } from './history';
import { msg } from '../../shared/messages/catalogue';

const MAX_POINTS = 260;

export async function trend(deps: AnalyticsDeps, req: { unitCode: string; measure: Measure; from: string; to: string; granularity: 'week' | 'month' }): Promise<Trend> {
  const unit = await unitOrThrow(deps, req.unitCode);
  const periods = periodsBetween(req.granularity, vnStartOfDate(req.from), vnStartOfDate(req.to) + 86_400_000);
  if (periods.length > MAX_POINTS) throw new UserError('BAD_REQUEST', msg('analytics.tooManyPoints', { count: periods.length, max: MAX_POINTS }));
  const now = deps.now();
  const [history, targets] = await Promise.all([
    deps.cache.countsByUnit(deps.store, periods.map((p) => ({ start: p.start, cutOff: cutOff(p, now) })), [unit.code]),
    cachedTargets(deps),
  ]);
  const ofUnit = targets.filter((t) => t.measure === req.measure && (t.unitCode === unit.code || (t.unitCode === null && t.kind === unit.kind)));
  return {
    unitCode: unit.code,
    measure: req.measure,
    granularity: req.granularity,
    points: periods.map((p, i) => {
      const counts = countsOf(history, unit.code, i);
      return {
        period: p.id, startDate: p.startDate, endDate: p.endDate, received: counts.received,
        value: measureValue(req.measure, measuresFromCounts(counts)),
        target: targetInForce(targets, unit, req.measure, p.end)?.threshold ?? null,
      };
    }),
    deadlines: ofUnit.filter((t) => t.deadline !== null).map((t) => ({ date: t.deadline as string, threshold: t.threshold })),
  };
}
