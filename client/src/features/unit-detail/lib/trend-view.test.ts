import { describe, expect, it } from 'vitest';
import { trendView } from './trend-view';

describe('trendView', () => {
  it('maps points and marks the period that holds the deadline', () => {
    const view = trendView({
      points: [
        { period: '2025-W30', startDate: '2025-07-21', endDate: '2025-07-27', value: 55.5, target: 60 },
        { period: '2025-W31', startDate: '2025-07-28', endDate: '2025-08-03', value: null, target: 60 },
      ],
      deadlines: [{ date: '2025-07-30', threshold: 60 }],
    });
    expect(view.points).toEqual([
      { label: '2025-W30', value: 55.5, target: 60 },
      { label: '2025-W31', value: null, target: 60 },
    ]);
    expect(view.deadlineLabel).toBe('2025-W31');
  });

  it('marks nothing when the deadline is outside the span', () => {
    expect(trendView({ points: [], deadlines: [{ date: '2025-07-30', threshold: 60 }] }).deadlineLabel).toBeNull();
  });
});
