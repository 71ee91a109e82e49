import { EMPTY_COUNTS } from '../../shared/kpi/measures';
import { cutOff, previousPeriod } from '../../shared/kpi/periods';
import { buildRanking, streakReaches, withLongerStreaks, type RankingInput, type RankingParts, type RankingResult } from '../../shared/kpi/ranking';
import type { Counts } from '../../shared/schemas/measure';
import type { Period } from '../../shared/schemas/period';
import { cachedRange, type AnalyticsDeps } from './deps';
import { DAY_MS } from '../../shared/kpi/vn-time';

const FIRST_CHUNK = 13;
/** How far back a below-streak is counted at most. */
const HISTORY_YEARS = 10;

/** The period and those before it, newest first. */
export function periodsBack(period: Period, count: number): Period[] {
  const out = [period];
  while (out.length < count) out.push(previousPeriod(out[out.length - 1] as Period));
  return out;
}

export async function loadHistory(deps: AnalyticsDeps, periods: readonly Period[], asOf: number, unitCodes: readonly string[]): Promise<Map<string, (Counts | undefined)[]>> {
  return deps.cache.countsByUnit(deps.store, periods.map((p) => ({ start: p.start, cutOff: cutOff(p, asOf) })), unitCodes);
}

/**
 * Builds the ranking with enough history to count every below-streak in full: it starts with a quarter's worth
 * of periods and, when some streak reaches the oldest period loaded and data goes back further, reads every period
 * back to the first data at once for the units whose streak did (with a target of 100 % on time, some unit is nearly
 * always below in every period: doubling 13 → 26 → 52 → 104 weeks built the ranking four times; reading every unit
 * back to the first data read 240,000 counts at national scale to extend one streak). `periods` and `history` are
 * the first chunk's, for every unit. `partsKey` names the ranking (period, group, definition, minimum volume): the
 * last build under it lends the rows whose counts did not change (buildRanking checks that they did not).
 */
export async function rankWithHistory(
  deps: AnalyticsDeps,
  period: Period,
  asOf: number,
  base: Omit<RankingInput, 'periods' | 'history'>,
  partsKey: string | null = null,
  attempts = 3,
): Promise<RankingResult & { history: Map<string, (Counts | undefined)[]>; periods: Period[] }> {
  const version = await deps.store.dataVersion();
  // The data's span is wanted only when a streak reaches the first chunk's oldest period; read beside the history.
  const range = cachedRange(deps);
  range.catch(() => undefined);
  const codes = base.units.map((u) => u.code);
  const periods = periodsBack(period, FIRST_CHUNK);
  const history = await loadHistory(deps, periods, asOf, codes);
  const built = buildRanking({ ...base, periods, history }, partsKey === null ? undefined : deps.cache.parts<RankingParts>(partsKey));
  if (partsKey !== null) deps.cache.keepParts(partsKey, built.parts, built.parts.byUnit.size);
  let result: RankingResult = { rows: built.rows, truncated: built.truncated };
  let back = periods[periods.length - 1] as Period;
  if (!result.truncated) return { ...result, history, periods };
  // Back to the first data, but no further than ten years before the period (one stray old dossier would otherwise
  // make every ranking read hundreds of empty windows).
  const span = await range;
  const floor = span ? Math.max(span.first, period.start - HISTORY_YEARS * 366 * DAY_MS) : Infinity;
  if (back.start <= floor) return { ...result, history, periods };
  // Some streak reached the oldest period: every period back to the floor, read for those units only (at national
  // scale one commune in 3,321 for a week), and their rows' flags counted again.
  const seen = periods.length;
  let count = seen;
  while (back.start > floor) {
    back = previousPeriod(back);
    count += 1;
  }
  const all = periodsBack(period, count);
  const longer = result.rows.filter((row) => streakReaches(row, seen)).map((row) => row.unitCode);
  const older = await deps.store.countsByUnit(all.slice(seen).map((p) => ({ start: p.start, cutOff: cutOff(p, asOf) })), longer);
  // Both reads must see one data version (an import may have landed between them): else everything again.
  if (attempts > 1 && (await deps.store.dataVersion()) !== version) return rankWithHistory(deps, period, asOf, base, partsKey, attempts - 1);
  const extended = new Map(longer.map((code) => [code, [...(history.get(code) ?? new Array<undefined>(seen).fill(undefined)), ...(older.get(code) ?? new Array<undefined>(count - seen).fill(undefined))]]));
  result = withLongerStreaks(result, seen, { ...base, periods: all, history: extended });
  // The history handed on is the first periods' (every unit): what the overview, forecasts and unit pages read.
  return { ...result, history, periods };
}

export function countsOf(history: ReadonlyMap<string, readonly (Counts | undefined)[]>, code: string, i: number): Counts {
  return history.get(code)?.[i] ?? EMPTY_COUNTS;
}
