import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue } from '../domain/indicator';
import type { Target } from '../schemas/target';
import type { Unit } from '../schemas/unit';
import { judge } from './flags';
import { indicatorFlag, indicatorFraction, judgedPeriod, pooledFraction } from './indicator-flags';
import { mustParsePeriod } from './periods';
import { buildRanking, isFlagged } from './ranking';
import { valueLookup } from './reported-values';
import { SHIPPED_DEFINITIONS } from './definitions';
import type { IndexDefinition } from '../schemas/index-definition';

const indicator = (over: Partial<Indicator> = {}): Indicator => ({
  code: 'DA06_VNEID', name: 'VNeID', nameEn: null, pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', kinds: ['ward', 'commune'], description: null, ...over,
});
const ward = { code: 'W1', kind: 'ward' as const };
const target = (threshold: number, over: Partial<Target> = {}): Target => ({ measure: 'DA06_VNEID', kind: 'ward', unitCode: null, threshold, effectiveFrom: '2025-07-01', deadline: null, ...over });
const value = (period: string, numerator: number | null, denominator: number | null, v: number | null = null): IndicatorValue => ({
  indicator: 'DA06_VNEID', unitCode: 'W1', period, numerator, denominator, value: v, note: null,
});

describe('judge (indicators: direction and margins from the catalogue)', () => {
  const higherPercent = { direction: 'higher', percent: true } as const;
  const lowerPercent = { direction: 'lower', percent: true } as const;
  const higherCount = { direction: 'higher', percent: false } as const;
  const lowerDays = { direction: 'lower', percent: false } as const;
  it.each<[string, { num: number; den: number } | null, number, typeof higherPercent | typeof lowerPercent | typeof higherCount | typeof lowerDays, string]>([
    ['6,999 of 10,000 against 70 % is below though it rounds to 70.00', { num: 100 * 6999, den: 10000 }, 70, higherPercent, 'below'],
    ['exactly 70 % meets 70 within the 5-point margin', { num: 100 * 7, den: 10 }, 70, higherPercent, 'at-risk'],
    ['75 % is past the margin', { num: 100 * 3, den: 4 }, 70, higherPercent, 'met'],
    ['100 % against 100 is at its best: met', { num: 100 * 25, den: 25 }, 100, higherPercent, 'met'],
    ['a lower-is-better percent over the limit is below', { num: 11, den: 1 }, 10, lowerPercent, 'below'],
    ['a lower-is-better percent within 5 points under the limit is at risk', { num: 6, den: 1 }, 10, lowerPercent, 'at-risk'],
    ['a lower-is-better percent at 0 is at its best', { num: 0, den: 1 }, 3, lowerPercent, 'met'],
    ['a count under the quota is below', { num: 95, den: 1 }, 100, higherCount, 'below'],
    ['a count within 10 % over the quota is at risk', { num: 105, den: 1 }, 100, higherCount, 'at-risk'],
    ['a count 10 % over the quota is met', { num: 110, den: 1 }, 100, higherCount, 'met'],
    ['days over the limit are below', { num: 121, den: 1 }, 120, lowerDays, 'below'],
    ['days within 10 % under the limit are at risk', { num: 110, den: 1 }, 120, lowerDays, 'at-risk'],
    ['no figure is no-data, never below', null, 70, higherPercent, 'no-data'],
  ])('%s', (_label, f, threshold, scale, expected) => {
    expect(judge(f, threshold, scale)).toBe(expected);
  });
});

describe('indicatorFraction', () => {
  it('reads num/den (a percent × 100), a value alone, and no value for den = 0', () => {
    expect(indicatorFraction('percent', { numerator: 3, denominator: 4, value: null })).toEqual({ num: 300, den: 4 });
    expect(indicatorFraction('count', { numerator: 3, denominator: 4, value: null })).toEqual({ num: 3, den: 4 });
    expect(indicatorFraction('points', { numerator: null, denominator: null, value: 7.5 })).toEqual({ num: 7.5, den: 1 });
    expect(indicatorFraction('percent', { numerator: 0, denominator: 0, value: null })).toBeNull();
    expect(indicatorFraction('percent', null)).toBeNull();
  });
});

describe('judgedPeriod', () => {
  it.each([
    ['a week shows the last month ended by its end', '2025-W30', 'month', '2025-06'],
    ['a week ending on the last day of a month shows that month', '2025-W44', 'month', '2025-10'],
    ['a month is judged on itself', '2025-07', 'month', '2025-07'],
    ['a quarter sums a monthly indicator over its months', '2025-Q3', 'month', '2025-Q3'],
    ['a month shows the last quarter ended by its end', '2025-08', 'quarter', '2025-Q2'],
    ['a custom range is judged as it is', '2025-07-01..2025-09-30', 'month', '2025-07-01..2025-09-30'],
  ] as const)('%s', (_label, asked, frequency, expected) => {
    expect(judgedPeriod({ frequency }, mustParsePeriod(asked)).id).toBe(expected);
  });
});

