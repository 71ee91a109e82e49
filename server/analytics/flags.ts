import { isFlagged } from '../../shared/kpi/ranking';
import { mustParsePeriod } from '../../shared/kpi/periods';
import { roundHalfUp } from '../../shared/kpi/rounding';
import type { FlagList } from '../../shared/schemas/api';
import { GROUPS, type Group } from '../../shared/schemas/unit';
import { definitionInfo, periodInfo, periodOrThrow, type AnalyticsDeps } from './deps';
import { forecastsFor } from './forecasts';
import type { Unit } from '../../shared/schemas/unit';
import { rankingFor } from './ranking';
import { escalationOf } from '../../shared/kpi/escalation';
import { latestCommitments } from '../accountability/commitments';
import { ladderFor } from '../accountability/ladder';

type FlagRow = FlagList['rows'][number];

/** Units with any measure below target, worst first: longest below, then most measures below, then lowest index. */
export async function flagList(deps: AnalyticsDeps, req: { period: string; group?: Group | undefined; asOf?: string | undefined; index?: string | undefined }): Promise<FlagList> {
  const rows: FlagRow[] = [];
  const ladder = await ladderFor(deps, periodOrThrow(req.period));
  let info: FlagList['period'] | null = null;
  let asOf = '';
  let definition: FlagList['definition'] | null = null;
  for (const group of req.group ? [req.group] : GROUPS) {
    const r = await rankingFor(deps, { period: req.period, asOf: req.asOf, index: req.index, group });
    definition = definitionInfo(r.definition);
    info = periodInfo(r.period, r.asOf);
    asOf = new Date(r.asOf).toISOString();
    const heads = new Map(r.units.map((u) => [u.code, u.headTitle]));
    const byCode = new Map(r.units.map((u) => [u.code, u]));
    for (const row of r.rows.filter(isFlagged)) {
      const failed = row.flags
        .filter((f) => f.state === 'below')
        .map((f) => ({ measure: f.measure, target: f.target, value: f.value, gap: f.value === null ? null : roundHalfUp(f.value - f.target, 2), periodsBelow: f.periodsBelow }));
      const periodsBelow = Math.max(...failed.map((f) => f.periodsBelow));
      rows.push({
        unitCode: row.unitCode, unitName: row.unitName, kind: row.kind, headName: row.headName, received: row.received, index: row.index,
        rank: row.rank, status: row.status, flags: row.flags, group, headTitle: heads.get(row.unitCode) ?? null,
        periodsBelow, failed, escalation: escalationOf(periodsBelow, ladder.steps), commitment: null,
        forecasts: forecastsFor(byCode.get(row.unitCode) as Unit, row, { periods: r.periods, history: r.history, targets: r.targets, asOf: r.asOf }),
      });
    }
  }
  const period = info as FlagList['period'];
  const commitments = await latestCommitments(deps, mustParsePeriod(period.id), deps.now(), rows.map((r) => r.unitCode));
  for (const row of rows) row.commitment = commitments.get(row.unitCode) ?? null;
  rows.sort((a, b) => b.periodsBelow - a.periodsBelow || b.failed.length - a.failed.length || (a.index ?? 101) - (b.index ?? 101) || a.unitCode.localeCompare(b.unitCode));
  return { period, asOf, definition: definition as FlagList['definition'], ladder, rows };
}
