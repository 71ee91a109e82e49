import { whatIf as computeWhatIf, type WhatIfChange } from '../../shared/kpi/what-if';
import type { WhatIfOutput } from '../../shared/schemas/api';
import { groupOfKind } from '../../shared/schemas/unit';
import { definitionInfo, periodInfo, unitOrThrow, type AnalyticsDeps } from './deps';
import { rankingFor } from './ranking';

/** kpi.whatIf: the unit's index and rank under hypothetical figures, by the ranking's own maths. */
export async function whatIf(deps: AnalyticsDeps, req: { unitCode: string; period: string; asOf?: string | undefined; index?: string | undefined; changes: WhatIfChange[] }): Promise<WhatIfOutput> {
  const unit = await unitOrThrow(deps, req.unitCode);
  const r = await rankingFor(deps, { period: req.period, asOf: req.asOf, index: req.index, group: groupOfKind(unit.kind) });
  const { before, after } = computeWhatIf(
    { units: r.units, periods: r.periods.slice(0, 2), history: r.history, targets: r.targets, definition: r.definition, values: r.values, minVolume: deps.minVolume },
    unit.code,
    req.changes,
  );
  const pick = (row: typeof before) => ({
    index: row.index, rank: row.rank, rating: row.rating, status: row.status, onlineRate: row.onlineRate, endToEndRate: row.endToEndRate, onTimeRate: row.onTimeRate,
    components: row.components, indexCoverage: row.indexCoverage,
  });
  return { period: periodInfo(r.period, r.asOf), definition: definitionInfo(r.definition), unitCode: unit.code, changes: req.changes, before: pick(before), after: pick(after) };
}
