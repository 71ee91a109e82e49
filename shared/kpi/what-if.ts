import { INDEX_BASES, type IndexBasis } from '../domain/index-basis';
import type { Period } from '../domain/period';
import type { Counts } from '../schemas/measure';
import type { RankingRow } from '../schemas/ranking';
import { BASIS_COUNTS } from './index-bases';
import { EMPTY_COUNTS } from './measures';
import { buildRanking, type RankingInput } from './ranking';
import type { ValueLookup } from './reported-values';

/** Extra dossiers of a kind, out of those already received (e.g. 40 more submitted online). */
export const COUNT_CHANGES = ['online', 'endToEnd', 'onTime'] as const;
export type CountChange = (typeof COUNT_CHANGES)[number];

/** A hypothetical change: a rate basis set to a value in %, extra dossiers of a kind, or an indicator's reported ratio. */
export interface WhatIfChange {
  code: string;
  value: number;
}

const NUMERATOR: Record<IndexBasis, keyof Counts> = {
  onlineRate: 'online', endToEndRate: 'endToEnd', onTimeRate: 'onTime', eResultRate: 'eResult', digitizedRate: 'digitized',
  onlinePaymentRate: 'paidOnline', eResultShare: 'eResult', digitizedShare: 'digitized',
};

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The unit's counts with the changes applied; an online share set below end-to-end pulls end-to-end down with it. */
export function applyChanges(counts: Counts, changes: readonly WhatIfChange[]): Counts {
  const c = { ...counts };
  for (const { code, value } of changes) {
    if ((INDEX_BASES as readonly string[]).includes(code)) {
      const basis = code as IndexBasis;
      c[NUMERATOR[basis]] = clamp(Math.round((value / 100) * BASIS_COUNTS[basis].den(c)), 0, BASIS_COUNTS[basis].den(c));
    } else if ((COUNT_CHANGES as readonly string[]).includes(code)) {
      const key = code as CountChange;
      c[key] = clamp(c[key] + Math.round(value), 0, c.received);
    }
    if (code === 'endToEnd' || code === 'endToEndRate') c.online = Math.max(c.online, c.endToEnd);
    if (code === 'online' || code === 'onlineRate') c.endToEnd = Math.min(c.endToEnd, c.online);
  }
  return c;
}

/**
 * The unit's index, rating and rank had its figures for periods[0] been as changed, with every other unit as it is:
 * the same ranking function as the real ranking, on counts and reported values edited for that one unit.
 */
export function whatIf(input: RankingInput, unitCode: string, changes: readonly WhatIfChange[]): { before: RankingRow; after: RankingRow } {
  const series = input.history.get(unitCode) ?? [];
  const edited = [applyChanges(series[0] ?? EMPTY_COUNTS, changes), ...series.slice(1)];
  const history = new Map(input.history);
  history.set(unitCode, edited);
  const reported = new Map(changes.filter((ch) => !(INDEX_BASES as readonly string[]).includes(ch.code) && !(COUNT_CHANGES as readonly string[]).includes(ch.code)).map((ch) => [ch.code, ch.value]));
  const base: ValueLookup = input.values ?? (() => null);
  const current = input.periods[0] as Period;
  const values: ValueLookup = (indicator, unit, period) =>
    unit === unitCode && period.id === current.id && reported.has(indicator) ? { numerator: null, denominator: null, value: reported.get(indicator) as number } : base(indicator, unit, period);
  const find = (rows: RankingRow[]) => rows.find((r) => r.unitCode === unitCode) as RankingRow;
  return { before: find(buildRanking(input).rows), after: find(buildRanking({ ...input, history, values }).rows) };
}
