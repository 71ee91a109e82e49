import { describe, expect, it } from 'vitest';
import { MEASURES } from '../domain/measure';
import type { Counts } from '../schemas/measure';
import { EMPTY_COUNTS } from './measures';
import { MEASURE_TABLE, measureFraction, measureFromCounts, measureLabels } from './measure-table';

const c = (over: Partial<Counts>): Counts => ({ ...EMPTY_COUNTS, ...over });

describe('the measure table', () => {
  it('describes every measure, with a label in both languages', () => {
    expect(Object.keys(MEASURE_TABLE).sort()).toEqual([...MEASURES].sort());
    for (const lang of ['vi', 'en'] as const) for (const label of Object.values(measureLabels(lang))) expect(label.length).toBeGreaterThan(2);
  });

  it.each<[keyof typeof MEASURE_TABLE, Partial<Counts>, number | null]>([
    ['onlineRate', { received: 3, online: 2 }, 66.67],
    ['onlineRate', { received: 0 }, null],
    ['endToEndRate', { received: 8, endToEnd: 1 }, 12.5],
    ['onTimeRate', { received: 161, onTime: 156 }, 96.89],
    ['eResultRate', { received: 10, eResultKnown: 4, eResult: 1 }, 25],
    ['eResultRate', { received: 10 }, null],
    ['onlinePaymentRate', { feeRequired: 3, paidOnline: 1 }, 33.33],
    ['avgProcessingDays', { completed: 2, processingMs: 3 * 86_400_000 }, 1.5],
    ['avgProcessingDays', { received: 4 }, null],
    ['overdueOpen', { received: 4, overdueOpen: 2 }, 2],
    ['overdueOpen', { received: 0 }, null],
  ])('%s of %j is %s, and its fraction agrees', (measure, counts, expected) => {
    expect(measureFromCounts(measure, c(counts))).toBe(expected);
    const f = measureFraction(measure, c(counts));
    expect(f === null).toBe(expected === null);
    if (f && expected !== null && MEASURE_TABLE[measure].format === 'percent') expect((100 * f.num) / f.den).toBeCloseTo(expected, 1);
  });
});
