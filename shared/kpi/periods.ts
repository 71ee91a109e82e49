import { PERIOD_PATTERN, type Period, type PeriodKind } from '../domain/period';
import { addDays, DAY_MS, formatCivilDate, parseDateString, vnCivilDate, vnDateString, vnMidnight, vnWeekday, type CivilDate } from './vn-time';
import { msg, type Message } from '../messages/catalogue';
import { renderMessage } from '../messages/render';

function mondayOfIsoWeek1(isoYear: number): CivilDate {
  const jan4 = { year: isoYear, month: 1, day: 4 };
  return addDays(jan4, 1 - vnWeekday(vnMidnight(jan4)));
}

function isoWeeksInYear(isoYear: number): number {
  const dec28 = vnMidnight({ year: isoYear, month: 12, day: 28 });
  return isoWeekOf(dec28).week;
}

export function isoWeekOf(instant: number): { isoYear: number; week: number } {
  const date = vnCivilDate(instant);
  const thursday = addDays(date, 4 - vnWeekday(instant));
  const firstMonday = mondayOfIsoWeek1(thursday.year);
  const week = Math.floor((vnMidnight(thursday) - vnMidnight(firstMonday)) / (7 * DAY_MS)) + 1;
  return { isoYear: thursday.year, week };
}

function make(id: string, kind: PeriodKind, first: CivilDate, next: CivilDate): Period {
  const start = vnMidnight(first);
  const end = vnMidnight(next);
  return { id, kind, start, end, startDate: formatCivilDate(first), endDate: vnDateString(end - DAY_MS) };
}

function week(isoYear: number, w: number): Period {
  const monday = addDays(mondayOfIsoWeek1(isoYear), (w - 1) * 7);
  return make(`${isoYear}-W${String(w).padStart(2, '0')}`, 'week', monday, addDays(monday, 7));
}

function month(year: number, m: number): Period {
  const next = m === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: m + 1, day: 1 };
  return make(`${year}-${String(m).padStart(2, '0')}`, 'month', { year, month: m, day: 1 }, next);
}

function quarter(year: number, q: number): Period {
  const first = { year, month: (q - 1) * 3 + 1, day: 1 };
  const next = q === 4 ? { year: year + 1, month: 1, day: 1 } : { year, month: q * 3 + 1, day: 1 };
  return make(`${year}-Q${q}`, 'quarter', first, next);
}

function year(y: number): Period {
  return make(String(y), 'year', { year: y, month: 1, day: 1 }, { year: y + 1, month: 1, day: 1 });
}

function range(first: CivilDate, last: CivilDate): Period {
  return make(`${formatCivilDate(first)}..${formatCivilDate(last)}`, 'range', first, addDays(last, 1));
}

/** A refusal carries its English `reason` and its `message` (code and parameters) for the dashboard. */
export type PeriodParse = { ok: true; period: Period } | { ok: false; reason: string; message: Message };

function refuse(message: Message): PeriodParse {
  return { ok: false, reason: renderMessage(message), message };
}

/** Parses `2025-W30`, `2025-07`, `2025-Q3`, `2025` or `2025-07-01..2025-07-31` (inclusive dates). */
export function parsePeriod(id: string): PeriodParse {
  const text = id.trim();
  if (!PERIOD_PATTERN.test(text)) {
    return refuse(msg('period.notPeriod', { text: id }));
  }
  const y = Number(text.slice(0, 4));
  if (y < 1900 || y > 2200) return refuse(msg('period.yearOutOfRange', { year: y }));
  const weekMatch = /^\d{4}-W(\d{2})$/.exec(text);
  if (weekMatch) {
    const w = Number(weekMatch[1]);
    const weeks = isoWeeksInYear(y);
    if (w < 1 || w > weeks) return refuse(msg('period.badWeek', { year: y, weeks, week: w }));
    return { ok: true, period: week(y, w) };
  }
  const quarterMatch = /^\d{4}-Q([1-4])$/.exec(text);
  if (quarterMatch) return { ok: true, period: quarter(y, Number(quarterMatch[1])) };
  const monthMatch = /^\d{4}-(\d{2})$/.exec(text);
  if (monthMatch) return { ok: true, period: month(y, Number(monthMatch[1])) };
  if (/^\d{4}$/.test(text)) return { ok: true, period: year(y) };
  const [from, to] = text.split('..');
  const first = parseDateString(from ?? '');
  const last = parseDateString(to ?? '');
  if (!first || !last) return refuse(msg('period.notOnCalendar', { text: id }));
  if (vnMidnight(last) < vnMidnight(first)) return refuse(msg('period.reversed', { text }));
  return { ok: true, period: range(first, last) };
}

export function mustParsePeriod(id: string): Period {
  const parsed = parsePeriod(id);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.period;
}

/** The period of a kind (not `range`) that contains an instant. */
export function periodContaining(kind: Exclude<PeriodKind, 'range'>, instant: number): Period {
  const date = vnCivilDate(instant);
  switch (kind) {
    case 'week': {
      const { isoYear, week: w } = isoWeekOf(instant);
      return week(isoYear, w);
    }
    case 'month':
      return month(date.year, date.month);
    case 'quarter':
      return quarter(date.year, Math.floor((date.month - 1) / 3) + 1);
    case 'year':
      return year(date.year);
  }
}

/** The period of the same kind just before; for a custom range, the range of the same length just before. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'range') {
    const first = vnCivilDate(period.start);
    const days = Math.round((period.end - period.start) / DAY_MS);
    return range(addDays(first, -days), addDays(first, -1));
  }
  return periodContaining(period.kind, period.start - 1);
}

export function nextPeriod(period: Period): Period {
  if (period.kind === 'range') {
    const last = vnCivilDate(period.end);
    const days = Math.round((period.end - period.start) / DAY_MS);
    return range(last, addDays(last, days - 1));
  }
  return periodContaining(period.kind, period.end);
}

/** Periods of a kind overlapping [from, to), oldest first. */
export function periodsBetween(kind: Exclude<PeriodKind, 'range'>, from: number, to: number): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(kind, from); p.start < to; p = nextPeriod(p)) out.push(p);
  return out;
}

/** The cut-off E = min(end, asOf) at which a period's figures are taken. */
export function cutOff(period: Period, asOf: number): number {
  return Math.min(period.end, asOf);
}

