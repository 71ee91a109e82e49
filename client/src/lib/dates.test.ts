import { describe, expect, it } from 'vitest';
import { parseDayMonthYear, toDayMonthYear } from './dates';

describe('dates typed day first', () => {
  it.each([
    ['21/07/2025', '2025-07-21'], ['1/8/2025', '2025-08-01'], ['30.07.2025', '2025-07-30'], ['29/02/2024', '2024-02-29'],
    ['07/21/2025', null], ['29/02/2025', null], ['2025-07-21', null], ['', null],
  ])('%j → %j', (text, iso) => {
    expect(parseDayMonthYear(text)).toBe(iso);
  });

  it('writes a date back day first', () => {
    expect(toDayMonthYear('2025-07-21')).toBe('21/07/2025');
    expect(toDayMonthYear('')).toBe('');
  });
});
