import { describe, expect, it } from 'vitest';
import { ratePercent, roundHalfUp } from './rounding';

describe('ratePercent', () => {
  it.each([
    [156, 161, 96.89],
    [2, 4, 50],
    [998, 1271, 78.52],
    [403016, 464494, 86.76],
    [1, 8, 12.5],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [0, 5, 0],
    [5, 5, 100],
    [1, 200, 0.5],
    [1, 80000, 0],
    [1, 20000, 0.01],
    [1, 20001, 0],
  ])('%i of %i is %d %%', (part, whole, expected) => {
    expect(ratePercent(part, whole)).toBe(expected);
  });

  it('is null, not 0, when nothing was received', () => {
    expect(ratePercent(0, 0)).toBeNull();
  });
});

describe('roundHalfUp', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [1.004999, 1],
    [86.765, 86.77],
    [0.125, 0.13],
    [-1.005, -1.01],
    [99.99499999, 99.99],
    [19.375, 19.38],
    [-1.42e-15, 0],
    [3.2e-9, 0],
    [0.004999, 0],
    [1.5e21, 1.5e21],
  ])('%d → %d', (value, expected) => {
    expect(roundHalfUp(value, 2)).toBe(expected);
  });
});

describe('roundHalfUp fast path', () => {
  /** The decimal algorithm alone (no fast path), as the reference. */
  function decimalRound(value: number, decimals: number): number {
    if (!Number.isFinite(value)) return value;
    const sign = value < 0 ? -1 : 1;
    const clean = Number(Math.abs(value).toPrecision(15));
    if (String(clean).includes('e')) return sign * (Math.round(clean * 10 ** decimals) / 10 ** decimals) || 0;
    return sign * Number(`${Math.round(Number(`${clean}e${decimals}`))}e-${decimals}`);
  }

  it('gives exactly what the decimal algorithm gives, on random values, ratios and values at a half', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      values.push((rnd() - 0.2) * 10 ** Math.floor(rnd() * 8));
      const den = 1 + Math.floor(rnd() * 5000);
      values.push((100 * Math.floor(rnd() * den)) / den, (40 * Math.floor(rnd() * den)) / den);
      values.push(Math.floor(rnd() * 1e6) / 1000 + 0.0005, -(Math.floor(rnd() * 1e5) / 100 + 0.005));
    }
    let differing = 0;
    for (const v of values) for (const d of [0, 1, 2, 3]) if (!Object.is(roundHalfUp(v, d), decimalRound(v, d))) differing += 1;
    expect(differing).toBe(0);
  });
});
