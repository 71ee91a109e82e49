/** Vietnam time is UTC+7 all year (no daylight saving), so it is computed, not looked up. */
export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The instant of 00:00 Vietnam time on a civil date. */
export function vnMidnight({ year, month, day }: CivilDate): number {
  return Date.UTC(year, month - 1, day) - VN_OFFSET_MS;
}

/** The instant of a Vietnam wall-clock time. */
export function vnInstant(date: CivilDate, hour = 0, minute = 0, second = 0, ms = 0): number {
  return vnMidnight(date) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

export function vnCivilDate(instant: number): CivilDate {
  const d = new Date(instant + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of the Vietnam date of an instant: 1 = Monday … 7 = Sunday. */
export function vnWeekday(instant: number): number {
  const day = new Date(instant + VN_OFFSET_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidCivilDate({ year, month, day }: CivilDate): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

export function formatCivilDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of the Vietnam date of an instant. */
export function vnDateString(instant: number): string {
  return formatCivilDate(vnCivilDate(instant));
}

export function parseDateString(value: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidCivilDate(date) ? date : null;
}

/** 00:00 Vietnam time of a `YYYY-MM-DD` date; throws on a malformed date (callers validate first). */
export function vnStartOfDate(value: string): number {
  const date = parseDateString(value);
  if (!date) throw new RangeError(`not a date: ${value}`);
  return vnMidnight(date);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
