import { previousPeriod } from '../../shared/kpi/periods';
import { roundHalfUp } from '../../shared/kpi/rounding';
import type { RankChangeOutput } from '../../shared/schemas/api';
import type { RankingRow } from '../../shared/schemas/ranking';
import { groupOfKind } from '../../shared/schemas/unit';
import { definitionInfo, periodInfo, unitOrThrow, type AnalyticsDeps } from './deps';
import { rankingFor } from './ranking';

const peer = (row: RankingRow, before: RankingRow | undefined) => ({ unitCode: row.unitCode, unitName: row.unitName, rank: row.rank, previousRank: before?.rank ?? null, index: row.index, previousIndex: before?.index ?? null });

/**
 * Why a unit's rank moved since the previous period: its index change split by component, and the peers that passed
 * it or that it passed (ranked in both periods, on opposite sides of it then and now).
 */
export async function rankChange(deps: AnalyticsDeps, req: { unitCode: string; period: string; asOf?: string | undefined; index?: string | undefined }): Promise<RankChangeOutput> {
  const unit = await unitOrThrow(deps, req.unitCode);
  const group = groupOfKind(unit.kind);
  const now = await rankingFor(deps, { period: req.period, asOf: req.asOf, index: req.index, group });
  const then = await rankingFor(deps, { period: previousPeriod(now.period).id, asOf: new Date(now.asOf).toISOString(), index: now.definition.id, group });
  const mine = now.rows.find((x) => x.unitCode === unit.code) as RankingRow;
  const before = then.rows.find((x) => x.unitCode === unit.code) as RankingRow;
  const prior = new Map(then.rows.map((x) => [x.unitCode, x]));
  const components = mine.components.map((c) => {
    const old = before.components.find((x) => x.code === c.code);
    const previousPoints = old?.points ?? null;
    return { code: c.code, group: c.group, points: c.points, previousPoints, change: c.points === null || previousPoints === null ? null : roundHalfUp(c.points - previousPoints, 2), ratio: c.ratio, previousRatio: old?.ratio ?? null };
  });
  const bothRanked = (x: RankingRow) => x.unitCode !== unit.code && x.rank !== null && prior.get(x.unitCode)?.rank != null;
  const overtook = mine.rank !== null && before.rank !== null
    ? now.rows.filter((x) => bothRanked(x) && (x.rank as number) > (mine.rank as number) && (prior.get(x.unitCode)?.rank as number) < (before.rank as number)).map((x) => peer(x, prior.get(x.unitCode)))
    : [];
  const overtakenBy = mine.rank !== null && before.rank !== null
    ? now.rows.filter((x) => bothRanked(x) && (x.rank as number) < (mine.rank as number) && (prior.get(x.unitCode)?.rank as number) > (before.rank as number)).map((x) => peer(x, prior.get(x.unitCode)))
    : [];
  return {
    unitCode: unit.code, period: periodInfo(now.period, now.asOf), previousPeriod: then.period.id, definition: definitionInfo(now.definition),
    index: mine.index, previousIndex: before.index, indexChange: mine.index === null || before.index === null ? null : roundHalfUp(mine.index - before.index, 2),
    rank: mine.rank, previousRank: before.rank, rankChange: mine.rankChange, components, overtook, overtakenBy,
  };
}
