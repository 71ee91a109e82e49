import { once } from 'node:events';
import { createDeflateRaw, crc32 } from 'node:zlib';

/** One file of a zip: its bytes, or pieces repeated many times (a bomb), deflated as they are produced. */
export interface ZipPart {
  name: string;
  pieces: Iterable<string | Buffer>;
}

async function deflated(pieces: Iterable<string | Buffer>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { data: Buffer.concat(out), crc, size };
}

/** A zip (deflate, no ZIP64, sizes below 4 GB as declared fields allow): enough to build workbooks, broken or hostile. */
export async function makeZip(parts: readonly ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { data, crc, size } = await deflated(part.pieces);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `times` copies of `piece`, without holding them all. */
export function* repeat(piece: string, times: number): Generator<string> {
  const block = piece.repeat(Math.max(1, Math.floor(65_536 / piece.length)));
  const perBlock = block.length / piece.length;
  let left = times;
  for (; left >= perBlock; left -= perBlock) yield block;
  if (left > 0) yield piece.repeat(left);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';

/**
 * A one-sheet workbook written by hand, so that its parts can be anything: a sheet's XML in pieces (rows inline, see
 * `inlineRow`), and optionally a shared string table in pieces.
 */
export function workbook(sheet: Iterable<string>, sharedStrings: Iterable<string> = ['<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>']): Promise<Buffer> {
  return makeZip([
    { name: '[Content_Types].xml', pieces: [CONTENT_TYPES] },
    { name: '_rels/.rels', pieces: [ROOT_RELS] },
    { name: 'xl/workbook.xml', pieces: [WORKBOOK] },
    { name: 'xl/_rels/workbook.xml.rels', pieces: [WORKBOOK_RELS] },
    { name: 'xl/worksheets/sheet1.xml', pieces: sheet },
    { name: 'xl/sharedStrings.xml', pieces: sharedStrings },
  ]);
}

export const SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row of inline-string cells from column A. */
export function inlineRow(line: number, cells: readonly string[]): string {
  return `<row r="${line}">${cells.map((c) => `<c t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`;
}
