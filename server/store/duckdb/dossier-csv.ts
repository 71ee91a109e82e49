import type { DuckDBConnection } from '@duckdb/node-api';
import type { DossierCsvLoad, ResolvedCell } from '../port';
import { DAY_MS, VN_OFFSET_MS } from '../../../shared/kpi/vn-time';
import { dayOf } from '../rollup-sql';
import type { MeasureDialect } from '../measure-sql';
import { DUCKDB } from './sql';

/**
 * DuckDB's half of the SQL-side dossier import (decision 026): parse a plain UTF-8 CSV with DuckDB's reader into
 * a staging table with the dossier writer's columns, reading the common forms of ids and dates in SQL and every
 * other distinct cell through the row parser's rules (`load.resolve`), and prove every rule of dossier-rows.ts on
 * it. Anything unproven declines, and the row parser then reads the file and writes the report.
 */

type Row = Record<string, unknown>;

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));
/** A text as an SQL string literal. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

const DATE_FIELDS = ['received_at', 'due_at', 'completed_at', 'returned_at'] as const;

/** The staging objects: temporary objects belong to their connection, and each import has one of its own. */
const STAGING = 'csv_import_staging';
const SQ = 'csv_import_sq';
const mapTable = (field: number) => `csv_import_m${field}`;

function readCsv(load: DossierCsvLoad, extra = ''): string {
  const columns = load.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // An empty cell is read as '' (not null), as the row parser reads it: no coalesce on every cell afterwards.
  const notNull = load.header.map((_, i) => `'c${i}'`).join(', ');
  return `read_csv(${lit(load.path)}, header = false, skip = ${Math.trunc(load.skip)}, auto_detect = false, columns = {${columns}}, force_not_null = [${notNull}],
    delim = ${lit(load.delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false, max_line_size = 1000000${extra})`;
}

/**
 * An id SQL accepts as the row parser would, unchanged: printable ASCII without spaces (so trimming, NFC and the
 * control-character rule leave it alone), 1 to `max` characters. A GLOB with one negated class (no character outside
 * `!`–`~`), which DuckDB matches in less than half the time of the equivalent regular expression. Ids with spaces
 * inside (rare) are read through the row parser's rules like any other cell.
 */
function idOk(x: string, max: number): string {
  return `(strlen(${x}) BETWEEN 1 AND ${Math.trunc(max)} AND NOT ${x} GLOB '*[!!-~]*')`;
}

/**
 * The common date forms, read in SQL: ISO `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS]` (Vietnam time),
 * `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (UTC) and `dd/mm/yyyy[ HH:MM[:SS]]`, zero-padded. The form is proven by a GLOB of
 * ASCII characters and classes only, so of one length (digits where digits go, the hour's first digit 0–2, the
 * minute's and second's 0–5: one pass, where a regular expression cost more and comparing substrings more still),
 * the rest by DuckDB's cast of the ISO text, which is null for 30 February and for hours 25–29. The cast takes
 * `24:00:00` (as the next day), which the row parser refuses: a midnight whose hour is written 24 (the 12th and 13th
 * characters of every timed form) is not read. First the form (`<f>_form`) and timestamp (`<f>_ts`, wall clock or
 * UTC), then whether the cell is one of these forms with a valid value (`<f>_ok`) and its instant (`<f>_ms`).
 */
const D = '[0-9]';
const YMD = `${D}${D}${D}${D}-${D}${D}-${D}${D}`;
const DMY = `${D}${D}/${D}${D}/${D}${D}${D}${D}`;
const HM = `[0-2]${D}:[0-5]${D}`;
const HMS = `${HM}:[0-5]${D}`;
const FORMS: [number, string][] = [
  [1, `${YMD}[T ]${HMS}`],
  [2, `${YMD}[T ]${HM}`],
  [3, YMD],
  [4, `${YMD}T${HMS}.${D}${D}${D}Z`],
  [5, `${YMD}T${HMS}Z`],
  [6, `${DMY} ${HMS}`],
  [7, `${DMY} ${HM}`],
  [8, DMY],
];

function dateForm(x: string): string {
  // The empty cell first: an open dossier's completion or a return never made fails every form, one by one.
  return `CASE WHEN ${x} = '' THEN NULL ${FORMS.map(([n, glob]) => `WHEN ${x} GLOB '${glob}' THEN ${n}`).join(' ')} END`;
}

