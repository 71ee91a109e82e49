import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue } from '../domain/indicator';
import { mustParsePeriod } from './periods';
import { valueLookup } from './reported-values';

const indicator = (code: string, frequency: Indicator['frequency']): Indicator => ({
  code, name: code, nameEn: null, pillar: 'cchc', unit: 'percent', direction: 'higher', frequency, kinds: [], description: null,
});
const v = (indicatorCode: string, period: string, numerator: number | null, denominator: number | null, value: number | null = null): IndicatorValue => ({
  indicator: indicatorCode, unitCode: 'U1', period, numerator, denominator, value, note: null,
});

describe('reported value lookup (SPEC §6)', () => {
  const catalogue = [indicator('FRACTION', 'month'), indicator('VALUE_ONLY', 'month')];
  const values = [
    v('FRACTION', '2025-07', 3, 4), v('FRACTION', '2025-08', 5, 6), v('FRACTION', '2025-Q4', 1, 2),
    v('VALUE_ONLY', '2025-07', null, null, 80), v('VALUE_ONLY', '2025-08', null, null, 90),
  ];
  const lookup = valueLookup(values, catalogue);

  it('takes the value reported for exactly the period', () => {
    expect(lookup('FRACTION', 'U1', mustParsePeriod('2025-07'))).toEqual({ numerator: 3, denominator: 4, value: null });
    expect(lookup('FRACTION', 'U1', mustParsePeriod('2025-Q4'))).toEqual({ numerator: 1, denominator: 2, value: null });
    expect(lookup('VALUE_ONLY', 'U1', mustParsePeriod('2025-08'))).toEqual({ numerator: null, denominator: null, value: 90 });
  });

  it('sums numerators and denominators over the reported months inside a longer period', () => {
    expect(lookup('FRACTION', 'U1', mustParsePeriod('2025-Q3'))).toEqual({ numerator: 8, denominator: 10, value: null });
    expect(lookup('FRACTION', 'U1', mustParsePeriod('2025'))).toEqual({ numerator: 8, denominator: 10, value: null });
  });

  it('has no value for a period nothing was reported in, a period shorter than the frequency, or another unit', () => {
    expect(lookup('FRACTION', 'U1', mustParsePeriod('2025-Q1'))).toBeNull();
    expect(lookup('FRACTION', 'U1', mustParsePeriod('2025-W30'))).toBeNull();
    expect(lookup('FRACTION', 'U2', mustParsePeriod('2025-07'))).toBeNull();
  });

  it('never sums value-only figures', () => {
    expect(lookup('VALUE_ONLY', 'U1', mustParsePeriod('2025-Q3'))).toBeNull();
    const mixed = valueLookup([v('FRACTION', '2025-07', 3, 4), v('FRACTION', '2025-08', null, null, 50)], catalogue);
    expect(mixed('FRACTION', 'U1', mustParsePeriod('2025-Q3'))).toBeNull();
  });
});
