import type { Measure } from '../../../shared/domain/measure';

/** The locale each interface language formats numbers and dates in: vi-VN writes 86,76 and 23/11/2026. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** Rates, indexes and days always with 2 decimals; a dash when there is no value. */
export function formatFixed(value: number | null | undefined, language: string): string {
  return value === null || value === undefined ? '—' : numberFormat(localeOf(language), 2).format(value);
}

export function formatPercent(value: number | null | undefined, language: string): string {
  return value === null || value === undefined ? '—' : `${formatFixed(value, language)} %`;
}

export function formatCount(value: number, language: string): string {
  return numberFormat(localeOf(language), 0).format(value);
}

/** A measure's value as it is read: rates in %, days with their unit, open overdue dossiers as a count. */
export function formatMeasure(measure: Measure, value: number | null | undefined, language: string, daysUnit?: string): string {
  if (measure === 'overdueOpen') return value === null || value === undefined ? '—' : formatCount(value, language);
  if (measure === 'avgProcessingDays') return daysUnit ? `${formatFixed(value, language)} ${daysUnit}` : formatFixed(value, language);
  return formatPercent(value, language);
}

/** An indicator's figure in its catalogue unit: a percentage, days, a count or points. */
export function formatIndicator(unit: 'percent' | 'count' | 'days' | 'points', value: number | null | undefined, language: string, daysUnit?: string): string {
  if (unit === 'percent') return formatPercent(value, language);
  if (value === null || value === undefined) return '—';
  if (unit === 'count' && Number.isInteger(value)) return formatCount(value, language);
  return unit === 'days' && daysUnit ? `${formatFixed(value, language)} ${daysUnit}` : formatFixed(value, language);
}

/** A signed change in points, e.g. +1,25 or −0,50. */
export function formatChange(value: number | null, language: string): string {
  if (value === null) return '—';
  const text = formatFixed(Math.abs(value), language);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A `YYYY-MM-DD` date as the locale writes it: 23/11/2026. */
export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant in Vietnam time, date first in both languages: 23/11/2026 14:05. */
export function formatDateTime(iso: string, language: string): string {
  const at = new Date(iso);
  const date = new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
  return `${date} ${time}`;
}