/** The timestamp of a cell of a known form (`<f>_form`), by a cast of its ISO text. */
function dateTimestamp(x: string, f: string): string {
  const dmyDate = `${x}[7:10] || '-' || ${x}[4:5] || '-' || ${x}[1:2]`;
  const iso = `CASE ${f}_form WHEN 1 THEN ${x} WHEN 2 THEN ${x} || ':00' WHEN 3 THEN ${x} WHEN 4 THEN ${x}[1:23] WHEN 5 THEN ${x}[1:19]
      WHEN 6 THEN ${dmyDate} || ${x}[11:19] WHEN 7 THEN ${dmyDate} || ${x}[11:16] || ':00' WHEN 8 THEN ${dmyDate} END`;
  return `try_cast(${iso} AS TIMESTAMP)`;
}

function dateReading(x: string, f: string, endOfDay: boolean): string {
  const form = `${f}_form`;
  const ts = `${f}_ts`;
  const notHour24 = `CASE WHEN epoch_us(${ts}) % ${DAY_MS * 1000} = 0 THEN ${x}[12:13] <> '24' ELSE TRUE END`;
  // Years 2000–2100 by comparison with their bounds: year() cost a third of this projection.
  const ok = `coalesce(${ts} >= TIMESTAMP '2000-01-01' AND ${ts} < TIMESTAMP '2101-01-01' AND ${notHour24}, FALSE)`;
  const wall = `epoch_ms(${ts})`;
  const ms = `CASE WHEN ${form} IN (4, 5) THEN ${wall}
      WHEN ${form} IN (3, 8) THEN ${wall} - ${VN_OFFSET_MS}${endOfDay ? ` + ${DAY_MS - 1}` : ''}
      ELSE ${wall} - ${VN_OFFSET_MS} END`;
  return `${ok} AS ${f}_ok, ${ms} AS ${f}_ms`;
}

/**
 * `from` (a FROM item with the text columns `dates`) with, for each date column f, `f_ok` (SQL read it) and `f_ms`
 * (its instant in epoch milliseconds; a date alone is the start of its day, or its last millisecond for `endOfDay`).
 */
export function withDateReadings(from: string, dates: readonly { name: string; endOfDay: boolean }[]): string {
  const withForm = `SELECT *${dates.map(({ name }) => `, ${dateForm(`"${name}"`)} AS ${name}_form`).join('')} FROM ${from}`;
  const withTs = `SELECT *${dates.map(({ name }) => `, ${dateTimestamp(`"${name}"`, name)} AS ${name}_ts`).join('')} FROM (${withForm})`;
  return `SELECT *${dates.map(({ name, endOfDay }) => `, ${dateReading(`"${name}"`, name, endOfDay)}`).join('')} FROM (${withTs})`;
}

