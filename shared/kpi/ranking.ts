import type { IndexDefinition } from '../schemas/index-definition';
import { isMeasure, type Counts, type Measures } from '../schemas/measure';
import type { Indicator } from '../domain/indicator';
import type { Period } from '../schemas/period';
import type { Flag, RankingRow } from '../schemas/ranking';
import type { Target, TargetInForce } from '../schemas/target';
import type { Unit } from '../schemas/unit';
import { DEFAULT_FLAG_OPTIONS, flagState, measureValue, type FlagOptions } from './flags';
import { EMPTY_COUNTS, measuresFromCounts } from './measures';
import { indexOnly, maxPoints, ratingOf, scoreIndex, type IndexScore, type ScoreContext } from './index-score';
import { NO_VALUES, type ValueLookup } from './reported-values';
import { targetInForce, targetsInForce } from './targets';
import { indicatorFlag, reportsIndicator } from './indicator-flags';

export const DEFAULT_MIN_VOLUME = 30;

export interface RankingInput {
  units: readonly Unit[];
  /** periods[0] is the period ranked, periods[1] the one before, and so on. */
  periods: readonly Period[];
  /** Counts per unit code, aligned with `periods`; a missing entry means nothing was received. */
  history: ReadonlyMap<string, readonly (Counts | undefined)[]>;
  targets: readonly Target[];
  definition: IndexDefinition;
  /** Reported indicator values, for definitions with indicator components and targets on indicators. */
  values?: ValueLookup;
  /** The indicator catalogue: targets naming an indicator flag the units that report it (SPEC §6). */
  indicators?: readonly Indicator[];
  minVolume?: number;
  flagOptions?: FlagOptions;
}

