import { columnLetters } from '../columns';
import type { Cell } from '../values';
import { msg } from '../../../shared/messages/catalogue';
import { FileRefusal } from '../file-refusal';
import type { RawCell, RawRow } from '../table-reader';
import { MAX_CELL_CHARS, unescapeExcel, type DateKind, type WorkbookParts } from './parts';
import { attribute, XmlTokenizer, type XmlHandler } from './xml';
import type { ZipFile } from './zip';

/** What one sheet may unpack to: far more than a million rows of a real export, and a bound on the work. */
const SHEET_BYTES = 4 * 1024 * 1024 * 1024;
const MAX_COLUMN = 16_384;

/** The 1-based column of a reference such as `AB12`; 0 when it does not start with letters. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

const DAY = 86_400_000;

/**
 * Excel serial days to a date and time of the sheet's own clock, which for chiso is Vietnam wall-clock time
 * (the civil-from-days arithmetic of H. Hinnant's date algorithms; no Date object per cell).
 */
function excelDate(serial: number, date1904: boolean, kind: Exclude<DateKind, null>): Cell {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY);
  if (!Number.isSafeInteger(ms)) return String(serial);
  const days = Math.floor(ms / DAY);
  const rest = ms - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const date = { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
  const time: [number, number, number, number] = [Math.floor(rest / 3_600_000), Math.floor(rest / 60_000) % 60, Math.floor(rest / 1000) % 60, rest % 1000];
  return { date, time: kind === 'datetime' ? time : null };
}

interface Context {
  strings: readonly string[];
  dates: readonly DateKind[];
  date1904: boolean;
}

/** Builds rows from the SAX-like events of a worksheet: only `sheetData/row/c` and their values matter. */
class SheetHandler implements XmlHandler {
  rows: RawRow[] = [];
  private inData = false;
  private cells: RawCell[] | null = null;
  private line = 0;
  private column = 0;
  private type = 'n';
  private style = 0;
  private value: string | null = null;
  private formula: string | null = null;
  private capture: 'value' | 'formula' | null = null;
  private inline = false;
  private phonetic = false;

  constructor(private readonly context: Context) {}

  open(name: string, tag: string): void {
    if (name === 'sheetData') this.inData = true;
    else if (!this.inData) return;
    else if (name === 'row') {
      this.line = Number(attribute(tag, 'r') ?? this.line + 1);
      if (!Number.isSafeInteger(this.line) || this.line < 1) throw new FileRefusal(msg('import.xlsx.badRow'));
      this.cells = [];
      this.column = 0;
    } else if (name === 'c' && this.cells) {
      const ref = attribute(tag, 'r');
      this.column = ref === null ? this.column + 1 : columnIndex(ref);
      if (this.column < 1 || this.column > MAX_COLUMN) throw new FileRefusal(msg('import.xlsx.badCell', { ref: String(ref) }), this.line);
      this.type = attribute(tag, 't') ?? 'n';
      this.style = Number(attribute(tag, 's') ?? 0);
      this.value = null;
      this.formula = null;
    } else if (name === 'v') {
      this.value = '';
      this.capture = 'value';
    } else if (name === 'f') {
      this.formula = '';
      this.capture = 'formula';
    } else if (name === 'is') {
      this.inline = true;
      this.value = '';
    } else if (name === 'rPh') this.phonetic = true;
    else if (name === 't' && this.inline && !this.phonetic) this.capture = 'value';
  }

  close(name: string): void {
    if (name === 'v' || name === 'f' || name === 't') this.capture = null;
    else if (name === 'rPh') this.phonetic = false;
    else if (name === 'is') this.inline = false;
    else if (name === 'c' && this.cells) {
      const cell = this.cell();
      if (cell !== undefined) this.cells[this.column - 1] = cell;
    } else if (name === 'row' && this.cells) {
      this.rows.push({ line: this.line, cells: this.cells });
      this.cells = null;
    } else if (name === 'sheetData') this.inData = false;
  }

  text(piece: string): void {
    if (this.capture === 'value') this.value += piece;
    else if (this.capture === 'formula') this.formula += piece;
    else return;
    if ((this.value?.length ?? 0) > MAX_CELL_CHARS || (this.formula?.length ?? 0) > MAX_CELL_CHARS) {
      throw new FileRefusal(msg('import.xlsx.cellTooLong', { ref: this.ref(), max: MAX_CELL_CHARS }), this.line);
    }
  }

  private ref(): string {
    return `${columnLetters(this.column)}${this.line}`;
  }

  private cell(): RawCell | undefined {
    const { value, formula, context } = this;
    if (value === null) return formula === null ? undefined : { formula, ref: this.ref() };
    switch (this.type) {
      case 's': {
        const text = context.strings[Number(value)];
        if (text === undefined) throw new FileRefusal(msg('import.xlsx.missingText', { ref: this.ref() }), this.line);
        return text;
      }
      case 'inlineStr':
      case 'str':
        return unescapeExcel(value).normalize('NFC');
      case 'b':
        return value.trim() === '1' ? 'true' : 'false';
      case 'e':
      case 'd':
        return value;
      default: {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n)) return value;
        const kind = context.dates[this.style] ?? null;
        return kind ? excelDate(n, context.date1904, kind) : String(n);
      }
    }
  }
}

/** The rows of the workbook's first worksheet, in batches, as the sheet unpacks. */
export async function* sheetRows(zip: ZipFile, parts: WorkbookParts, strings: readonly string[], dates: readonly DateKind[]): AsyncGenerator<RawRow[]> {
  const handler = new SheetHandler({ strings, dates, date1904: parts.date1904 });
  const tokenizer = new XmlTokenizer(handler);
  const tooLarge = msg('import.xlsx.sheetTooLarge');
  for await (const piece of zip.text(parts.sheet, SHEET_BYTES, tooLarge)) {
    tokenizer.write(piece);
    if (handler.rows.length > 0) {
      const batch = handler.rows;
      handler.rows = [];
      yield batch;
    }
  }
  tokenizer.end();
  if (handler.rows.length > 0) yield handler.rows;
}
