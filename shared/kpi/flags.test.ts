import { describe, expect, it } from 'vitest';
import type { Counts, Measure } from '../schemas/measure';
import { flagState, missesTarget } from './flags';
import { EMPTY_COUNTS } from './measures';
import { DAY_MS } from './vn-time';

const c = (over: Partial<Counts>): Counts => ({ ...EMPTY_COUNTS, ...over });

describe('flagState', () => {
  it.each<[string, Measure, Partial<Counts>, number, string]>([
    ['online 59.99 % against 60 is below even though it rounds to 60.00', 'onlineRate', { received: 10000, online: 5999 }, 60, 'below'],
    ['online exactly 60 % meets 60', 'onlineRate', { received: 10, online: 6 }, 60, 'at-risk'],
    ['online 64.99 % is within the 5-point margin', 'onlineRate', { received: 10000, online: 6499 }, 60, 'at-risk'],
    ['online 65 % is past the margin', 'onlineRate', { received: 20, online: 13 }, 60, 'met'],
    ['on time 100 % against 100 is met, not at risk', 'onTimeRate', { received: 7, onTime: 7 }, 100, 'met'],
    ['on time 99.99 % against 100 is below', 'onTimeRate', { received: 10000, onTime: 9999 }, 100, 'below'],
    ['96 % against 95 is at risk', 'onTimeRate', { received: 100, onTime: 96 }, 95, 'at-risk'],
    ['nothing received is no-data', 'onlineRate', { received: 0 }, 60, 'no-data'],
    ['0 % against a threshold of 0 meets it by less than the margin', 'endToEndRate', { received: 10, endToEnd: 0 }, 0, 'at-risk'],
    ['days over the limit are below', 'avgProcessingDays', { completed: 2, processingMs: 2 * 5.01 * DAY_MS }, 5, 'below'],
    ['days at the limit meet it, within 10 % is at risk', 'avgProcessingDays', { completed: 1, processingMs: 5 * DAY_MS }, 5, 'at-risk'],
    ['days well under the limit are met', 'avgProcessingDays', { completed: 1, processingMs: 4.5 * DAY_MS }, 5, 'met'],
    ['no completed dossier gives no processing time', 'avgProcessingDays', { received: 4, completed: 0 }, 5, 'no-data'],
    ['one overdue dossier against none allowed is below', 'overdueOpen', { received: 4, overdueOpen: 1 }, 0, 'below'],
    ['no overdue dossier is the best possible', 'overdueOpen', { received: 4, overdueOpen: 0 }, 0, 'met'],
    ['10 overdue against 10 allowed is at risk', 'overdueOpen', { received: 40, overdueOpen: 10 }, 10, 'at-risk'],
  ])('%s', (_label, measure, counts, threshold, expected) => {
    expect(flagState(measure, c(counts), threshold)).toBe(expected);
  });
});

describe('missesTarget', () => {
  it.each<[Measure, number | null, number, boolean]>([
    ['onlineRate', 59.99, 60, true],
    ['onlineRate', 60, 60, false],
    ['avgProcessingDays', 5.01, 5, true],
    ['avgProcessingDays', 5, 5, false],
    ['onTimeRate', null, 100, false],
  ])('%s %s against %s misses: %s', (measure, value, threshold, expected) => {
    expect(missesTarget(measure, value, threshold)).toBe(expected);
  });
});
