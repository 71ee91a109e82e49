import { cutOff } from '../../shared/kpi/periods';
import { measuresFromCounts } from '../../shared/kpi/measures';
import { roundHalfUp } from '../../shared/kpi/rounding';
import { targetsInForce } from '../../shared/kpi/targets';
import { DAY_MS } from '../../shared/kpi/vn-time';
import type { UnitDetail } from '../../shared/schemas/api';
import { groupOfKind } from '../../shared/schemas/unit';
import { definitionInfo, periodInfo, unitOrThrow, type AnalyticsDeps } from './deps';
import { countsOf } from './history';
import { forecastsFor } from './forecasts';
import { rankingFor } from './ranking';
import { unitEscalation } from '../../shared/kpi/escalation';
import { ladderFor } from '../accountability/ladder';

const OVERDUE_LISTED = 50;
const days = (v: number | null) => (v === null ? null : roundHalfUp(v, 2));

export async function unitDetail(deps: AnalyticsDeps, req: { unitCode: string; period: string; asOf?: string | undefined; index?: string | undefined }): Promise<UnitDetail> {
  const unit = await unitOrThrow(deps, req.unitCode);
  const group = groupOfKind(unit.kind);
  const r = await rankingFor(deps, { period: req.period, asOf: req.asOf, index: req.index, group });
  const row = r.rows.find((x) => x.unitCode === unit.code);
  if (!row) throw new Error(`ranking lacks unit ${unit.code}`);
  const window = { start: r.period.start, cutOff: cutOff(r.period, r.asOf) };
  const key = `${unit.code}|${window.start}|${window.cutOff}`;
  const [procedures, quantiles, overdue, ladder] = await Promise.all([
    deps.cache.remember(deps.store, `procedures|${key}`, () => deps.store.procedureCounts(unit.code, window)),
    deps.cache.remember(deps.store, `quantiles|${key}`, () => deps.store.processingQuantiles(unit.code, window)),
    deps.cache.remember(deps.store, `overdue|${key}`, () => deps.store.overdueDossiers(unit.code, window, OVERDUE_LISTED)),
    ladderFor(deps, r.period),
  ]);
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
