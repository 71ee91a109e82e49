import { matchesSearch } from '../format/fold';
import { unitState, type UnitState } from './flags';
import type { RankingRow } from '../schemas/ranking';
import type { UnitKind } from '../schemas/unit';
import { kindsOfGroup, type Group } from '../domain/unit';

export const SORT_KEYS = ['rank', 'unitName', 'received', 'onlineRate', 'endToEndRate', 'onTimeRate', 'avgProcessingDays', 'index'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface RowFilter {
  query: string;
  kind: UnitKind | null;
  state: UnitState | null;
}

export function filterRows(rows: readonly RankingRow[], filter: RowFilter): RankingRow[] {
  return rows.filter(
    (r) => (matchesSearch(r.unitName, filter.query) || r.unitCode.startsWith(filter.query.trim())) && (filter.kind === null || r.kind === filter.kind) && (filter.state === null || unitState(r.flags) === filter.state),
  );
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Sorts a copy; missing values go last whatever the direction, ties keep the ranking order. */
export function sortRows(rows: readonly RankingRow[], key: SortKey, dir: SortDir): RankingRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      if (key === 'unitName') return sign * collator.compare(a.row.unitName, b.row.unitName) || a.i - b.i;
      const x = a.row[key];
      const y = b.row[key];
      if (x === null && y === null) return a.i - b.i;
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x - y) || a.i - b.i;
    })
    .map((e) => e.row);
}

/** Units with a rank, and those not ranked (too few dossiers), which are shown apart. */
export function splitRanked(rows: readonly RankingRow[]): { ranked: RankingRow[]; unranked: RankingRow[] } {
  return { ranked: rows.filter((r) => r.rank !== null), unranked: rows.filter((r) => r.rank === null) };
}

/** The direction a column sorts in first: best first. */
export function defaultDir(key: SortKey): SortDir {
  return key === 'rank' || key === 'unitName' || key === 'avgProcessingDays' ? 'asc' : 'desc';
}

const STATES: readonly UnitState[] = ['below', 'at-risk', 'met'];

export interface RankingView extends RowFilter {
  group: Group;
  sort: SortKey;
  dir: SortDir;
}

/** The rankings page's view from its URL parameters (the page and the export read them alike); unknown values are the defaults. */
export function rankingViewOf(params: { get: (name: string) => string | null }): RankingView {
  const group: Group = params.get('group') === 'department' ? 'department' : 'commune';
  const kind = params.get('kind');
  const state = params.get('state');
  const sort = params.get('sort');
  const dir = params.get('dir');
  const sortKey: SortKey = SORT_KEYS.find((k) => k === sort) ?? 'rank';
  return {
    group,
    query: params.get('q') ?? '',
    kind: kindsOfGroup(group).find((k) => k === kind) ?? null,
    state: STATES.find((s) => s === state) ?? null,
    sort: sortKey,
    dir: dir === 'asc' || dir === 'desc' ? dir : defaultDir(sortKey),
  };
}

/** The rows the page shows for a view: filtered, sorted, ranked units first and then those not ranked. */
export function viewRows(rows: readonly RankingRow[], view: RankingView): RankingRow[] {
  const { ranked, unranked } = splitRanked(sortRows(filterRows(rows, view), view.sort, view.dir));
  return [...ranked, ...unranked];
}
