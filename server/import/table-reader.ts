import { createReadStream } from 'node:fs';
import { csvRows } from './csv-reader';
import { msg } from '../../shared/messages/catalogue';
import { FileRefusal } from './file-refusal';
import type { FileSource } from './text-encoding';
import type { Cell } from './values';
import { cellDateKinds, sharedStrings, workbookParts } from './xlsx/parts';
import { sheetRows } from './xlsx/sheet';
import { ZipFile } from './xlsx/zip';

export type { FileSource } from './text-encoding';

/** An XLSX formula cell saved without its result (written by a program, never opened in Excel). */
export interface FormulaCell {
  formula: string;
  /** Where it is, as Excel names it: `D5`. */
  ref: string;
}

export type RawCell = Cell | FormulaCell;

export const isFormulaCell = (cell: RawCell | undefined): cell is FormulaCell => typeof cell === 'object' && 'formula' in cell;

/** One row of a file: its line (CSV) or sheet row (XLSX) number, and its cells (XLSX rows may have holes). */
export interface RawRow {
  line: number;
  cells: RawCell[];
}

const HEADER_PROBE_BYTES = 64 * 1024;

function isXlsx(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export async function readHead(source: FileSource): Promise<Buffer> {
  if ('buffer' in source) return source.buffer.subarray(0, HEADER_PROBE_BYTES);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(source.path, { start: 0, end: HEADER_PROBE_BYTES - 1 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, size);
}

function isOldExcel(head: Buffer): boolean {
  return head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1;
}

/** The first worksheet, streamed: its parts are read in the order the rows need them, each with a cap on its size. */
async function* xlsxRows(source: FileSource): AsyncGenerator<RawRow[]> {
  const zip = await ZipFile.open(source);
  try {
    const parts = await workbookParts(zip);
    const dates = await cellDateKinds(zip, parts.styles);
    const strings = await sharedStrings(zip, parts.sharedStrings);
    yield* sheetRows(zip, parts, strings, dates);
  } finally {
    await zip.close();
  }
}

/**
 * The rows, in batches, of a CSV (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1258; `;` or `,`; CRLF or
 * LF) or of the first worksheet of an XLSX. A file that cannot be read at all throws a FileRefusal.
 */
export async function* readRows(source: FileSource): AsyncGenerator<RawRow[]> {
  const head = await readHead(source);
  if (isOldExcel(head)) throw new FileRefusal(msg('import.file.oldExcel'));
  yield* isXlsx(head) ? xlsxRows(source) : csvRows(source, head);
}
