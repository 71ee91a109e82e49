import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDate, formatDateTime, formatFixed, formatMeasure, formatPercent } from './format';

describe('formatting in the interface language', () => {
  it.each([
    ['vi', 86.76, '86,76 %'],
    ['vi', 100, '100,00 %'],
    ['vi', 97.5, '97,50 %'],
    ['en', 86.76, '86.76 %'],
    ['vi', null, '—'],
  ])('%s writes the rate %s as %s', (language, value, expected) => {
    expect(formatPercent(value, language)).toBe(expected);
  });

  it('writes dates day first in both languages, in Vietnam time', () => {
    expect(formatDate('2026-11-23', 'vi')).toBe('23/11/2026');
    expect(formatDate('2026-11-23', 'en')).toBe('23/11/2026');
    expect(formatDateTime('2025-07-20T17:00:00.000Z', 'vi')).toBe('21/07/2025 00:00');
  });

  it('groups thousands and signs changes', () => {
    expect(formatCount(22345, 'vi')).toBe('22.345');
    expect(formatCount(22345, 'en')).toBe('22,345');
    expect(formatChange(1.25, 'vi')).toBe('+1,25');
    expect(formatChange(-0.5, 'vi')).toBe('−0,50');
    expect(formatFixed(0, 'vi')).toBe('0,00');
  });
});

describe('formatMeasure', () => {
  it('writes rates in %, days with their unit, overdue dossiers as a count', () => {
    expect(formatMeasure('onlineRate', 62.5, 'vi')).toBe('62,50 %');
    expect(formatMeasure('avgProcessingDays', 0.84, 'vi', 'ngày')).toBe('0,84 ngày');
    expect(formatMeasure('avgProcessingDays', 0.84, 'vi')).toBe('0,84');
    expect(formatMeasure('overdueOpen', 1234, 'vi')).toBe('1.234');
    expect(formatMeasure('overdueOpen', null, 'vi')).toBe('—');
  });
});
