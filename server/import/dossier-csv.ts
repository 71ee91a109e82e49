import { createReadStream, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { DossierCsvLoad, ResolvedCell } from '../store/port';
import { addDays, vnMidnight } from '../../shared/kpi/vn-time';
import { cellProblem, cellRules, type CellRule } from './cell-guard';
import { HEADER_SEARCH_ROWS, headerConflicts, matchHeader, missingColumns } from './columns';
import { detectDelimiter } from './csv-reader';
import { DOSSIER_COLUMNS, type DossierField } from './dossier-columns';
import type { ImportLimits } from './file-refusal';
import { incompleteTail, utf16WithoutBom, type FileSource } from './text-encoding';
import { normalizeProcedureCode, parseBoolean, parseChannel, parseDateTime, parseServiceLevel, parseStatus, type Parsed } from './values';

/**
 * The SQL-side dossier import (decision 026): a UTF-8 CSV whose bytes are plain enough that DuckDB's reader and the
 * row parser (papaparse, csv-reader.ts) cannot read it differently is handed to the store, which parses it into a
 * staging table, checks every rule in SQL and asks `resolve` here — the row parser's own rules — for the distinct
 * cells its SQL does not read itself. Whatever cannot be proven valid goes to the row parser, which writes the report.
 */

const HEAD_BYTES = 64 * 1024;
const CHUNK = 1024 * 1024;
const DAY = 86_400_000;
/** Distinct cells of one column worth resolving one by one; a column with more goes back to the row parser. */
export const MAX_DISTINCT = 200_000;

export interface BytesProfile {
  /** Valid UTF-8 throughout (after the byte-order mark, if any). */
  utf8: boolean;
  nul: boolean;
  /** Line feeds anywhere (each starts at most one more row). */
  lf: number;
  /** Outside quoted fields: line feeds, carriage returns, and CR LF pairs. */
  lfOut: number;
  crOut: number;
  crlfOut: number;
  /** Every quote opens a field at its start, closes it before a delimiter or line end, or is doubled inside it. */
  plainQuotes: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

async function* chunksOf(source: FileSource, start: number): AsyncGenerator<Buffer> {
  if ('buffer' in source) {
    for (let i = start; i < source.buffer.length; i += CHUNK) yield source.buffer.subarray(i, i + CHUNK);
    return;
  }
  for await (const chunk of createReadStream(source.path, { start, highWaterMark: CHUNK })) yield chunk as Buffer;
}

/**
 * One pass over the bytes: UTF-8 validity, NUL bytes, line ends outside quoted fields and quoting. Quotes are
 * followed as a state machine that jumps from quote to quote: a quote outside a field must start one (after a
 * delimiter, a line feed or the start), and a quote inside must be doubled or end the field before a delimiter, a
 * line end or the end of the file. Line breaks inside quoted fields are the field's own text.
 */
export async function profileBytes(source: FileSource, start: number, delimiter: number): Promise<BytesProfile> {
  const p: BytesProfile = { utf8: true, nul: false, lf: 0, lfOut: 0, crOut: 0, crlfOut: 0, plainQuotes: true };
  let carry: Buffer = Buffer.alloc(0);
  let quoted = false;
  /** A quote inside a field was the last byte of the previous chunk: the next byte says what it was. */
  let pendingClose = false;
  let prev = LF;
  for await (const chunk of chunksOf(source, start)) {
    if (chunk.length === 0) continue;
    if (p.utf8) {
      const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteTail(joined);
      if (!isUtf8(joined.subarray(0, joined.length - tail))) p.utf8 = false;
      carry = Buffer.from(joined.subarray(joined.length - tail));
    }
    if (!p.nul && chunk.indexOf(0) >= 0) p.nul = true;
    let nextLf = chunk.indexOf(LF);
    let nextCr = chunk.indexOf(CR);
    /** Counts the line ends in [from, to), as outside a field or not. */
    const lineEnds = (from: number, to: number, outside: boolean) => {
      for (; nextLf >= 0 && nextLf < to; nextLf = chunk.indexOf(LF, nextLf + 1)) {
        if (nextLf < from) continue;
        p.lf += 1;
        if (!outside) continue;
        p.lfOut += 1;
        if ((nextLf === 0 ? prev : chunk[nextLf - 1]) === CR) p.crlfOut += 1;
      }
      for (; nextCr >= 0 && nextCr < to; nextCr = chunk.indexOf(CR, nextCr + 1)) if (outside && nextCr >= from) p.crOut += 1;
    };
    let i = 0;
    if (pendingClose) {
      pendingClose = false;
      const next = chunk[0] as number;
      if (next === QUOTE) i = 1;
      else if (next === delimiter || next === LF || next === CR) quoted = false;
      else p.plainQuotes = false;
    }
    while (p.plainQuotes) {
      const q = chunk.indexOf(QUOTE, i);
      if (q < 0) break;
      lineEnds(i, q, !quoted);
      if (!quoted) {
        const before = q === 0 ? prev : (chunk[q - 1] as number);
        if (before !== delimiter && before !== LF) p.plainQuotes = false;
        quoted = true;
        i = q + 1;
        continue;
      }
      if (q === chunk.length - 1) {
        pendingClose = true;
        i = chunk.length;
        break;
      }
      const next = chunk[q + 1] as number;
      if (next === QUOTE) i = q + 2;
      else if (next === delimiter || next === LF || next === CR) {
        quoted = false;
        i = q + 1;
      } else p.plainQuotes = false;
    }
    if (p.plainQuotes) lineEnds(i, chunk.length, !quoted);
    prev = chunk[chunk.length - 1] as number;
    if (!p.plainQuotes) break;
  }
  if (carry.length > 0) p.utf8 = false;
  if (pendingClose) quoted = false;
  if (quoted) p.plainQuotes = false;
  return p;
}

/** The cells of a row as the row parser reads them, found in the first bytes of the file. */
interface HeaderFound {
  skip: number;
  header: string[];
  columns: Map<DossierField, { index: number; header: string }>;
}

/**
 * The header row as scanFile finds it (the first of the top non-empty rows naming at least three known columns),
 * when it is acceptable as it stands; null when scanFile would report something about it, or it may not be whole.
 */
export function findHeader(headText: string, delimiter: string, whole: boolean): HeaderFound | null {
  const text = whole ? headText : headText.slice(0, headText.lastIndexOf('\n') + 1);
  const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
  let seen = 0;
  for (let k = 0; k < rows.length; k++) {
    const cells = rows[k] as string[];
    if (cells.every((c) => c.trim() === '')) continue;
    seen += 1;
    const columns = matchHeader(cells, DOSSIER_COLUMNS, 3);
    if (!columns) {
      if (seen >= HEADER_SEARCH_ROWS) return null;
      continue;
    }
    if (missingColumns(columns, DOSSIER_COLUMNS).length > 0 || headerConflicts(cells, DOSSIER_COLUMNS).length > 0) return null;
    if (!columns.has('end_to_end') && !columns.has('service_level')) return null;
    // The header must be followed by a whole row, and must not appear again (the store checks it by its place).
    const later = rows.slice(k + 1, whole ? rows.length : -1);
    if (!whole && later.length === 0) return null;
    if (later.some((r) => r.length === cells.length && r.every((c, i) => c === cells[i]))) return null;
    return { skip: k, header: cells, columns };
  }
  return null;
}

type Resolver = (cell: string) => ResolvedCell | null;

const cellOf = (text: string | null = null, raw: string | null = null, num: number | null = null, bool: boolean | null = null): ResolvedCell => ({ text, raw, num, bool });

/** The row parser's reading of one cell of `field` (dossier-rows.ts), null when it reports the cell. */
function resolverFor(field: DossierField, rule: CellRule<DossierField>, unitCodes: ReadonlySet<string>): Resolver {
  const typed = <T>(parse: (s: string) => Parsed<T>, required: boolean, out: (v: T, text: string) => ResolvedCell): Resolver => (text) => {
    if (text === '') return required ? null : cellOf();
    const parsed = parse(text);
    return parsed.ok ? out(parsed.value, text) : null;
  };
  const inner: Resolver = (() => {
    switch (field) {
      case 'dossier_id':
        return (t) => (t === '' ? null : cellOf(t));
      case 'unit_code':
        return (t) => (t !== '' && unitCodes.has(t) ? cellOf(t) : null);
      case 'procedure_code':
        return (t) => (t === '' ? null : cellOf(normalizeProcedureCode(t), t));
      case 'procedure_name':
        return (t) => cellOf(t || null);
      case 'channel':
        return typed(parseChannel, true, (v) => cellOf(v));
      case 'end_to_end':
        return typed(parseBoolean, true, (v) => cellOf(null, null, null, v));
      case 'status':
        return typed(parseStatus, false, (v, t) => cellOf(v, t));
      case 'service_level':
        return typed(parseServiceLevel, false, (v) => cellOf(null, null, v));
      case 'e_result':
      case 'digitized':
      case 'fee_required':
      case 'paid_online':
        return typed(parseBoolean, false, (v) => cellOf(null, null, null, v));
      case 'received_at':
      case 'due_at':
      case 'completed_at':
      case 'returned_at': {
        const endOfDay = field === 'due_at';
        return typed(parseDateTime, field === 'received_at' || field === 'due_at', (v) =>
          cellOf(null, null, v.dateOnly && endOfDay ? vnMidnight(addDays(v.date, 1)) - 1 : v.instant),
        );
      }
    }
  })();
  return (raw) => {
    const cell = raw.normalize('NFC');
    if (cellProblem(cell, rule)) return null;
    return inner(cell.trim());
  };
}

export type CsvPlan = { load: DossierCsvLoad; cleanup: () => void } | { declined: string };

/**
 * Whether a dossier file may take the SQL path, and what the store needs for it. It must be a UTF-8 CSV (not a
 * workbook, not UTF-16 or Windows-1258) with plain quoting and one kind of line end, no NUL byte, no more lines
 * than the row limit, and a header the row parser accepts as it stands. A buffer is written to a temporary file.
 */
export async function planDossierCsv(source: FileSource, head: Buffer, limits: ImportLimits, unitCodes: ReadonlySet<string>, importedAt: number): Promise<CsvPlan> {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return { declined: 'not a CSV' };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xd0 && head[1] === 0xcf)) return { declined: 'not UTF-8' };
  if (!bom && utf16WithoutBom(head)) return { declined: 'not UTF-8' };
  const whole = head.length < HEAD_BYTES;
  const headText = new TextDecoder('utf-8').decode(head.subarray(bom)).normalize('NFC');
  const delimiter = detectDelimiter(headText);
  const found = findHeader(headText, delimiter, whole);
  if (!found) return { declined: 'header' };
  // The bytes are checked while the engine reads the file (a tenth of an import's time at 1M rows, taken off it);
  // a file they refuse is declined before anything is committed, and the row parser reads it. A file past the row
  // limit is thus staged whole before it is declined (uploads are capped by CHISO_MAX_UPLOAD_MB; a LIMIT on the
  // staging read made every import's staging 60 % slower, and interrupting DuckDB mid-import was not worth its risks).
  const bytes = profileBytes(source, bom, delimiter.charCodeAt(0)).then(
    (b) => {
      if (!b.utf8) return 'not UTF-8';
      if (b.nul) return 'NUL byte';
      if (!b.plainQuotes) return 'quoting';
      if (b.crOut > 0 && !(b.crOut === b.lfOut && b.crlfOut === b.crOut)) return 'line ends';
      if (b.lf + 1 > limits.maxRows) return 'row limit';
      return null;
    },
    () => 'unreadable',
  );
  const columns = new Map<string, number>([...found.columns].map(([f, c]) => [f, c.index]));
  const rules = new Map(cellRules(found.columns, DOSSIER_COLUMNS).map((r) => [r.field, r]));
  const resolvers = new Map<string, Resolver>();
  const load = (path: string): DossierCsvLoad => ({
    path,
    delimiter,
    skip: found.skip,
    header: found.header.map((h) => h),
    columns,
    latest: importedAt + DAY,
    idMax: rules.get('dossier_id')?.max ?? 0,
    maxDistinct: MAX_DISTINCT,
    bytes,
    resolve(field, cells) {
      let resolve = resolvers.get(field);
      if (!resolve) {
        resolve = resolverFor(field as DossierField, rules.get(field as DossierField) as CellRule<DossierField>, unitCodes);
        resolvers.set(field, resolve);
      }
      return cells.map(resolve);
    },
  });
  if ('path' in source) return { load: load(source.path), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'chiso-csv-'));
  const path = join(dir, 'dossiers.csv');
  writeFileSync(path, source.buffer);
  return { load: load(path), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