export interface RankingResult {
  rows: RankingRow[];
  /** A below-streak reached the oldest period given: more history is needed to count it in full. */
  truncated: boolean;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareUnitNames(a: { unitName: string; unitCode: string }, b: { unitName: string; unitCode: string }): number {
  return collator.compare(a.unitName, b.unitName) || a.unitCode.localeCompare(b.unitCode);
}

/**
 * targetInForce, remembered per target list: a unit without targets of its own has its kind's, so the answer is
 * shared by every unit of a kind (a national ranking asks it for thousands of units × periods × measures). The
 * answers for one subject and period end are kept together, so that a unit's period looks its table up once.
 */
type TargetTable = Map<string, TargetInForce | null>;
interface TargetMemo {
  own: Set<string>;
  tables: Map<string, TargetTable>;
  lists: Map<string, TargetInForce[]>;
}
const targetMemo = new WeakMap<readonly Target[], TargetMemo>();
function memoOf(targets: readonly Target[]): TargetMemo {
  let memo = targetMemo.get(targets);
  if (!memo) targetMemo.set(targets, (memo = { own: new Set(targets.flatMap((t) => (t.unitCode === null ? [] : [t.unitCode]))), tables: new Map(), lists: new Map() }));
  return memo;
}
/** Whose targets apply to a unit: its own list when it has one, else its kind's (shared by every unit of the kind). */
const subjectKey = (memo: TargetMemo, unit: Unit) => (memo.own.has(unit.code) ? `u:${unit.code}` : `k:${unit.kind}`);

/** The target in force for a unit at a period's end, by measure or indicator: its table looked up once, filled as asked. */
function targetsOf(targets: readonly Target[], unit: Unit, periodEnd: number): (measure: string) => TargetInForce | null {
  const memo = memoOf(targets);
  const key = `${subjectKey(memo, unit)}|${periodEnd}`;
  const table: TargetTable = memo.tables.get(key) ?? new Map();
  memo.tables.set(key, table);
  return (measure) => {
    let answer = table.get(measure);
    if (answer === undefined) table.set(measure, (answer = targetInForce(targets, unit, measure, periodEnd)));
    return answer;
  };
}

/** targetsInForce, remembered the same way. */
function targetsAt(targets: readonly Target[], unit: Unit, periodEnd: number): TargetInForce[] {
  const memo = memoOf(targets);
  const key = `${subjectKey(memo, unit)}|${periodEnd}`;
  let answer = memo.lists.get(key);
  if (answer === undefined) memo.lists.set(key, (answer = targetsInForce(targets, unit, periodEnd)));
  return answer;
}

type Series = readonly (Counts | undefined)[] | undefined;

/** A unit's counts in period i of its series (nothing received when absent). */
const countsIn = (series: Series, i: number): Counts => series?.[i] ?? EMPTY_COUNTS;

/** The indicator catalogue of a ranking's input, by code. */
const catalogueOf = (input: RankingInput): ReadonlyMap<string, Indicator> => new Map((input.indicators ?? []).map((i) => [i.code, i]));

/** What scoring a unit in period i needs: its counts, its targets then, its reported values. */
function contextAt(input: RankingInput, unit: Unit, series: Series, i: number): ScoreContext {
  const period = input.periods[i] as Period;
  const values = input.values ?? NO_VALUES;
  const targetOf = targetsOf(input.targets, unit, period.end);
  return {
    counts: countsIn(series, i),
    targetOf: (code) => targetOf(code)?.threshold ?? null,
    reported: (indicator) => values(indicator, unit.code, period),
  };
}

/** Competition ranking (1, 2, 2, 4) on the rounded index; units under the minimum volume get no rank. */
export function competitionRanks(entries: readonly { code: string; index: number | null; received: number }[], minVolume: number): Map<string, number> {
  const ranked = entries
    .filter((e) => e.index !== null && e.received >= minVolume && e.received > 0)
    .sort((a, b) => (b.index as number) - (a.index as number));
  const ranks = new Map<string, number>();
  ranked.forEach((e, i) => {
    const prev = ranked[i - 1];
    ranks.set(e.code, prev && prev.index === e.index ? (ranks.get(prev.code) as number) : i + 1);
  });
  return ranks;
}

function flagsOf(input: RankingInput, unit: Unit, series: Series, measures: Measures, catalogue: ReadonlyMap<string, Indicator>, options: FlagOptions): { flags: Flag[]; truncated: boolean } {
  const current = input.periods[0] as Period;
  let truncated = false;
  const flags = targetsAt(input.targets, unit, current.end).flatMap((target): Flag[] => {
    const measure = target.measure;
    if (!isMeasure(measure)) {
      const indicator = catalogue.get(measure);
      if (!indicator || !reportsIndicator(indicator, unit.kind)) return [];
      const flag = indicatorFlag({ indicator, unit, period: current, targets: input.targets, values: input.values ?? NO_VALUES, options });
      return flag ? [flag] : [];
    }
    const state = flagState(measure, countsIn(series, 0), target.threshold, options);
    let periodsBelow = 0;
    if (state === 'below') {
      periodsBelow = 1;
      for (let i = 1; i < input.periods.length; i++) {
        const t = targetsOf(input.targets, unit, (input.periods[i] as Period).end)(measure);
        if (!t || flagState(measure, countsIn(series, i), t.threshold, options) !== 'below') break;
        periodsBelow += 1;
      }
      if (periodsBelow === input.periods.length) truncated = true;
    }
    return [{ measure, target: target.threshold, value: measureValue(measure, measures), state, periodsBelow }];
  });
  return { flags, truncated };
}

/** What a unit's row takes from its own counts alone (all but its rank, rank change and rating). */
interface UnitPart {
  series: Series;
  score: IndexScore;
  /** Its index in periods[1], for the rank change. */
  previousIndex: number | null;
  measures: Measures;
  flags: Flag[];
  truncated: boolean;
}

/**
 * A build's per-unit parts, for the next build of the same ranking to take up (after an import of one unit's
 * dossiers a national ranking rebuilds one row of 3,321). A part is taken up only when everything it was built from
 * is the very same object: the unit, its counts in every period, and the build's context (the periods, targets,
 * definition, reported values, indicators and flag options). Counts are never changed in place, so the same object
 * is the same figures and the row is what a build from scratch gives.
 */
export interface RankingParts {
  readonly context: readonly unknown[];
  readonly byUnit: ReadonlyMap<Unit, UnitPart>;
}

const contextOf = (input: RankingInput, options: FlagOptions): unknown[] => [
  input.periods.map((p) => p.id).join(','), input.targets, input.definition, input.values ?? NO_VALUES, input.indicators ?? null, options,
];

const sameItems = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

/** The previous build's parts when built in the same context, else none. */
function usableParts(previous: RankingParts | undefined, context: readonly unknown[]): ReadonlyMap<Unit, UnitPart> | null {
  return previous && sameItems(previous.context, context) ? previous.byUnit : null;
}

function unitPart(input: RankingInput, unit: Unit, series: Series, catalogue: ReadonlyMap<string, Indicator>, options: FlagOptions): UnitPart {
  const measures = measuresFromCounts(countsIn(series, 0));
  const flagged = flagsOf(input, unit, series, measures, catalogue, options);
  return {
    series,
    score: scoreIndex(input.definition, contextAt(input, unit, series, 0)),
    previousIndex: input.periods.length > 1 ? indexOnly(input.definition, contextAt(input, unit, series, 1)) : null,
    measures,
    flags: flagged.flags,
    truncated: flagged.truncated,
  };
}

/**
 * The ranking of SPEC §3 for periods[0], with rank change against periods[1] when given. `previous` (the parts of
 * an earlier build of the same ranking) spares the rows whose inputs are the same objects; the result is the same.
 */
export function buildRanking(input: RankingInput, previous?: RankingParts): RankingResult & { parts: RankingParts } {
  const minVolume = input.minVolume ?? DEFAULT_MIN_VOLUME;
  const options = input.flagOptions ?? DEFAULT_FLAG_OPTIONS;
  const context = contextOf(input, options);
  const reusable = usableParts(previous, context);
  const catalogue = catalogueOf(input);
  // Each unit's history is looked up once; it is scored in full for the period (its row and its rank), and by
  // index only for the period before.
  const byUnit = new Map<Unit, UnitPart>();
  const scored = input.units.map((unit) => {
    const series = input.history.get(unit.code) as Series;
    const kept = reusable?.get(unit);
    const part = kept && sameItems(kept.series, series) ? kept : unitPart(input, unit, series, catalogue, options);
    byUnit.set(unit, part);
    return { unit, part };
  });
  const ranks = competitionRanks(scored.map(({ unit, part }) => ({ code: unit.code, index: part.score.index, received: part.measures.received })), minVolume);
  const previousRanks =
    input.periods.length > 1
      ? competitionRanks(scored.map(({ unit, part }) => ({ code: unit.code, index: part.previousIndex, received: countsIn(part.series, 1).received })), minVolume)
      : new Map<string, number>();
  let truncated = false;
  // A rating on part of the points would call a unit weak for what it has not reported yet.
  const fullPoints = maxPoints(input.definition);
  const rows = scored.map(({ unit, part }): RankingRow => {
    const { measures: m, score, flags, truncated: cut } = part;
    const index = score.index;
    const rank = ranks.get(unit.code) ?? null;
    const previousRank = previousRanks.get(unit.code) ?? null;
    truncated ||= cut;
    return {
      unitCode: unit.code,
      unitName: unit.name,
      kind: unit.kind,
      headName: unit.headName,
      received: m.received,
      online: m.online,
      endToEnd: m.endToEnd,
      onTime: m.onTime,
      overdueOpen: m.overdueOpen,
      onlineRate: m.onlineRate,
      endToEndRate: m.endToEndRate,
      onTimeRate: m.onTimeRate,
      avgProcessingDays: m.avgProcessingDays,
      index,
      rating: rank === null || score.coverage < fullPoints ? null : ratingOf(input.definition, index),
      rank,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      status: rank === null ? 'insufficient-data' : 'ranked',
      flags,
      components: score.components,
      indexCoverage: score.coverage,
    };
  });
  rows.sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank || compareUnitNames(a, b);
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return compareUnitNames(a, b);
  });
  return { rows, truncated, parts: { context, byUnit } };
}

