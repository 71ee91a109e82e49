import type { RankingOutput } from '../../shared/schemas/ranking';
import type { Group } from '../../shared/schemas/unit';
import { asOfInstant, cachedTargets, periodOrThrow, unitsOfGroup, type AnalyticsDeps } from './deps';
import { cachedIndicators, cachedValueLookup, definitionOrThrow } from './definitions';
import { rankWithHistory } from './history';
import { cutOff } from '../../shared/kpi/periods';

export interface RankingRequest {
  period: string;
  group: Group;
  asOf?: string | undefined;
  index?: string | undefined;
}

export async function rankingFor(deps: AnalyticsDeps, req: RankingRequest) {
  const period = periodOrThrow(req.period);
  const asOf = asOfInstant(deps, req.asOf);
  const [units, targets, definition, values, indicators] = await Promise.all([
    unitsOfGroup(deps, req.group), cachedTargets(deps), definitionOrThrow(deps, req.index), cachedValueLookup(deps), cachedIndicators(deps),
  ]);
  const key = `ranking|${period.id}|${req.group}|${definition.id}@${definition.version}|${deps.minVolume}`;
  // A complete period's figures do not depend on the moment asked (every window is cut at its own end), so the
  // whole computation is kept for the data version, and its rows lent to the next version's (decision 033); a period
  // in progress is cut at `asOf` (new counts at every moment) and computed each time, from scratch.
  const complete = cutOff(period, asOf) === period.end;
  const compute = () => rankWithHistory(deps, period, asOf, { units, targets, definition, values, indicators, minVolume: deps.minVolume }, complete ? key : null);
  const result = complete ? await deps.cache.remember(deps.store, key, compute) : await compute();
  return { period, asOf, units, targets, definition, values, indicators, ...result };
}

/** The `kpi.ranking` output of SPEC §4; the CLI prints the same object. */
export async function ranking(deps: AnalyticsDeps, req: RankingRequest): Promise<RankingOutput> {
  const r = await rankingFor(deps, req);
  return { period: r.period.id, group: req.group, asOf: new Date(r.asOf).toISOString(), index: { id: r.definition.id, version: r.definition.version }, rows: r.rows };
}
