import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { Cell } from './values';

/** One row of a file: its line (CSV) or sheet row (XLSX) number, and its cells. */
export interface RawRow {
  line: number;
  cells: Cell[];
}

export type FileSource = { path: string } | { buffer: Buffer };

const HEADER_PROBE_BYTES = 64 * 1024;

function isXlsx(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

async function readHead(source: FileSource): Promise<Buffer> {
  if ('buffer' in source) return source.buffer.subarray(0, HEADER_PROBE_BYTES);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(source.path, { start: 0, end: HEADER_PROBE_BYTES - 1 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, size);
}

/** `;` or `,`: whichever the first lines use more often outside quotes. */
export function detectDelimiter(head: string): ';' | ',' {
  const lines = head.split(/\r?\n/).slice(0, 12);
  let semicolons = 0;
  let commas = 0;
  for (const line of lines) {
    const bare = line.replace(/"[^"]*"/g, '');
    semicolons += bare.split(';').length - 1;
    commas += bare.split(',').length - 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Streams CSV rows through papaparse, pausing it while the consumer works, and tracks each row's line. */
async function* csvRows(source: FileSource, head: Buffer): AsyncGenerator<RawRow[]> {
  const delimiter = detectDelimiter(head.toString('utf8'));
  const input = 'buffer' in source ? Readable.from([source.buffer.toString('utf8')]) : createReadStream(source.path, { encoding: 'utf8' });
  const batches: string[][][] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  Papa.parse(input as unknown as File, {
    delimiter,
    skipEmptyLines: false,
    chunk: (result: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      parser = p;
      batches.push(result.data);
      p.pause();
      notify();
    },
    complete: () => {
      done = true;
      notify();
    },
    error: (error: Error) => {
      failure = error;
      done = true;
      notify();
    },
  });
  let line = 1;
  let first = true;
  try {
  for (;;) {
    const batch = batches.shift();
    if (!batch) {
      if (done) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      continue;
    }
    const rows: RawRow[] = [];
    for (const cells of batch) {
      if (first && cells.length > 0 && typeof cells[0] === 'string') cells[0] = cells[0].replace(/^\uFEFF/, '');
      first = false;
      const at = line;
      line += 1;
      for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line += 1;
      rows.push({ line: at, cells });
    }
    yield rows;
    (parser as Papa.Parser | null)?.resume();
  }
  } finally {
    if (!done) (parser as Papa.Parser | null)?.abort();
    if ('path' in source) (input as Readable).destroy();
  }
  if (failure) throw failure;
}

function cellOf(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads the wall-clock time of a date cell as if it were UTC; for chiso that wall clock is Vietnam time.
    const hasTime = /[hs]/i.test((cell.numFmt ?? '').replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, ''));
    const date = { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
    return { date, time: hasTime ? [value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds(), value.getUTCMilliseconds()] : null };
  }
  if (typeof value === 'object') {
    if ('result' in value) return value.result instanceof Date ? cellOf({ ...cell, value: value.result } as ExcelJS.Cell) : String(value.result ?? '');
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function* xlsxRows(source: FileSource): AsyncGenerator<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  if ('buffer' in source) await workbook.xlsx.load(source.buffer as unknown as ArrayBuffer);
  else await workbook.xlsx.readFile(source.path);
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c)));
    rows.push({ line: rowNumber, cells });
  });
  yield rows;
}

/** The rows, in batches, of a CSV (UTF-8, with or without BOM, `;` or `,`, CRLF or LF) or of the first sheet of an XLSX. */
export async function* readRows(source: FileSource): AsyncGenerator<RawRow[]> {
  const head = await readHead(source);
  yield* isXlsx(head) ? xlsxRows(source) : csvRows(source, head);
}
