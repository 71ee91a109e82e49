import { describe, expect, it } from 'vitest';
import { fittedDomain, niceStep, trendView } from './trend-view';

const week = (n: number, value: number | null, target: number | null = 100) => ({
  period: `2025-W${String(n).padStart(2, '0')}`, startDate: `2025-W${n}-start`, endDate: `2025-W${n}-end`, value, target,
});

describe('trendView', () => {
  it('starts at the first period with data, keeps later empty periods as named gaps', () => {
    const view = trendView({ points: [week(28, null), week(29, null), week(30, 97), week(31, null), week(32, 98.5)], deadlines: [] }, true);
    expect(view.points.map((p) => p.label)).toEqual(['2025-W30', '2025-W31', '2025-W32']);
    expect(view.points[1]).toEqual({ label: '2025-W31', value: null, target: 100 });
    expect(view.gaps).toEqual(['2025-W31']);
  });

  it('marks the period that holds the latest deadline, and nothing when it is outside the shown span', () => {
    const points = [
      { period: '2025-W30', startDate: '2025-07-21', endDate: '2025-07-27', value: 55.5, target: 60 },
      { period: '2025-W31', startDate: '2025-07-28', endDate: '2025-08-03', value: null, target: 60 },
    ];
    expect(trendView({ points, deadlines: [{ date: '2025-07-30', threshold: 60 }] }, true).deadlineLabel).toBe('2025-W31');
    expect(trendView({ points, deadlines: [{ date: '2025-09-30', threshold: 60 }] }, true).deadlineLabel).toBeNull();
    // Before the first data: the deadline's period is not shown, so it is not marked.
    expect(trendView({ points: [{ ...points[0]!, value: null }, { ...points[1]!, value: 58 }], deadlines: [{ date: '2025-07-22', threshold: 60 }] }, true).deadlineLabel).toBeNull();
  });

  it('has no points and a full rate axis when the unit has no data at all', () => {
    const view = trendView({ points: [week(30, null), week(31, null)], deadlines: [] }, true);
    expect(view.points).toEqual([]);
    expect(view.domain).toEqual([0, 100]);
  });

  it('fits the axis so that 98,5 against a target of 100 is a visible gap (the axis does not start at 0)', () => {
    const view = trendView({ points: [week(30, 98.5), week(31, 98.9), week(32, 99.1)], deadlines: [] }, true);
    const [lo, hi] = view.domain;
    expect(lo).toBeGreaterThan(90);
    expect(lo).toBeLessThanOrEqual(98.5);
    expect(hi).toBe(100);
    // The gap takes a visible share of the chart's height (on 0–100 it was 1,5 %).
    expect((100 - 98.5) / (hi - lo)).toBeGreaterThan(0.3);
  });
});

describe('fittedDomain', () => {
  it('spans values and targets on round steps, within 0–100 for rates and never below 0', () => {
    expect(fittedDomain([55, 80], true)).toEqual([50, 90]);
    expect(fittedDomain([2, 99], true)).toEqual([0, 100]);
    expect(fittedDomain([0, 3], false)).toEqual([0, 4]);
    const [lo, hi] = fittedDomain([12.4, 12.4], false);
    expect(lo).toBeLessThanOrEqual(12.4);
    expect(hi).toBeGreaterThan(12.4);
  });

  it('rounds steps to 1, 2 or 5 × 10ⁿ', () => {
    expect(niceStep(2)).toBe(0.5);
    expect(niceStep(35)).toBe(10);
    expect(niceStep(7)).toBe(2);
  });
});
