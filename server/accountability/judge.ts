import { commitmentState, judgingPeriods } from '../../shared/kpi/commitments';
import { flagState } from '../../shared/kpi/flags';
import { EMPTY_COUNTS } from '../../shared/kpi/measures';
import { cutOff, parsePeriod } from '../../shared/kpi/periods';
import { targetInForce } from '../../shared/kpi/targets';
import type { Commitment } from '../../shared/schemas/accountability';
import { isMeasureId } from '../../shared/domain/accountability';
import type { Period } from '../../shared/schemas/period';
import type { FlagState } from '../../shared/schemas/ranking';
import type { Unit } from '../../shared/schemas/unit';
import { cachedTargets, cachedUnits, type AnalyticsDeps } from '../analytics/deps';
import type { CommitmentRecord } from '../store/port';

/** The flag state of a measure for one unit in one period at `now` (cut at `now` while the period runs); null without a target. */
export async function measureState(deps: AnalyticsDeps, unit: Unit, measure: string, period: Period, now: number): Promise<FlagState | null> {
  if (!isMeasureId(measure)) return null;
  const target = targetInForce(await cachedTargets(deps), unit, measure, period.end);
  if (!target) return null;
  const counts = await deps.cache.countsByUnit(deps.store, [{ start: period.start, cutOff: cutOff(period, now) }], [unit.code]);
  return flagState(measure, counts.get(unit.code)?.[0] ?? EMPTY_COUNTS, target.threshold);
}

/** Commitments with their state at `now`, computed from the data: one count query for all the periods they need. */
export async function judgeCommitments(deps: AnalyticsDeps, records: readonly CommitmentRecord[], now: number): Promise<Commitment[]> {
  if (records.length === 0) return [];
  const [units, targets] = await Promise.all([cachedUnits(deps), cachedTargets(deps)]);
  const unitsByCode = new Map(units.map((u) => [u.code, u]));
  const plans = records.map((record) => {
    const parsed = parsePeriod(record.period);
    const terms = parsed.ok ? { period: parsed.period, dueDate: record.dueDate } : null;
    return { record, terms, periods: terms ? judgingPeriods(terms, now) : [] };
  });
  const windows = new Map<string, Period>();
  for (const p of plans.flatMap((x) => x.periods)) windows.set(p.id, p);
  const list = [...windows.values()];
  const position = new Map(list.map((p, i) => [p.id, i]));
  const codes = [...new Set(records.map((r) => r.unitCode))];
  const counts = list.length ? await deps.cache.countsByUnit(deps.store, list.map((p) => ({ start: p.start, cutOff: cutOff(p, now) })), codes) : new Map();
  return plans.map(({ record, terms }) => {
    const unit = unitsByCode.get(record.unitCode);
    if (!terms) return { ...record, state: 'open' as const, judgedIn: null };
    const stateIn = (p: Period): FlagState | null => {
      if (!unit || !isMeasureId(record.measure)) return null;
      const target = targetInForce(targets, unit, record.measure, p.end);
      if (!target) return null;
      return flagState(record.measure, counts.get(record.unitCode)?.[position.get(p.id) as number] ?? EMPTY_COUNTS, target.threshold);
    };
    return { ...record, ...commitmentState(terms, now, stateIn) };
  });
}
