/**
 * Half-up rounding that is not fooled by binary floating point (1.005 → 1.01): the value is first
 * reduced to 15 significant digits, which removes representation noise, then shifted in decimal.
 */
export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  // Fast path: away from a half, binary noise (≤ a few units in the last place) cannot change which way the
  // value rounds, and n / 10^d is the same double as parsing `${n}e-${d}` (both correctly rounded). Rankings
  // round hundreds of thousands of values; the decimal path below costs a microsecond each.
  const scale = 10 ** decimals;
  const x = Math.abs(value) * scale;
  if (x < 1e12 && Math.abs(value) >= 1e-6) {
    const frac = x - Math.floor(x);
    if (Math.abs(frac - 0.5) > 1e-12 * (x + 1)) return sign * (Math.round(x) / scale);
  }
  const clean = Number(Math.abs(value).toPrecision(15));
  // Tiny and huge values print in exponent notation, which the decimal shift below cannot take.
  if (String(clean).includes('e')) return sign * (Math.round(clean * 10 ** decimals) / 10 ** decimals) || 0;
  const shifted = Math.round(Number(`${clean}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

/** 100 × part / whole, rounded half-up to 2 decimals in integer arithmetic; `null` when whole is 0. */
export function ratePercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((20_000 * part + whole) / (2 * whole)) / 100;
}
