import type { Channel, DossierStatus } from '../../shared/schemas/dossier';
import { isValidCivilDate, vnInstant, type CivilDate } from '../../shared/kpi/vn-time';
import { foldValue } from '../../shared/format/fold';
import { msg, type Message } from '../../shared/messages/catalogue';

/** A cell as read from CSV (text) or XLSX (text, or a date cell with Vietnam wall-clock time). */
export type Cell = string | { date: CivilDate; time: [number, number, number, number] | null };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Message };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: Message): Parsed<T> => ({ ok: false, reason });

export interface DateTimeValue {
  instant: number;
  dateOnly: boolean;
  date: CivilDate;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** Dates outside these years are typing or export errors (or Excel's day 0, 1899-12-30, for a time without a date). */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function build(date: CivilDate, time: number[] | null, offsetMinutes: number | null): Parsed<DateTimeValue> {
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) return fail(msg('import.date.outOfRange', { min: MIN_YEAR, max: MAX_YEAR }));
  if (!isValidCivilDate(date)) return fail(msg('import.date.notOnCalendar'));
  const [h = 0, m = 0, s = 0, ms = 0] = time ?? [];
  if (h > 23 || m > 59 || s > 59) return fail(msg('import.date.badTime'));
  let instant = vnInstant(date, h, m, s, ms);
  if (offsetMinutes !== null) instant = instant + 7 * 3_600_000 - offsetMinutes * 60_000;
  return ok({ instant, dateOnly: time === null, date });
}

function offsetOf(text: string | undefined): number | null | 'bad' {
  if (!text) return null;
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return 'bad';
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Accepts ISO 8601 (T or space, optional fraction, offset Z, ±hh:mm, ±hhmm or none), dd/mm/yyyy[ HH:mm[:ss]],
 * the national sync format yyyyMMddHHmmss, and Excel date cells. Without an offset the time is Vietnam time.
 */
export function parseDateTime(cell: Cell): Parsed<DateTimeValue> {
  if (typeof cell !== 'string') return build(cell.date, cell.time, null);
  const text = cell.trim();
  let m = ISO.exec(text);
  if (m) {
    const offset = offsetOf(m[8]);
    if (offset === 'bad') return fail(msg('import.date.badOffset'));
    const time = m[4] === undefined ? null : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3))];
    if (time === null && offset !== null) return fail(msg('import.date.offsetWithoutTime'));
    return build({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, time, offset);
  }
  m = DMY.exec(text);
  if (m) {
    const time = m[4] === undefined ? null : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    return build({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) }, time, null);
  }
  m = COMPACT.exec(text);
  if (m) return build({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, [Number(m[4]), Number(m[5]), Number(m[6])], null);
  return fail(msg('import.date.unknownFormat'));
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'co', 'x', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'khong', 'n']);

/** Parsers of small vocabularies see the same few values millions of times: remember their answers. */
function memo<T>(parse: (cell: string) => Parsed<T>): (cell: string) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  return (cell) => {
    let hit = cache.get(cell);
    if (hit === undefined) {
      hit = parse(cell);
      if (cache.size < 10_000) cache.set(cell, hit);
    }
    return hit;
  };
}

export const parseBoolean = memo(function parseBoolean(cell: string): Parsed<boolean> {
  const v = foldValue(cell);
  if (TRUE_WORDS.has(v)) return ok(true);
  if (FALSE_WORDS.has(v)) return ok(false);
  return fail(msg('import.cell.notBoolean'));
});

const CHANNEL_WORDS: Record<string, Channel> = {
  online: 'online', 'truc tuyen': 'online', '2': 'online', 'nop truc tuyen': 'online',
  counter: 'counter', 'truc tiep': 'counter', '1': 'counter', 'nop truc tiep': 'counter',
  postal: 'postal', 'buu chinh': 'postal', 'buu chinh cong ich': 'postal', '3': 'postal', 'qua buu chinh': 'postal',
};

export const parseChannel = memo((cell: string): Parsed<Channel> => {
  const channel = CHANNEL_WORDS[foldValue(cell)];
  return channel ? ok(channel) : fail(msg('import.cell.notChannel'));
});

const STATUS_BY_CODE: Record<string, DossierStatus> = {
  '1': 'not_received', '2': 'processing', '3': 'not_received', '4': 'processing', '5': 'processing', '6': 'processing',
  '7': 'withdrawn', '8': 'processing', '9': 'completed', '10': 'completed',
};
const STATUS_WORDS: Record<string, DossierStatus> = {
  processing: 'processing', completed: 'completed', rejected: 'rejected', withdrawn: 'withdrawn',
  'moi dang ky': 'not_received', 'duoc tiep nhan': 'processing', 'khong duoc tiep nhan': 'not_received', 'dang xu ly': 'processing',
  'yeu cau bo sung giay to': 'processing', 'yeu cau thuc hien nghia vu tai chinh': 'processing', 'cong dan yeu cau rut ho so': 'withdrawn',
  'dung xu ly': 'processing', 'da xu ly xong': 'completed', 'da tra ket qua': 'completed',
};

export const parseStatus = memo((cell: string): Parsed<DossierStatus> => {
  const v = foldValue(cell);
  const status = STATUS_BY_CODE[v] ?? STATUS_WORDS[v];
  return status ? ok(status) : fail(msg('import.cell.notStatus'));
});

export const parseServiceLevel = memo((cell: string): Parsed<number> => {
  const m = /^(?:muc do\s*)?([1-4])$/.exec(foldValue(cell));
  return m ? ok(Number(m[1])) : fail(msg('import.cell.notServiceLevel'));
});

/** `1.001612.000.00.00.H48` → `1.001612`; other codes are kept as written. */
export function normalizeProcedureCode(raw: string): string {
  const m = /^(\d+\.\d{6})\.\S+$/.exec(raw.trim());
  return m ? (m[1] as string) : raw.trim();
}

/** A non-negative number, with `.` or `,` as the decimal mark. */
export function parseNumber(cell: string): Parsed<number> {
  const text = cell.trim().replace(/\s*%$/, '');
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return fail(msg('import.cell.notNumber'));
  const value = Number(text.replace(',', '.'));
  // Hundreds of digits read as Infinity, which JSON sends as null: refused here, not when someone reads it back.
  return Number.isFinite(value) ? ok(value) : fail(msg('import.cell.numberTooLarge'));
}

const COUNT = /^(?:\d+|\d{1,3}([.,\s])\d{3}(?:\1\d{3})*)$/;

/**
 * A count in decimal digits, its thousands grouped or not (12500, 12.500, 12,500, 12 500). `1.5`, `-5`, `1e3` and
 * `0x10` are refused: Number() would read them as 15 (once the separators go), -5, 1000 and 16.
 */
export function parseCount(cell: string): Parsed<number> {
  const text = cell.trim();
  if (!COUNT.test(text)) return fail(msg('import.cell.notCount'));
  const value = Number(text.replace(/\D/g, ''));
  return Number.isSafeInteger(value) ? ok(value) : fail(msg('import.cell.countTooLarge'));
}
