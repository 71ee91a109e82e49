import { describe, expect, it } from 'vitest';
import { cutOff, isoWeekOf, mustParsePeriod, parsePeriod, periodContaining, periodsBetween, previousPeriod } from './periods';

const utc = (iso: string) => Date.parse(iso);

describe('parsePeriod', () => {
  it.each([
    ['2025-W30', '2025-07-20T17:00:00Z', '2025-07-27T17:00:00Z', '2025-07-21', '2025-07-27'],
    ['2025-W01', '2024-12-29T17:00:00Z', '2025-01-05T17:00:00Z', '2024-12-30', '2025-01-05'],
    ['2020-W53', '2020-12-27T17:00:00Z', '2021-01-03T17:00:00Z', '2020-12-28', '2021-01-03'],
    ['2025-07', '2025-06-30T17:00:00Z', '2025-07-31T17:00:00Z', '2025-07-01', '2025-07-31'],
    ['2025-12', '2025-11-30T17:00:00Z', '2025-12-31T17:00:00Z', '2025-12-01', '2025-12-31'],
    ['2025-Q3', '2025-06-30T17:00:00Z', '2025-09-30T17:00:00Z', '2025-07-01', '2025-09-30'],
    ['2025-Q4', '2025-09-30T17:00:00Z', '2025-12-31T17:00:00Z', '2025-10-01', '2025-12-31'],
    ['2025', '2024-12-31T17:00:00Z', '2025-12-31T17:00:00Z', '2025-01-01', '2025-12-31'],
    ['2025-07-01..2025-07-31', '2025-06-30T17:00:00Z', '2025-07-31T17:00:00Z', '2025-07-01', '2025-07-31'],
    ['2025-07-21..2025-07-21', '2025-07-20T17:00:00Z', '2025-07-21T17:00:00Z', '2025-07-21', '2025-07-21'],
  ])('%s runs from %s to %s (Vietnam dates %s – %s)', (id, start, end, startDate, endDate) => {
    const p = mustParsePeriod(id);
    expect([p.id, new Date(p.start).toISOString(), new Date(p.end).toISOString(), p.startDate, p.endDate]).toEqual([
      id, new Date(start).toISOString(), new Date(end).toISOString(), startDate, endDate,
    ]);
  });

  it.each(['2025-W54', '2025-W00', '2025-W53', '2025-13', '2025-Q5', '2025-07-31..2025-07-01', '2025-02-30..2025-03-01', 'W30', '07/2025', ''])(
    'refuses %j with a reason',
    (id) => {
      const parsed = parsePeriod(id);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(10);
    },
  );
});

describe('week boundaries are at midnight Vietnam time, 17:00 UTC', () => {
  it.each([
    ['2025-07-20T16:59:59.999Z', '2025-W29'],
    ['2025-07-20T17:00:00.000Z', '2025-W30'],
    ['2025-07-27T16:59:59.999Z', '2025-W30'],
    ['2025-07-27T17:00:00.000Z', '2025-W31'],
    ['2024-12-29T17:00:00.000Z', '2025-W01'],
    ['2026-01-01T00:00:00.000Z', '2026-W01'],
    ['2021-01-03T16:59:59.000Z', '2020-W53'],
  ])('%s is in %s', (iso, week) => {
    expect(periodContaining('week', utc(iso)).id).toBe(week);
  });

  it('a month starts at 00:00 on the 1st in Vietnam, which is still the previous month in UTC', () => {
    expect(periodContaining('month', utc('2025-07-31T17:00:00Z')).id).toBe('2025-08');
    expect(periodContaining('month', utc('2025-07-31T16:59:59Z')).id).toBe('2025-07');
    expect(periodContaining('quarter', utc('2025-09-30T17:00:00Z')).id).toBe('2025-Q4');
    expect(periodContaining('year', utc('2025-12-31T17:00:00Z')).id).toBe('2026');
  });

  it('numbers ISO weeks by the Thursday', () => {
    expect(isoWeekOf(utc('2027-01-01T05:00:00Z'))).toEqual({ isoYear: 2026, week: 53 });
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2025-W30', '2025-W29'],
    ['2025-W01', '2024-W52'],
    ['2021-W01', '2020-W53'],
    ['2025-01', '2024-12'],
    ['2025-Q1', '2024-Q4'],
    ['2025', '2024'],
    ['2025-07-01..2025-07-31', '2025-05-31..2025-06-30'],
    ['2025-07-21..2025-07-27', '2025-07-14..2025-07-20'],
  ])('before %s comes %s', (id, previous) => {
    expect(previousPeriod(mustParsePeriod(id)).id).toBe(previous);
  });
});

describe('periodsBetween and cutOff', () => {
  it('lists the weeks overlapping a span, oldest first', () => {
    const ids = periodsBetween('week', utc('2025-06-30T17:00:00Z'), utc('2025-07-31T17:00:00Z')).map((p) => p.id);
    expect(ids).toEqual(['2025-W27', '2025-W28', '2025-W29', '2025-W30', '2025-W31']);
  });

  it('takes the figures at the earlier of the period end and the data cut-off', () => {
    const p = mustParsePeriod('2025-W30');
    expect(cutOff(p, utc('2025-07-23T03:00:00Z'))).toBe(utc('2025-07-23T03:00:00Z'));
    expect(cutOff(p, utc('2026-01-01T00:00:00Z'))).toBe(p.end);
  });
});