async function all(c: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

const PART_TYPES = { text: 'VARCHAR', raw_text: 'VARCHAR', num: 'DOUBLE', bool: 'BOOLEAN' } as const;
type Part = keyof typeof PART_TYPES;
const partOf = (r: ResolvedCell, part: Part) => (part === 'text' ? r.text : part === 'raw_text' ? r.raw : part === 'num' ? r.num : r.bool);
/** A field with at most this many distinct cells is read by a CASE over them rather than joined to a table. */
const INLINE_CELLS = 32;

/** How the staging statement reads one part of a field from its resolved cells. */
interface FieldMap {
  /** The field's column in the all-text staging table. */
  column: string;
  /** Whether some part needs the table of resolved cells (`table`) joined on the cell. */
  joined: boolean;
  table: string;
  part(part: Part): string;
}

function sqlLiteral(v: string | number | boolean | null, part: Part): string {
  if (v === null) return `NULL::${PART_TYPES[part]}`;
  if (typeof v === 'string') return lit(v);
  return typeof v === 'number' ? `${v}::DOUBLE` : v ? 'TRUE' : 'FALSE';
}

/**
 * A part most files resolve to the cell itself (unit and procedure codes, channel and status words written as
 * stored) is the column as it stands, or with the empty cell as null; one of few distinct cells is a CASE over them;
 * only a part that is neither reads the joined table. Joining a million rows to each small map cost more than the
 * rest of the statement.
 */
export function fieldMap(column: string, table: string, cells: readonly string[], resolved: readonly ResolvedCell[]): FieldMap {
  const reading = (part: Part): string | null => {
    const values = resolved.map((r) => partOf(r, part));
    if (values.every((v) => v === null)) return `NULL::${PART_TYPES[part]}`;
    if (values.every((v, i) => v === cells[i])) return column;
    if (values.every((v, i) => v === (cells[i] === '' ? null : cells[i]))) return `nullif(${column}, '')`;
    if (cells.length <= INLINE_CELLS) return `CASE ${column} ${cells.map((cell, i) => `WHEN ${lit(cell)} THEN ${sqlLiteral(values[i] ?? null, part)}`).join(' ')} END`;
    return null;
  };
  const parts = Object.fromEntries((Object.keys(PART_TYPES) as Part[]).map((p) => [p, reading(p)])) as Record<Part, string | null>;
  const joined = Object.values(parts).some((p) => p === null);
  return { column, joined, table, part: (p) => parts[p] ?? `${table}.${p}` };
}

/** The resolved cells of one field, as a table `map` (raw, text, raw_text, num, bool). */
async function writeMap(c: DuckDBConnection, table: string, cells: readonly string[], resolved: readonly ResolvedCell[]): Promise<void> {
  await c.run(`CREATE TEMP TABLE ${table} (raw VARCHAR, text VARCHAR, raw_text VARCHAR, num DOUBLE, bool BOOLEAN)`);
  const a = await c.createAppender(table);
  const text = (v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));
  cells.forEach((cell, i) => {
    const r = resolved[i] as ResolvedCell;
    a.appendVarchar(cell);
    text(r.text);
    text(r.raw);
    if (r.num === null) a.appendNull();
    else a.appendDouble(r.num);
    if (r.bool === null) a.appendNull();
    else a.appendBoolean(r.bool);
    a.endRow();
  });
  a.closeSync();
}

/**
 * Defines `staging` (the dossier writer's columns) as a temporary view over the file's one materialised copy, or
 * declines. The view, not a second table: writing a million typed rows to a temporary table cost more than each of
 * its readers (the checks, the insert, the rollups) computing its few expressions again. `withStagedCsv` drops the
 * view and its tables.
 */
