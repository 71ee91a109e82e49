import { describe, expect, it } from 'vitest';
import { forecastToDeadline, slopeOf } from './forecast';
import { mustParsePeriod } from './periods';

const w = mustParsePeriod('2026-W40');
const asOf = w.end;

describe('slopeOf', () => {
  it('fits a line through the values, skipping periods without one', () => {
    expect(slopeOf([40, 42, 44, 46])).toEqual({ slope: 2, basis: 4 });
    expect(slopeOf([40, null, 44, null])).toEqual({ slope: 2, basis: 2 });
    expect(slopeOf([null, 50])).toEqual({ slope: null, basis: 1 });
  });
});

describe('forecastToDeadline', () => {
  it('names the period in which the trend reaches the threshold', () => {
    const f = forecastToDeadline('onlineRate', 60, '2026-12-31', [40, 42, 44, 46, 48, 50, 52, 54], w, asOf);
    expect(f).toMatchObject({ outcome: 'reaches', reachedIn: '2026-W43', slope: 2, basis: 8 });
  });

  it('says when the trend does not get there before the deadline', () => {
    expect(forecastToDeadline('onlineRate', 60, '2026-10-15', [40, 41, 42, 43, 44, 45, 46, 47], w, asOf).outcome).toBe('not-before-deadline');
  });

  it('says when there is no progress, or too little history', () => {
    expect(forecastToDeadline('onlineRate', 60, '2026-12-31', [50, 49, 48, 47], w, asOf).outcome).toBe('no-progress');
    expect(forecastToDeadline('onlineRate', 60, '2026-12-31', [null, null, 50], w, asOf).outcome).toBe('no-progress');
    const flat = forecastToDeadline('onlineRate', 60, '2026-12-31', [0.1 + 0.2, 0.3, 0.30000000000000004, 0.3], w, asOf);
    expect(flat).toMatchObject({ outcome: 'no-progress', slope: 0 });
  });

  it('treats lower-is-better measures the other way round', () => {
    expect(forecastToDeadline('avgProcessingDays', 3, '2026-12-31', [6, 5.5, 5, 4.5], w, asOf)).toMatchObject({ outcome: 'reaches', reachedIn: '2026-W43' });
  });

  it('marks a deadline already past', () => {
    expect(forecastToDeadline('onlineRate', 60, '2025-07-30', [40, 50], w, asOf).outcome).toBe('deadline-passed');
  });
});