/** Whether a row has a below-streak as long as the `seen` periods it was counted over (it may go back further). */
export const streakReaches = (row: RankingRow, seen: number): boolean => row.flags.some((f) => f.periodsBelow === seen);

/**
 * The ranking of `result` (built from the first periods of `input`) with its below-streaks counted again over all of
 * `input.periods`: only the rows whose streak reached the oldest period `result` saw (`seen` periods) change, and only
 * their flags; indexes, ranks and rank changes depend on the first two periods alone. Equal to buildRanking(input).
 */
export function withLongerStreaks(result: RankingResult, seen: number, input: RankingInput): RankingResult {
  const options = input.flagOptions ?? DEFAULT_FLAG_OPTIONS;
  const catalogue = catalogueOf(input);
  const units = new Map(input.units.map((u) => [u.code, u]));
  let truncated = false;
  const rows = result.rows.map((row) => {
    if (!streakReaches(row, seen)) return row;
    const series = input.history.get(row.unitCode) as Series;
    const flagged = flagsOf(input, units.get(row.unitCode) as Unit, series, measuresFromCounts(countsIn(series, 0)), catalogue, options);
    truncated ||= flagged.truncated;
    return { ...row, flags: flagged.flags };
  });
  return { rows, truncated };
}

export function isFlagged(row: Pick<RankingRow, 'flags'>): boolean {
  return row.flags.some((f) => f.state === 'below');
}
