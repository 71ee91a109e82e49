import { msg } from '../../../shared/messages/catalogue';
import { FileRefusal } from '../file-refusal';
import { attribute, XmlTokenizer, type XmlHandler } from './xml';
import type { ZipFile } from './zip';

const SMALL_PART_BYTES = 32 * 1024 * 1024;
const SHARED_STRINGS_BYTES = 100 * 1024 * 1024;
/** Excel's own limit for one cell. */
export const MAX_CELL_CHARS = 32_767;

export async function parsePart(zip: ZipFile, part: string, maxBytes: number, handler: Partial<XmlHandler>): Promise<void> {
  const tokenizer = new XmlTokenizer({ open: () => undefined, close: () => undefined, text: () => undefined, ...handler });
  const tooLarge = msg('import.xlsx.partTooLarge', { part, mb: Math.round(maxBytes / 1024 / 1024) });
  for await (const piece of zip.text(part, maxBytes, tooLarge)) tokenizer.write(piece);
  tokenizer.end();
}

/** A relationship target, resolved against the folder of the part that names it. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

interface Relationship {
  id: string;
  type: string;
  part: string;
}

async function relationships(zip: ZipFile, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf('/');
  const list: Relationship[] = [];
  await parsePart(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`, SMALL_PART_BYTES, {
    open: (name, tag) => {
      if (name !== 'Relationship' || attribute(tag, 'TargetMode') === 'External') return;
      list.push({ id: attribute(tag, 'Id') ?? '', type: attribute(tag, 'Type') ?? '', part: resolvePart(part, attribute(tag, 'Target') ?? '') });
    },
  });
  return list;
}

export interface WorkbookParts {
  /** The first worksheet in the workbook's own order (not the zip's). */
  sheet: string;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

export async function workbookParts(zip: ZipFile): Promise<WorkbookParts> {
  const office = (await relationships(zip, '')).find((r) => r.type.endsWith('/officeDocument'));
  const workbook = office?.part ?? 'xl/workbook.xml';
  if (!zip.has(workbook)) throw new FileRefusal(msg('import.xlsx.notWorkbook'));
  let date1904 = false;
  const sheetIds: string[] = [];
  await parsePart(zip, workbook, SMALL_PART_BYTES, {
    open: (name, tag) => {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '');
      if (name === 'sheet') sheetIds.push(attribute(tag, 'r:id') ?? '');
    },
  });
  const rels = await relationships(zip, workbook);
  const worksheets = new Map(rels.filter((r) => r.type.endsWith('/worksheet')).map((r) => [r.id, r.part]));
  const sheet = sheetIds.map((id) => worksheets.get(id)).find((part) => part !== undefined && zip.has(part));
  if (!sheet) throw new FileRefusal(msg('import.xlsx.noSheet'));
  const partOf = (suffix: string) => rels.find((r) => r.type.endsWith(suffix) && zip.has(r.part))?.part ?? null;
  return { sheet, sharedStrings: partOf('/sharedStrings'), styles: partOf('/styles'), date1904 };
}

/** Excel escapes characters XML cannot hold as `_xHHHH_` (a line break is `_x000D_`). */
export function unescapeExcel(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/** The shared string table, each entry's plain text (phonetic runs left out) in NFC. */
export async function sharedStrings(zip: ZipFile, part: string | null): Promise<string[]> {
  const list: string[] = [];
  if (!part) return list;
  let text: string | null = null;
  let capture = false;
  let phonetic = false;
  await parsePart(zip, part, SHARED_STRINGS_BYTES, {
    open: (name) => {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic = true;
      else if (name === 't' && !phonetic) capture = true;
    },
    close: (name) => {
      if (name === 't') capture = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'si') {
        list.push(unescapeExcel(text ?? '').normalize('NFC'));
        text = null;
      }
    },
    text: (piece) => {
      if (!capture || text === null) return;
      text += piece;
      if (text.length > MAX_CELL_CHARS) throw new FileRefusal(msg('import.xlsx.textTooLong', { max: MAX_CELL_CHARS }));
    },
  });
  return list;
}

/** For each cell style: not a date, a date, or a date with a time of day. */
export type DateKind = null | 'date' | 'datetime';

const BUILTIN_DATE_FORMATS: Record<number, DateKind> = { 14: 'date', 15: 'date', 16: 'date', 17: 'date', 18: 'datetime', 19: 'datetime', 20: 'datetime', 21: 'datetime', 22: 'datetime', 45: 'datetime', 46: 'datetime', 47: 'datetime' };
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILTIN_DATE_FORMATS[id] = 'date';
for (const id of [32, 33]) BUILTIN_DATE_FORMATS[id] = 'datetime';

/** A number format is a date when, outside quoted text and [brackets], it has date letters; with h or s it has a time. */
export function dateKindOf(format: string): DateKind {
  const bare = format.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '');
  if (!/[ymdhsb]/i.test(bare.replace(/General/gi, ''))) return null;
  return /[hs]/i.test(bare) ? 'datetime' : 'date';
}

export async function cellDateKinds(zip: ZipFile, part: string | null): Promise<DateKind[]> {
  if (!part) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parsePart(zip, part, SMALL_PART_BYTES, {
    open: (name, tag) => {
      if (name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attribute(tag, 'numFmtId') ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? (BUILTIN_DATE_FORMATS[id] ?? null) : dateKindOf(code);
  });
}
