import { describe, expect, it } from 'vitest';
import type { RankingRow } from '../schemas/ranking';
import { filterRows, rankingViewOf, sortRows, splitRanked, viewRows } from './ranking-view';

const row = (over: Partial<RankingRow>): RankingRow => ({
  unitCode: '1', unitName: 'Phường Hoàn Kiếm', kind: 'ward', headName: null, received: 100, online: 60, endToEnd: 20, onTime: 100, overdueOpen: 0,
  onlineRate: 60, endToEndRate: 20, onTimeRate: 100, avgProcessingDays: 1, index: 100, rating: 'Xuất sắc', rank: 1, rankChange: 0, status: 'ranked', flags: [], components: [], indexCoverage: 100, ...over,
});

const rows = [
  row({}),
  row({ unitCode: '2', unitName: 'Xã Sóc Sơn', kind: 'commune', onlineRate: 40, index: 80, rank: 2, flags: [{ measure: 'onlineRate', target: 60, value: 40, state: 'below', periodsBelow: 3 }] }),
  row({ unitCode: '3', unitName: 'Phường Hoàng Liệt', onlineRate: null, index: null, rank: null, status: 'insufficient-data' }),
];

describe('ranking view rows', () => {
  it.each([
    ['hoan kiem', ['1']],
    ['HOÀN KIẾM', ['1']],
    ['hoang', ['3']],
    ['soc son', ['2']],
    ['phuong', ['1', '3']],
    ['', ['1', '2', '3']],
    ['2', ['2']],
    [' 3 ', ['3']],
  ])('a search for %j finds %j, by name with or without diacritics, or by code', (query, codes) => {
    expect(filterRows(rows, { query, kind: null, state: null }).map((r) => r.unitCode)).toEqual(codes);
  });

  it('filters by kind and by state', () => {
    expect(filterRows(rows, { query: '', kind: 'commune', state: null }).map((r) => r.unitCode)).toEqual(['2']);
    expect(filterRows(rows, { query: '', kind: null, state: 'below' }).map((r) => r.unitCode)).toEqual(['2']);
  });

  it('sorts by a measure with missing values last, either way', () => {
    expect(sortRows(rows, 'onlineRate', 'desc').map((r) => r.unitCode)).toEqual(['1', '2', '3']);
    expect(sortRows(rows, 'onlineRate', 'asc').map((r) => r.unitCode)).toEqual(['2', '1', '3']);
    expect(sortRows(rows, 'unitName', 'asc').map((r) => r.unitName)).toEqual(['Phường Hoàn Kiếm', 'Phường Hoàng Liệt', 'Xã Sóc Sơn']);
  });

  it('keeps unranked units apart', () => {
    expect(splitRanked(rows).unranked.map((r) => r.unitCode)).toEqual(['3']);
  });
});

describe('the rankings view from URL parameters', () => {
  it('reads group, search, kind, state and sort, and falls back to the defaults for what it does not know', () => {
    expect(rankingViewOf(new URLSearchParams('group=department&q=tư&state=below&sort=onlineRate'))).toEqual({ group: 'department', query: 'tư', kind: null, state: 'below', sort: 'onlineRate', dir: 'desc' });
    expect(rankingViewOf(new URLSearchParams('kind=ward&sort=nope&dir=up&state=x'))).toEqual({ group: 'commune', query: '', kind: 'ward', state: null, sort: 'rank', dir: 'asc' });
    expect(rankingViewOf(new URLSearchParams('group=department&kind=ward')).kind).toBeNull();
  });

  it('gives the rows shown: filtered, sorted, then the units not ranked', () => {
    const rows = [row({ unitCode: 'a', rank: 1, onlineRate: 50 }), row({ unitCode: 'b', rank: null, status: 'insufficient-data', onlineRate: 90 }), row({ unitCode: 'c', rank: 2, onlineRate: 70 })];
    expect(viewRows(rows, rankingViewOf(new URLSearchParams('sort=onlineRate'))).map((r) => r.unitCode)).toEqual(['c', 'a', 'b']);
  });
});