describe('indicatorFlag', () => {
  const flagFor = (values: IndicatorValue[], targets: Target[], asked = '2025-09', i = indicator()) =>
    indicatorFlag({ indicator: i, unit: ward, period: mustParsePeriod(asked), targets, values: valueLookup(values, [i]) });

  it('is below on exact counts, with the months below in a row counted back until a month that was not', () => {
    const values = [value('2025-06', 9, 10), value('2025-07', 6, 10), value('2025-08', 69, 100), value('2025-09', 6999, 10000)];
    expect(flagFor(values, [target(70)])).toEqual({ measure: 'DA06_VNEID', target: 70, value: 69.99, state: 'below', periodsBelow: 3, period: '2025-09' });
  });

  it('stops the streak at a month with no report, and judges each month against the target then in force', () => {
    const values = [value('2025-07', 5, 10), value('2025-09', 6, 10), value('2025-10', 6, 10)];
    expect(flagFor(values, [target(70)], '2025-10')?.periodsBelow).toBe(2);
    const raised = [target(50), target(70, { effectiveFrom: '2025-10-01' })];
    expect(flagFor(values, raised, '2025-10')?.periodsBelow).toBe(1);
  });

  it('is no-data, not below, for a unit that has not reported the month', () => {
    expect(flagFor([value('2025-08', 1, 10)], [target(70)])).toMatchObject({ state: 'no-data', value: null, periodsBelow: 0 });
  });

  it('on a week, judges the last month that ended, and a unit own target wins over its kind', () => {
    const values = [value('2025-06', 8, 10)];
    const targets = [target(70), target(90, { kind: null, unitCode: 'W1' })];
    expect(flagFor(values, targets, '2025-W30')).toMatchObject({ target: 90, value: 80, state: 'below', period: '2025-06' });
  });

  it('reads a value-only figure and a lower-is-better indicator the catalogue way', () => {
    const days = indicator({ unit: 'days', direction: 'lower' });
    expect(flagFor([value('2025-09', null, null, 12)], [target(10)], '2025-09', days)).toMatchObject({ state: 'below', value: 12 });
    expect(flagFor([value('2025-09', null, null, 9.5)], [target(10)], '2025-09', days)).toMatchObject({ state: 'at-risk' });
  });

  it('has no flag without a target in force', () => {
    expect(flagFor([value('2025-09', 1, 10)], [target(70, { effectiveFrom: '2025-10-01' })])).toBeNull();
  });
});

describe('pooledFraction', () => {
  it('pools numerators and denominators, else averages values, and ignores units with nothing', () => {
    expect(pooledFraction('percent', [{ numerator: 1, denominator: 4, value: null }, { numerator: 3, denominator: 4, value: null }, null])).toEqual({ num: 400, den: 8 });
    expect(pooledFraction('percent', [{ numerator: 1, denominator: 4, value: null }, { numerator: null, denominator: null, value: 75 }])).toEqual({ num: 100, den: 2 });
    expect(pooledFraction('percent', [{ numerator: 0, denominator: 0, value: null }, null])).toBeNull();
  });
});

describe('buildRanking with a target on an indicator', () => {
  const units: Unit[] = [
    { code: 'W1', name: 'Phường Một', nameEn: null, kind: 'ward', headName: null, headTitle: null, parentCode: null, population: null },
    { code: 'D1', name: 'Sở Một', nameEn: null, kind: 'department', headName: null, headTitle: null, parentCode: null, population: null },
  ];
  it('flags the unit below on the indicator, and gives no flag to a kind that does not report it', () => {
    const i = indicator();
    const targets = [target(70), target(70, { kind: 'department' })];
    const { rows } = buildRanking({
      units, periods: [mustParsePeriod('2025-09')], history: new Map(), targets, definition: SHIPPED_DEFINITIONS[0] as IndexDefinition,
      values: valueLookup([value('2025-09', 5, 10)], [i]), indicators: [i],
    });
    const w1 = rows.find((r) => r.unitCode === 'W1');
    expect(w1?.flags).toEqual([{ measure: 'DA06_VNEID', target: 70, value: 50, state: 'below', periodsBelow: 1, period: '2025-09' }]);
    expect(w1 && isFlagged(w1)).toBe(true);
    expect(rows.find((r) => r.unitCode === 'D1')?.flags).toEqual([]);
  });
});