async function stageDossierCsv(c: DuckDBConnection, load: DossierCsvLoad): Promise<{ rows: number } | { declined: string }> {
  // The header, where the row parser found it: the records DuckDB skips must be the ones papaparse read before it.
  let first: Row[];
  try {
    first = await all(c, `SELECT * FROM ${readCsv(load, ', buffer_size = 2000000')} LIMIT 1`);
  } catch {
    return { declined: 'csv' };
  }
  const top = first[0];
  if (!top || !load.header.every((h, i) => (((top[`c${i}`] as string | null) ?? '').normalize('NFC')) === h)) return { declined: 'header' };

  const col = (field: string) => `c${load.columns.get(field)}`;
  const fields = [...load.columns.keys()];
  const blank = load.header.map((_, i) => `c${i} = ''`).join(' AND ');
  const dates = DATE_FIELDS.filter((f) => load.columns.has(f));
  const sqlOk = new Map<string, { ok: string; ms?: string }>();
  if (load.columns.has('dossier_id')) sqlOk.set('dossier_id', { ok: 'dossier_id_ok' });
  // A date SQL read keeps only its instant: null where SQL did not read it (one column fewer to stage per date).
  for (const f of dates) sqlOk.set(f, { ok: `(${f}_ms IS NOT NULL)`, ms: `${f}_ms` });
  // Rows whose every cell is empty are skipped, as scanFile does; the header record is skipped with the ones before.
  const read = `SELECT ${fields.map((f) => `${col(f)} AS "${f}"`).join(', ')} FROM ${readCsv({ ...load, skip: load.skip + 1 })} WHERE NOT (${blank})`;
  const readings = withDateReadings(`(${read})`, dates.map((f) => ({ name: f, endOfDay: f === 'due_at' })));
  const idReading = load.columns.has('dossier_id') ? `, ${idOk('"dossier_id"', load.idMax)} AS dossier_id_ok` : '';
  try {
    // A date SQL has read keeps no text: only the cells it could not read are looked up.
    const texts = fields.map((f) => (dates.includes(f as (typeof DATE_FIELDS)[number]) ? `CASE WHEN ${f}_ok THEN NULL ELSE "${f}" END AS "${f}"` : `"${f}"`));
    const readNames = [...(load.columns.has('dossier_id') ? ['dossier_id_ok'] : []), ...dates.map((f) => `CASE WHEN ${f}_ok THEN ${f}_ms END AS ${f}_ms`)];
    // Written without keeping the file's order: the reader's threads each append the pieces of the file they parsed,
    // in long runs of its lines (one break per million rows), and staging a million rows took a quarter less
    // (decision 035). Nothing reads the staging in file order but commitStaged's test of how nearly it is in
    // received order.
    await c.run('SET SESSION preserve_insertion_order = false');
    try {
      await c.run(`CREATE TEMP TABLE ${SQ} AS SELECT ${[...texts, ...readNames].join(', ')} FROM (SELECT *${idReading} FROM (${readings}))`);
    } finally {
      await c.run('RESET SESSION preserve_insertion_order');
    }
  } catch {
    return { declined: 'csv' };
  }

  // Every distinct cell SQL does not read by itself goes through the row parser's rules. Every such cell is in its
  // field's map, and none resolves to nothing (or the file declines): each row's cells are known.
  const maps = new Map<string, FieldMap>();
  for (const [k, f] of fields.entries()) {
    const ok = sqlOk.get(f)?.ok;
    const rows = await all(c, `SELECT DISTINCT "${f}" AS v FROM ${SQ}${ok ? ` WHERE NOT ${ok}` : ''} LIMIT ${load.maxDistinct + 1}`);
    if (rows.length > load.maxDistinct) return { declined: `too many distinct ${f}` };
    if (rows.length === 0) continue;
    const cells = rows.map((r) => String(r.v));
    const resolved = load.resolve(f, cells);
    if (resolved.some((r) => r === null)) return { declined: `cell ${f}` };
    const map = fieldMap(`${SQ}."${f}"`, mapTable(k), cells, resolved as ResolvedCell[]);
    if (map.joined) await writeMap(c, map.table, cells, resolved as ResolvedCell[]);
    maps.set(f, map);
  }

  // The value of a field: SQL's reading where it has one, the row parser's otherwise; null when the file lacks it.
  const pick = (f: string, part: Part, sqlValue?: string): string => {
    if (!load.columns.has(f)) return `NULL::${PART_TYPES[part]}`;
    const m = maps.get(f);
    const s = sqlOk.get(f);
    if (s && sqlValue) return m ? `CASE WHEN ${s.ok} THEN ${sqlValue} ELSE ${m.part(part)} END` : sqlValue;
    return m ? m.part(part) : `NULL::${PART_TYPES[part]}`;
  };
  const joins = [...maps.values()].filter((m) => m.joined).map((m) => `LEFT JOIN ${m.table} ON ${m.table}.raw = ${m.column}`);
  // A joined map's miss is the one way a cell could be unknown; a SQL-read field without a map has only SQL's readings.
  const known = [...load.columns.keys()].map((f) => {
    const m = maps.get(f);
    const s = sqlOk.get(f);
    const inMap = m ? (m.joined ? `${m.table}.raw IS NOT NULL` : 'TRUE') : 'FALSE';
    return s ? `(${s.ok} OR ${inMap})` : inMap;
  });
  const date = (f: (typeof DATE_FIELDS)[number]) => pick(f, 'num', sqlOk.get(f)?.ms);
  const channel = pick('channel', 'text');
  const serviceLevel = pick('service_level', 'num');
  const endToEnd = load.columns.has('end_to_end') ? pick('end_to_end', 'bool') : `coalesce(${serviceLevel} = 4 AND ${channel} = 'online', FALSE)`;
  const status = pick('status', 'text');
  await c.run(`CREATE TEMP VIEW ${STAGING} AS SELECT
      ${pick('dossier_id', 'text', '"dossier_id"')} AS dossier_id, ${pick('unit_code', 'text')} AS unit_code,
      ${pick('procedure_code', 'text')} AS procedure_code, ${pick('procedure_code', 'raw_text')} AS procedure_code_raw,
      ${pick('procedure_name', 'text')} AS procedure_name, ${channel} AS channel, ${endToEnd} AS end_to_end,
      ${date('received_at')}::DOUBLE AS received_ms, ${date('due_at')}::DOUBLE AS due_ms, ${date('completed_at')}::DOUBLE AS completed_ms,
      ${date('returned_at')}::DOUBLE AS returned_ms, ${status} AS status, ${pick('status', 'raw_text')} AS status_raw,
      ${serviceLevel}::INTEGER AS service_level, ${pick('e_result', 'bool')} AS e_result, ${pick('digitized', 'bool')} AS digitized,
      ${pick('fee_required', 'bool')} AS fee_required, ${pick('paid_online', 'bool')} AS paid_online,
      coalesce(${status} NOT IN ('withdrawn', 'not_received'), TRUE) AS counted, ${SQ}.rowid::INTEGER AS line,
      ${known.join(' AND ')} AS known
    FROM ${SQ} ${joins.join(' ')}`);

  // The rules between cells (dossier-rows.ts); each failing row is one the row parser reports. Ids are compared by
  // their hashes: two ids with one hash decline (the row parser then tells whether they are the same).
  const latest = Math.trunc(load.latest);
  const [check] = await all(c, `SELECT count(*) AS n,
      count(*) FILTER (WHERE NOT known OR dossier_id IS NULL OR unit_code IS NULL OR procedure_code IS NULL OR channel IS NULL
                         OR end_to_end IS NULL OR received_ms IS NULL OR due_ms IS NULL) AS unread,
      count(*) FILTER (WHERE received_ms > ${latest} OR completed_ms > ${latest} OR returned_ms > ${latest}
                         OR (end_to_end AND channel <> 'online') OR due_ms < received_ms OR completed_ms < received_ms
                         OR (completed_ms IS NULL AND status IN ('completed', 'rejected'))) AS bad,
      count(*) - count(DISTINCT hash(dossier_id)) AS repeated
    FROM ${STAGING}`);
  if (!check) return { declined: 'check' };
  if (num(check.unread) > 0) return { declined: 'unread cells' };
  if (num(check.bad) > 0) return { declined: 'rules between cells' };
  if (num(check.repeated) > 0) return { declined: 'repeated ids' };
  const rows = num(check.n);
  if (rows === 0) return { declined: 'no rows' };
  return { rows };
}

