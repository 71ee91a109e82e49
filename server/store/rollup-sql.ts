import { DAY_MS, VN_OFFSET_MS } from '../../shared/kpi/vn-time';
import type { MeasureDialect } from './measure-sql';
import { COUNT_NAMES } from './count-columns';
import type { Window } from './port';

/**
 * Per-unit rollups of the counted dossiers by **period segment** (decision 022), from which the counts of SPEC §2
 * for a window whose start and cut-off are both period boundaries are summed without reading dossiers. Days are
 * numbered dayOf(t) = floor((epoch ms + 7 h) / 1 day). A boundary is a Vietnam midnight that starts a Monday or the
 * first day of a month: every week, month, quarter and year starts and ends at one. A segment is the run of days
 * from one boundary to the next (1–7 days), named by its first day; segOf(day) is the last boundary ≤ day and
 * ceilBoundary(day) the first boundary ≥ day. For boundaries S < E a day lies in [S, E) ⟺ its segment does.
 *
 * - `dossier_days`: what depends only on the dossier (received, channel, …) and `done_on_time` (completed at or
 *   before its due time: on time at every cut-off after its receipt), by received segment (`day`).
 * - `dossier_completions`: completions by received segment and `done_day`, the first boundary at or after the
 *   first midnight at or after the completion (and at least the day after receipt), so that for a boundary E,
 *   `completed_at <= E` ⟺ `done_day <= dayOf(E)`; `late` of them were completed after their due time.
 * - `dossier_misses`: the dossiers not done on time (open, or completed late) by received segment and `due_day` =
 *   segOf(dayOf(due_at)), so that for a boundary E, `due_at >= E` ⟺ `due_day >= dayOf(E)`. Such a dossier was
 *   done, if ever, after its due time. At a cut-off E it is on time only if open at E with `due_at >= E` (then it is
 *   open: done after due ≥ E); it is completed by E only if `completed_at <= E` (then due < E); otherwise it is
 *   overdue. So overdue = (received − done_on_time) − misses with due_day >= dayOf(E) − late completions with
 *   done_day <= dayOf(E).
 */
export const ROLLUP_TABLES = ['dossier_days', 'dossier_completions', 'dossier_misses'] as const;

const DAY_US = DAY_MS * 1000;
const OFFSET_US = VN_OFFSET_MS * 1000;

