import { cutOff } from '../../shared/kpi/periods';
import { measuresFromCounts } from '../../shared/kpi/measures';
import { roundHalfUp } from '../../shared/kpi/rounding';
import { targetsInForce } from '../../shared/kpi/targets';
import { DAY_MS } from '../../shared/kpi/vn-time';
import type { UnitDetail } from '../../shared/schemas/api';
import { groupOfKind } from '../../shared/schemas/unit';
import { asOfInstant, cachedUnits, definitionInfo, periodInfo, periodOrThrow, unitOrThrow, type AnalyticsDeps } from './deps';
import type { UnitBreakdown, Window } from '../store/port';
import { countsOf } from './history';
import { forecastsFor } from './forecasts';
import { rankingFor } from './ranking';
import { unitEscalation } from '../../shared/kpi/escalation';
import { ladderFor } from '../accountability/ladder';

const OVERDUE_LISTED = 50;
/** Above this many units the whole window's breakdowns are not kept (their overdue lists alone would be large). */
const BATCH_MAX_UNITS = 1000;
const days = (v: number | null) => (v === null ? null : roundHalfUp(v, 2));
const NOTHING: UnitBreakdown = { procedures: [], quantiles: { median: null, p90: null }, overdue: [] };

/**
 * A unit's procedures, processing quantiles and overdue list for a window. For a window that no longer moves (a
 * complete period), once a second unit is asked for in it, every unit's rows are read at once in the background:
 * the next units' pages need no query until the data changes (after an import, the dashboard's pages are
 * recomputed at once by many users). A window cut at "now" is read unit by unit.
 */
async function breakdownOf(deps: AnalyticsDeps, unitCode: string, window: Window, stable: boolean): Promise<UnitBreakdown> {
  const whole = `breakdowns|${window.start}|${window.cutOff}|${OVERDUE_LISTED}`;
  if (stable) {
    const ready = await deps.cache.settled<Map<string, UnitBreakdown>>(deps.store, whole);
    if (ready) return ready.get(unitCode) ?? NOTHING;
  }
  const own = await deps.cache.remember(deps.store, `breakdown|${unitCode}|${window.start}|${window.cutOff}|${OVERDUE_LISTED}`, () => deps.store.unitBreakdown(unitCode, window, OVERDUE_LISTED));
  // The whole window only once a second unit is asked for in it: one user paging through periods of one unit
  // (a unit head can see no other) does not make every unit's rows read for each.
  const first = stable ? await deps.cache.remember(deps.store, `breakdownFirst|${window.start}|${window.cutOff}`, async () => unitCode) : unitCode;
  if (first !== unitCode && (await cachedUnits(deps)).length <= BATCH_MAX_UNITS) {
    // Not awaited: this page is answered now; a failure only means the next pages read their own unit again.
    deps.cache.remember(deps.store, whole, () => deps.store.unitBreakdowns(window, OVERDUE_LISTED)).catch(() => undefined);
  }
  return own;
}

export async function unitDetail(deps: AnalyticsDeps, req: { unitCode: string; period: string; asOf?: string | undefined; index?: string | undefined }): Promise<UnitDetail> {
  const unit = await unitOrThrow(deps, req.unitCode);
  const group = groupOfKind(unit.kind);
  const period = periodOrThrow(req.period);
  const asOf = asOfInstant(deps, req.asOf);
  const window = { start: period.start, cutOff: cutOff(period, asOf) };
  // The ranking (from the counts cache or the rollups) and the unit's own rows are read side by side.
  const [r, { procedures, quantiles, overdue }, ladder] = await Promise.all([
    rankingFor(deps, { period: req.period, asOf: new Date(asOf).toISOString(), index: req.index, group }),
    breakdownOf(deps, unit.code, window, window.cutOff === period.end),
    ladderFor(deps, period),
  ]);
  const row = r.rows.find((x) => x.unitCode === unit.code);
  if (!row) throw new Error(`ranking lacks unit ${unit.code}`);
  const now = countsOf(r.history, unit.code, 0);
  return {
    period: periodInfo(r.period, r.asOf),
    asOf: new Date(r.asOf).toISOString(),
    unit,
    group,
    measures: { ...measuresFromCounts(now), medianProcessingDays: days(quantiles.median), p90ProcessingDays: days(quantiles.p90) },
    previous: measuresFromCounts(countsOf(r.history, unit.code, 1)),
    targets: targetsInForce(r.targets, unit, r.period.end),
    flags: row.flags,
    escalation: unitEscalation(row.flags, ladder.steps),
    forecasts: forecastsFor(unit, row, { periods: r.periods, history: r.history, targets: r.targets, asOf: r.asOf }),
    definition: definitionInfo(r.definition),
    index: row.index,
    components: row.components,
    indexCoverage: row.indexCoverage,
    rating: row.rating,
    rank: row.rank,
    rankChange: row.rankChange,
    rankedUnits: r.rows.filter((x) => x.rank !== null).length,
    status: row.status,
    procedures: procedures
      .map((p) => {
        const m = measuresFromCounts(p.counts);
        return {
          procedureCode: p.procedureCode, procedureName: p.procedureName, received: m.received, online: m.online, endToEnd: m.endToEnd,
          onTime: m.onTime, overdueOpen: m.overdueOpen, onlineRate: m.onlineRate, endToEndRate: m.endToEndRate, onTimeRate: m.onTimeRate,
          avgProcessingDays: m.avgProcessingDays,
        };
      })
      .sort((a, b) => b.received - b.onTime - (a.received - a.onTime) || b.received - b.online - (a.received - a.online) || a.procedureCode.localeCompare(b.procedureCode)),
    overdue: overdue.map((d) => ({
      dossierId: d.dossierId, procedureCode: d.procedureCode, procedureName: d.procedureName,
      receivedAt: new Date(d.receivedAt).toISOString(), dueAt: new Date(d.dueAt).toISOString(),
      daysOverdue: roundHalfUp((window.cutOff - d.dueAt) / DAY_MS, 2),
    })),
    overdueTotal: now.overdueOpen,
  };
}