/**
 * Stages the file on `c` and, when every row is proven valid, gives `use` the staging view (the dossier writer's
 * columns, and `line`: the staging's own order, the file's in a few long runs) and the row count; the view and its
 * tables are dropped afterwards, whatever happens.
 */
export async function withStagedCsv<T>(c: DuckDBConnection, load: DossierCsvLoad, use: (staging: string, rows: number) => Promise<T>): Promise<T | { declined: string }> {
  try {
    // The file's bytes are checked meanwhile (load.bytes): the staging is used only when they pass.
    const [staged, bytes] = await Promise.all([stageDossierCsv(c, load), load.bytes]);
    if (bytes !== null) return { declined: bytes };
    if ('declined' in staged) return staged;
    return await use(STAGING, staged.rows);
  } finally {
    const tables = [SQ, ...Array.from({ length: load.columns.size }, (_, k) => mapTable(k))];
    for (const sql of [`DROP VIEW IF EXISTS ${STAGING}`, ...tables.map((t) => `DROP TABLE IF EXISTS ${t}`)]) await c.run(sql);
  }
}

/** A staging time column (epoch milliseconds) as a timestamp. */
export const stagedTime = (col: string) => `CASE WHEN ${col} IS NULL THEN NULL ELSE make_timestamp(CAST(${col} * 1000 AS BIGINT)) END`;

/**
 * The rollups of a staging table or view: its counted dossiers with their received day (`source`), whose times are
 * epoch microseconds (BIGINT) rather than timestamps, and the dialect (`d`) that reads them so. The rollups' day
 * arithmetic works on microseconds anyway: a timestamp made of each time and taken apart again cost a tenth of
 * their time (three statements over a million rows, ≈35 ms).
 */
export function stagedRollups(staging: string): { d: MeasureDialect; source: string } {
  const us = (col: string) => `CAST(${col} * 1000 AS BIGINT)`;
  const d: MeasureDialect = { ...DUCKDB, epochMs: (e) => `((${e}) // 1000)`, epochUs: (e) => `(${e})` };
  const source = `(SELECT unit_code, channel, end_to_end, e_result, digitized, fee_required, paid_online, ${us('received_ms')} AS received_at,
      ${us('due_ms')} AS due_at, ${us('completed_ms')} AS completed_at, ${dayOf(d, us('received_ms'))} AS day FROM ${staging} WHERE counted) AS rolled`;
  return { d, source };
}
