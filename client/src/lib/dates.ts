import { isValidCivilDate } from '../../../shared/kpi/vn-time';

/** dd/mm/yyyy (or d/m/yyyy, with - or .) to YYYY-MM-DD; null unless it is a calendar date. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const date = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  if (!isValidCivilDate(date)) return null;
  return `${m[3]}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function toDayMonthYear(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
