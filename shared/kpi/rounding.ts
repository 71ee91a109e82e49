/**
 * Half-up rounding that is not fooled by binary floating point (1.005 → 1.01): the value is first
 * reduced to 15 significant digits, which removes representation noise, then shifted in decimal.
 */
export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
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