/** True when an instant is 00:00 Vietnam time. */
export function atVnMidnight(ms: number): boolean {
  return Number.isInteger(ms) && (((ms + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS === 0;
}

/** The day number of an instant (exact for midnights). */
export function dayNumber(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** Whether a day number is a Monday (day 0, 1970-01-01, was a Thursday). */
function isMonday(day: number): boolean {
  return (((day + 3) % 7) + 7) % 7 === 0;
}

/** The day number of a Monday or of the first day of a month. */
export function isBoundaryDay(day: number): boolean {
  return isMonday(day) || new Date(day * DAY_MS).getUTCDate() === 1;
}

/** The last boundary at or before a day: the first day of its segment. */
export function segmentOf(day: number): number {
  let d = day;
  while (!isBoundaryDay(d)) d -= 1;
  return d;
}

/** The first boundary at or after a day. */
export function boundaryAtOrAfter(day: number): number {
  let d = day;
  while (!isBoundaryDay(d)) d += 1;
  return d;
}

/** Whether the rollups answer a window exactly: its start and its cut-off are both period boundaries. */
export function fromRollups(w: Window): boolean {
  return atVnMidnight(w.start) && atVnMidnight(w.cutOff) && isBoundaryDay(dayNumber(w.start)) && isBoundaryDay(dayNumber(w.cutOff));
}

/** x mod 7 in [0, 7) for an integer expression, whatever its sign. */
const mod7 = (x: string) => `(((${x}) % 7 + 7) % 7)`;

/**
 * The first day of the month of day number `x` (an integer expression). `date_part`, not `extract`: PostgreSQL's
 * `extract` returns NUMERIC, and computing it for every dossier was a third of a rollup rebuild there.
 */
function monthStart(x: string): string {
  return `(CAST(${x} AS INTEGER) - CAST(date_part('day', DATE '1970-01-01' + CAST(${x} AS INTEGER)) AS INTEGER) + 1)`;
}

/** SQL of segmentOf: the later of the Monday and the first of the month at or before day `x`. */
export function segmentSql(x: string): string {
  return `greatest((${x}) - ${mod7(`(${x}) + 3`)}, ${monthStart(x)})`;
}

/** SQL of boundaryAtOrAfter: the earlier of the next Monday and the next first of a month, at or after day `x`. */
export function boundaryAtOrAfterSql(x: string): string {
  return `least((${x}) + ${mod7(`4 - (${x})`)}, ${monthStart(`${monthStart(`(${x}) - 1`)} + 31`)})`;
}

/** floor(x / DAY) for an integer expression of microseconds, whatever its sign. */
function floorDays(d: MeasureDialect, x: string): string {
  return `CAST(${d.intDiv(`(${x}) - (((${x}) % ${DAY_US}) + ${DAY_US}) % ${DAY_US}`, String(DAY_US))} AS INTEGER)`;
}

/** The day number of a timestamp, from its exact microseconds. */
export function dayOf(d: MeasureDialect, ts: string): string {
  return d.vnDay ? d.vnDay(ts, 0) : floorDays(d, `${d.epochUs(ts)} + ${OFFSET_US}`);
}

/** The first midnight at or after a timestamp, as a day number: ts <= midnight of day k ⟺ ceilDay(ts) <= k. */
function ceilDayOf(d: MeasureDialect, ts: string): string {
  return `(${d.vnDay ? d.vnDay(ts, -1) : floorDays(d, `${d.epochUs(ts)} + ${OFFSET_US - 1}`)} + 1)`;
}

/**
 * The day a completion counts from (the first midnight at or after it, at the earliest the day after receipt),
 * computed once per dossier in a subquery: the segment arithmetic repeats its argument about six times, and
 * PostgreSQL evaluates every repetition (with its time-zone shift) again — unless the subquery stays one
 * (`MeasureDialect.fence`): 3.1 → 2.2 s for the completions of 1M dossiers there.
 */
const doneFrom = (d: MeasureDialect) => `greatest(${ceilDayOf(d, 'completed_at')}, day + 1)`;

/**
 * The rollup rows of the dossiers of `source`, a FROM item with the dossiers' columns and their received day as
 * `day`, holding counted dossiers only: one SELECT per table, its columns in the table's order, keyed by the
 * received day's segment.
 */
export function rollupSelects(d: MeasureDialect, source: string): { table: (typeof ROLLUP_TABLES)[number]; columns: string; select: string }[] {
  return [
    {
      table: 'dossier_days',
      columns: 'unit_code, day, received, online, end_to_end, done_on_time, e_result_known, e_result, digitized_known, digitized, fee_known, fee_required, paid_online',
      select: `SELECT unit_code, ${segmentSql('day')} AS seg, count(*)::INTEGER, count(*) FILTER (WHERE channel = 'online')::INTEGER, count(*) FILTER (WHERE end_to_end)::INTEGER,
                count(*) FILTER (WHERE completed_at <= due_at)::INTEGER, count(e_result)::INTEGER, count(*) FILTER (WHERE e_result)::INTEGER,
                count(digitized)::INTEGER, count(*) FILTER (WHERE digitized)::INTEGER, count(fee_required)::INTEGER,
                count(*) FILTER (WHERE fee_required)::INTEGER, count(*) FILTER (WHERE fee_required AND paid_online)::INTEGER
           FROM ${source} GROUP BY 1, 2`,
    },
    {
      table: 'dossier_completions',
      columns: 'unit_code, day, done_day, completed, processing_ms, late',
      select: `SELECT unit_code, ${segmentSql('day')} AS seg, ${boundaryAtOrAfterSql('done_from')} AS done_day, count(*)::INTEGER,
                sum(${d.epochMs('completed_at')} - ${d.epochMs('received_at')})::BIGINT, count(*) FILTER (WHERE completed_at > due_at)::INTEGER
           FROM (SELECT *, ${doneFrom(d)} AS done_from FROM ${source} WHERE completed_at IS NOT NULL ${d.fence ?? ''}) AS completions GROUP BY 1, 2, 3`,
    },
    {
      table: 'dossier_misses',
      columns: 'unit_code, day, due_day, n',
      select: `SELECT unit_code, ${segmentSql('day')} AS seg, ${segmentSql('due_vn_day')} AS due_day, count(*)::INTEGER
           FROM (SELECT *, ${dayOf(d, 'due_at')} AS due_vn_day FROM ${source} WHERE NOT coalesce(completed_at <= due_at, FALSE) ${d.fence ?? ''}) AS misses GROUP BY 1, 2, 3`,
    },
  ];
}

/** Every counted dossier with its received day, restricted by `where` (a condition on dossiers' columns). */
export function countedDossiers(d: MeasureDialect, where = 'TRUE'): string {
  return `(SELECT *, ${dayOf(d, 'received_at')} AS day FROM dossiers WHERE counted AND ${where}) AS rolled`;
}

/** Statements that fill the rollups from `source` (see rollupSelects). */
export function rollupInserts(d: MeasureDialect, source: string): string[] {
  return rollupSelects(d, source).map(({ table, columns, select }) => `INSERT INTO ${table} (${columns}) ${select}`);
}

/** Statements that remove the rollup rows of the segments of the (unit_code, day) keys in table `keys`. */
export function rollupDeletes(keys: string): string[] {
  return ROLLUP_TABLES.map((t) => `DELETE FROM ${t} WHERE EXISTS (SELECT 1 FROM ${keys} k WHERE k.unit_code = ${t}.unit_code AND ${segmentSql('k.day')} = ${t}.day)`);
}

/** How many rows differ between the stored rollups (period counts included) and a rebuild from dossiers (0 when they are exact). */
export function rollupDriftSql(d: MeasureDialect): string {
  const tables = [...rollupSelects(d, countedDossiers(d)), { table: PERIOD_TABLE, columns: PERIOD_COLUMNS, select: `SELECT * FROM (${periodCountsSelect(d, null)}) AS counted` }];
  const parts = tables.map(
    ({ table, columns, select }) => `SELECT count(*) AS n FROM ((SELECT ${columns} FROM ${table} EXCEPT ALL ${select}) UNION ALL (${select} EXCEPT ALL SELECT ${columns} FROM ${table})) AS diff`,
  );
  return `SELECT ${parts.map((p) => `(${p})`).join(' + ')} AS drift`;
}

/** The boundary days (the only days rollup rows are keyed by) of every window, as literal rows (idx, e, day). */
function windowDays(windows: readonly { idx: number; window: Window }[]): string {
  const rows: string[] = [];
  for (const { idx, window } of windows) {
    const e = dayNumber(window.cutOff);
    for (let day = dayNumber(window.start); day < e; day++) if (isBoundaryDay(day)) rows.push(`(${idx}, ${e}, ${day})`);
  }
  // Only empty windows: one row that joins nothing (a NULL day equals no day).
  return rows.length > 0 ? rows.join(', ') : '(-1, 0, CAST(NULL AS INTEGER))';
}

/**
 * The counts of SPEC §2 per unit and window summed from the rollups: `map` is a table (day, e, ...keys) mapping
 * each segment day to the windows holding it, `e` the window's cut-off day (an equi-join on the day, so that
 * overlapping windows need no extra pass). The result has unit_code, the keys, then the columns of countColumns
 * (processing_ms as `msType`). `unitFilter` is a condition on the rollup rows' `unit_code`; `join` more join terms.
 */
function summedRollups(d: MeasureDialect, map: string, keys: readonly string[], unitFilter: string, msType: string, join = ''): string {
  // Counts and milliseconds are summed as the dialect says (DuckDB: as DOUBLE, exact below 2^53, not into HUGEINT).
  const sum = (column: string) => (d.countSum ? d.countSum(column) : `sum(${column})`);
  const from = (table: string) => `${table} r JOIN ${map} m ON m.day = r.day ${join} WHERE ${unitFilter}`;
  const k = keys.map((c) => `m.${c}`).join(', ');
  const on = (t: string) => keys.map((c) => `${t}.${c} = days.${c}`).join(' AND ');
  // Each table is summed on its own (few columns over many rows), then the sums are joined: every key of the
  // completions and misses is a key of the days.
  return `days AS (
       SELECT r.unit_code, ${k}, ${sum('r.received')} AS received, ${sum('r.online')} AS online, ${sum('r.end_to_end')} AS end_to_end,
              ${sum('r.done_on_time')} AS done_on_time, ${sum('r.e_result_known')} AS e_result_known, ${sum('r.e_result')} AS e_result,
              ${sum('r.digitized_known')} AS digitized_known, ${sum('r.digitized')} AS digitized, ${sum('r.fee_known')} AS fee_known,
              ${sum('r.fee_required')} AS fee_required, ${sum('r.paid_online')} AS paid_online
         FROM ${from('dossier_days')} GROUP BY r.unit_code, ${k}),
     done AS (
       SELECT r.unit_code, ${k}, ${sum('r.completed')} AS completed, ${sum('r.processing_ms')} AS processing_ms, ${sum('r.late')} AS late
         FROM ${from('dossier_completions')} AND r.done_day <= m.e GROUP BY r.unit_code, ${k}),
     missed AS (
       SELECT r.unit_code, ${k}, ${sum('r.n')} AS on_time FROM ${from('dossier_misses')} AND r.due_day >= m.e GROUP BY r.unit_code, ${k})
   SELECT days.unit_code, ${keys.map((c) => `days.${c}`).join(', ')},
     days.received::INTEGER AS received, days.online::INTEGER AS online, days.end_to_end::INTEGER AS end_to_end,
     (days.done_on_time + coalesce(missed.on_time, 0))::INTEGER AS on_time,
     (days.received - days.done_on_time - coalesce(missed.on_time, 0) - coalesce(done.late, 0))::INTEGER AS overdue_open,
     coalesce(done.completed, 0)::INTEGER AS completed, coalesce(done.processing_ms, 0)::${msType} AS processing_ms,
     days.e_result_known::INTEGER AS e_result_known, days.e_result::INTEGER AS e_result, days.digitized_known::INTEGER AS digitized_known,
     days.digitized::INTEGER AS digitized, days.fee_known::INTEGER AS fee_known, days.fee_required::INTEGER AS fee_required,
     days.paid_online::INTEGER AS paid_online
   FROM days
   LEFT JOIN done ON done.unit_code = days.unit_code AND ${on('done')}
   LEFT JOIN missed ON missed.unit_code = days.unit_code AND ${on('missed')}`;
}

/**
 * Counts per unit and window from the rollups, for windows that start and end at Vietnam midnight, with the
 * window index `idx`: the same columns as countColumns. `unitFilter` is a condition on `unit_code`.
 */
export function rollupCounts(d: MeasureDialect, windows: readonly { idx: number; window: Window }[], unitFilter = 'TRUE'): string {
  const values = windows.map(({ idx, window }) => `(${idx}, ${dayNumber(window.start)}, ${dayNumber(window.cutOff)})`).join(', ');
  return `WITH w(idx, s, e) AS (VALUES ${values}),
     ${d.literalWindowDays ? `wd(idx, e, day) AS NOT MATERIALIZED (VALUES ${windowDays(windows)})` : 'wd AS (SELECT w.idx, w.e, g.day FROM w, generate_series(w.s, w.e - 1) AS g(day))'},
     ${summedRollups(d, 'wd', ['idx'], unitFilter, d.double)}`;
}

/*
 * Period counts (decision 030): the counts of every week, month, quarter and year at its own end, per unit, kept in
 * `dossier_periods` beside the segment rollups and refreshed from them in the same transaction. Rankings, their
 * history and trends ask for whole periods; a national quarter's history is then 13 × 3,321 stored rows instead of
 * sums over 3.4 million rollup rows. A period's counts at its end depend only on the dossiers received in it.
 */
export const PERIOD_TABLE = 'dossier_periods';

/** Every summary kept from the dossiers: emptied with them, analysed with them. */
export const SUMMARY_TABLES: readonly string[] = [...ROLLUP_TABLES, PERIOD_TABLE];

const civilPart = (x: string, part: 'year' | 'month') => `CAST(date_part('${part}', DATE '1970-01-01' + CAST(${x} AS INTEGER)) AS INTEGER)`;
const firstOf = (year: string, month: string) => `CAST(make_date(CAST(${year} AS INTEGER), CAST(${month} AS INTEGER), 1) - DATE '1970-01-01' AS INTEGER)`;

/**
 * The periods holding each day of `days` (a table with a `day` column), as rows (day, s, e): its week, month,
 * quarter and year, by first day and the first day after.
 */
export function periodsOfDaysSql(days: string): string {
  const y = civilPart('day', 'year');
  const m = civilPart('day', 'month');
  // The quarter's first month; the quarter after the fourth starts in January of the next year.
  const qm = `(${m} - (${m} - 1) % 3)`;
  return `SELECT day, day - ${mod7('day + 3')} AS s, day - ${mod7('day + 3')} + 7 AS e FROM ${days}
     UNION ALL SELECT day, ${monthStart('day')}, ${monthStart(`${monthStart('day')} + 31`)} FROM ${days}
     UNION ALL SELECT day, ${firstOf(y, qm)}, CASE WHEN ${qm} = 10 THEN ${firstOf(`${y} + 1`, '1')} ELSE ${firstOf(y, `${qm} + 3`)} END FROM ${days}
     UNION ALL SELECT day, ${firstOf(y, '1')}, ${firstOf(`${y} + 1`, '1')} FROM ${days}`;
}

/** Whether a window is exactly one week, month, quarter or year (Vietnam time): then `dossier_periods` answers it. */
export function isPeriodWindow(w: Window): boolean {
  if (!atVnMidnight(w.start) || !atVnMidnight(w.cutOff)) return false;
  const s = dayNumber(w.start);
  const e = dayNumber(w.cutOff);
  if (isMonday(s) && e === s + 7) return true;
  const date = new Date(s * DAY_MS);
  if (date.getUTCDate() !== 1) return false;
  const month = date.getUTCMonth();
  const after = (months: number) => Date.UTC(date.getUTCFullYear(), month + months, 1) / DAY_MS;
  return e === after(1) || (month % 3 === 0 && e === after(3)) || (month === 0 && e === after(12));
}

const PERIOD_COLUMNS = `unit_code, start_day, end_day, ${COUNT_NAMES.join(', ')}`;

/** The (unit, period) pairs holding the (unit_code, day) keys of table `keys`, as rows (unit_code, s, e). */
function touchedPeriods(keys: string): string {
  return `SELECT DISTINCT k.unit_code, p.s, p.e FROM ${keys} k JOIN (${periodsOfDaysSql(`(SELECT DISTINCT day FROM ${keys}) AS kd`)}) p ON p.day = k.day`;
}

/**
 * The period counts of every unit and period the rollups hold (keys = null), or only of the (unit, period) pairs
 * that the (unit_code, day) keys in table `keys` reach: rows in PERIOD_COLUMNS' order.
 */
function periodCountsSelect(d: MeasureDialect, keys: string | null): string {
  const scope = keys
    ? `up AS (${touchedPeriods(keys)}),
       sd AS (SELECT DISTINCT day FROM dossier_days WHERE unit_code IN (SELECT unit_code FROM up)),`
    : 'sd AS (SELECT DISTINCT day FROM dossier_days),';
  return `WITH ${scope}
     pd AS (${periodsOfDaysSql('sd')}),
     ${summedRollups(d, 'pd', ['s', 'e'], 'TRUE', 'BIGINT', keys ? 'JOIN up ON up.unit_code = r.unit_code AND up.s = m.s AND up.e = m.e' : '')}`;
}

/** Statements that bring `dossier_periods` up to date with the rollups: every row (keys = null), or those the keys reach. */
export function periodRefresh(d: MeasureDialect, keys: string | null): string[] {
  const remove = keys
    ? `DELETE FROM ${PERIOD_TABLE} WHERE EXISTS (SELECT 1 FROM (${touchedPeriods(keys)}) up
         WHERE up.unit_code = ${PERIOD_TABLE}.unit_code AND up.s = ${PERIOD_TABLE}.start_day AND up.e = ${PERIOD_TABLE}.end_day)`
    : `DELETE FROM ${PERIOD_TABLE}`;
  return [remove, `INSERT INTO ${PERIOD_TABLE} (${PERIOD_COLUMNS}) SELECT * FROM (${periodCountsSelect(d, keys)}) AS counted`];
}

/** The period table's rows by unit and window index `idx` (windows that are periods): the columns of countColumns. */
export function periodCounts(d: MeasureDialect, windows: readonly { idx: number; window: Window }[], unitFilter = 'TRUE'): string {
  const values = windows.map(({ idx, window }) => `(${idx}, ${dayNumber(window.start)}, ${dayNumber(window.cutOff)})`).join(', ');
  const columns = COUNT_NAMES.map((c) => (c === 'processing_ms' ? `p.processing_ms::${d.double} AS processing_ms` : `p.${c}`)).join(', ');
  return `SELECT p.unit_code, w.idx, ${columns}
     FROM ${PERIOD_TABLE} p JOIN (VALUES ${values}) AS w(idx, s, e) ON p.start_day = w.s AND p.end_day = w.e
    WHERE ${unitFilter}`;
}

/** The period table, with `text` the engine's text type; the backfill is periodRefresh(d, null). */
export function periodTableDdl(text: string): string {
  const counts = COUNT_NAMES.map((n) => `${n} ${n === 'processing_ms' ? 'BIGINT' : 'INTEGER'} NOT NULL`).join(', ');
  return `CREATE TABLE ${PERIOD_TABLE} (unit_code ${text} NOT NULL, start_day INTEGER NOT NULL, end_day INTEGER NOT NULL, ${counts})`;
}

/**
 * Counted dossiers of the segments of the (unit_code, day) keys in table `keys` (which may repeat a key), whose days
 * lie in [lo, hi]: every dossier of a touched segment, since its rollup rows are recomputed whole.
 */
export function touchedDossiers(d: MeasureDialect, keys: string, lo: number, hi: number): string {
  const from = segmentOf(lo);
  const to = boundaryAtOrAfter(hi + 1);
  const range = `received_at >= ${d.instant(from * DAY_MS - VN_OFFSET_MS)} AND received_at < ${d.instant(to * DAY_MS - VN_OFFSET_MS)}`;
  return `(SELECT x.* FROM ${countedDossiers(d, range).replace(/ AS rolled$/, ' AS x')}
     JOIN (SELECT DISTINCT unit_code, ${segmentSql('day')} AS seg FROM ${keys}) k ON k.unit_code = x.unit_code AND k.seg = ${segmentSql('x.day')}) AS rolled`;
}

/** The key table's statement: the (unit_code, day) keys whose rollup rows a write changes. */
export function keysTable(name: string, textType: string, suffix = ''): string {
  return `CREATE TEMP TABLE ${name} (unit_code ${textType}, day INTEGER)${suffix}`;
}

/** The keys of the counted dossiers whose ids are in `ids` (a table with a `dossier_id` column), as stored. */
export function keysOfStored(d: MeasureDialect, keys: string, ids: string): string {
  return `INSERT INTO ${keys} SELECT DISTINCT unit_code, ${dayOf(d, 'received_at')} FROM dossiers WHERE counted AND dossier_id IN (SELECT dossier_id FROM ${ids})`;
}

/**
 * Statements that bring the rollups of the keys in `keys` up to date with dossiers; `span` is the least and
 * greatest day of those keys (none: nothing to do).
 */
export function refreshKeys(d: MeasureDialect, keys: string, span: { lo: number; hi: number } | null): string[] {
  if (!span) return [];
  return [...rollupDeletes(keys), ...rollupInserts(d, touchedDossiers(d, keys, span.lo, span.hi)), ...periodRefresh(d, keys)];
}

/** Statements that rebuild the segment rollups alone from every dossier (migrations before the period table). */
export function rebuildRollups(d: MeasureDialect): string[] {
  return [...ROLLUP_TABLES.map((t) => `DELETE FROM ${t}`), ...rollupInserts(d, countedDossiers(d))];
}

/** Statements that rebuild the rollups and the period counts from `source` (counted dossiers with their `day`). */
export function rebuildFrom(d: MeasureDialect, source: string): string[] {
  return [...ROLLUP_TABLES.map((t) => `DELETE FROM ${t}`), ...rollupInserts(d, source), ...periodRefresh(d, null)];
}

/** Statements that rebuild the rollups and the period counts from every dossier. */
export function rebuildAll(d: MeasureDialect): string[] {
  return rebuildFrom(d, countedDossiers(d));
}

/** The least and greatest day of a key table, to read with `spanOf`. */
export const spanSql = (keys: string) => `SELECT min(day) AS lo, max(day) AS hi FROM ${keys}`;
export function spanOf(row: Record<string, unknown> | undefined): { lo: number; hi: number } | null {
  return row && row.lo !== null && row.lo !== undefined ? { lo: Number(row.lo), hi: Number(row.hi) } : null;
}

/** The rollup tables, with `text` the engine's text type; the backfill is rebuildAll. */
export function rollupTablesDdl(text: string): string {
  const counts = (names: string[]) => names.map((n) => `${n} INTEGER NOT NULL`).join(', ');
  return `CREATE TABLE dossier_days (unit_code ${text} NOT NULL, day INTEGER NOT NULL,
       ${counts(['received', 'online', 'end_to_end', 'done_on_time', 'e_result_known', 'e_result', 'digitized_known', 'digitized', 'fee_known', 'fee_required', 'paid_online'])});
     CREATE TABLE dossier_completions (unit_code ${text} NOT NULL, day INTEGER NOT NULL, done_day INTEGER NOT NULL, completed INTEGER NOT NULL, processing_ms BIGINT NOT NULL, late INTEGER NOT NULL);
     CREATE TABLE dossier_misses (unit_code ${text} NOT NULL, day INTEGER NOT NULL, due_day INTEGER NOT NULL, n INTEGER NOT NULL);`;
}
