import ExcelJS from 'exceljs';
import { FORM06_COLUMNS, FORM06_HEAD, FORM06_HEAD_ROWS } from '../../shared/domain/form06';
import type { Form06Counts } from '../../shared/schemas/form06';
import type { Form06Document } from '../analytics/form06';
import { safeText } from '../safe-cell';
import { cutOffLine, FORM06_TEXT as T, periodLine, sectionNumber } from './form06-labels';

/** Where the form's header starts; the title block is above it. Columns: A STT, B unit, C–M the figures (3)–(13). */
export const FORM06_HEAD_ROW = 6;
const FIRST_FIGURE_COLUMN = 3;
const LAST_COLUMN = FIRST_FIGURE_COLUMN + FORM06_COLUMNS.length - 1;
const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/** Writes a text into a merged block of one row. */
function block(ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, style: { bold?: boolean; italic?: boolean; align?: 'left' | 'center' | 'right' } = {}): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = safeText(text);
  cell.font = { name: FONT, size: 12, bold: style.bold ?? false, italic: style.italic ?? false };
  cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true };
}

function header(ws: ExcelJS.Worksheet): void {
  const top = FORM06_HEAD_ROW;
  const cells = [
    { row: top, col: 1, rowSpan: FORM06_HEAD_ROWS, colSpan: 1, text: T.stt },
    { row: top, col: 2, rowSpan: FORM06_HEAD_ROWS, colSpan: 1, text: T.unit },
    ...FORM06_HEAD.map((h) => ({ row: top + h.row, col: FIRST_FIGURE_COLUMN + h.col, rowSpan: h.rowSpan, colSpan: h.colSpan, text: T.head06[h.key] })),
  ];
  for (const c of cells) {
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(c.row, c.col, c.row + c.rowSpan - 1, c.col + c.colSpan - 1);
    ws.getCell(c.row, c.col).value = c.text;
  }
  const numbering = top + FORM06_HEAD_ROWS;
  T.numbers.forEach((n, i) => (ws.getCell(numbering, i + 1).value = n));
  for (let r = top; r <= numbering; r++) {
    for (let c = 1; c <= LAST_COLUMN; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: FONT, size: r === numbering ? 10 : 11, bold: r < numbering, italic: r === numbering };
      cell.alignment = CENTER;
      cell.border = THIN;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    }
  }
  ws.getRow(top).height = 30;
  ws.getRow(top + 1).height = 30;
  ws.getRow(top + 2).height = 45;
}

/** One line of the table: figures are number cells, in the form's column order. */
function line(ws: ExcelJS.Worksheet, stt: number | string, name: string, c: Form06Counts, bold: boolean): void {
  const row = ws.addRow([stt, safeText(name), ...FORM06_COLUMNS.map((f) => c[f])]);
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = { name: FONT, size: 11, bold };
    cell.border = THIN;
    cell.alignment = col === 2 ? { vertical: 'middle', wrapText: true } : { horizontal: col === 1 ? 'center' : 'right', vertical: 'middle' };
    if (col >= FIRST_FIGURE_COLUMN) cell.numFmt = '#,##0';
  });
}

/**
 * Biểu số 06/VPCP/KSTT as the form prints it: title block, the two rows of merged group headers over the column
 * headers, the numbering row, a row per unit (by group, each group with its subtotal when both are shown), the total,
 * and the signature block. Ready to sign and send.
 */
export async function renderForm06Xlsx(doc: Form06Document, generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chiso';
  wb.created = new Date(generatedAt);
  const ws = wb.addWorksheet('Biểu 06', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: FORM06_HEAD_ROW + FORM06_HEAD_ROWS }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  ws.pageSetup.printTitlesRow = `${FORM06_HEAD_ROW}:${FORM06_HEAD_ROW + FORM06_HEAD_ROWS}`;
  ws.columns = [{ width: 6 }, { width: 40 }, ...FORM06_COLUMNS.map(() => ({ width: 11 }))];

  block(ws, 1, 1, 2, T.code, { bold: true });
  block(ws, 2, 1, 2, T.basis, { italic: true });
  block(ws, 1, 3, 10, T.title, { bold: true, align: 'center' });
  block(ws, 2, 3, 10, periodLine(doc.period), { align: 'center' });
  block(ws, 3, 3, 10, cutOffLine(doc.period, doc.cutOff), { italic: true, align: 'center' });
  if (doc.group) block(ws, 4, 3, 10, T.groups[doc.group], { align: 'center' });
  block(ws, 1, 11, LAST_COLUMN, T.reporter);
  block(ws, 2, 11, LAST_COLUMN, T.receiver);
  block(ws, 4, 11, LAST_COLUMN, T.unitOfCount, { italic: true, align: 'right' });
  if (doc.demo) block(ws, 5, 1, LAST_COLUMN, T.demo, { bold: true, align: 'center' });
  ws.getRow(1).height = 32;
  header(ws);

  const sectioned = doc.sections.length > 1;
  doc.sections.forEach((s, i) => {
    if (sectioned) line(ws, sectionNumber(i), T.groups[s.group], s.subtotal, true);
    s.rows.forEach((r, n) => line(ws, n + 1, r.unitName, r, false));
  });
  line(ws, '', T.total, doc.form.total, true);

  const end = ws.rowCount + 2;
  block(ws, end, 1, LAST_COLUMN, T.note, { italic: true });
  ws.getRow(end).height = 30;
  block(ws, end + 2, 9, LAST_COLUMN, T.place, { italic: true, align: 'center' });
  block(ws, end + 3, 1, 2, T.maker, { bold: true, align: 'center' });
  block(ws, end + 3, 9, LAST_COLUMN, T.head, { bold: true, align: 'center' });
  block(ws, end + 4, 1, 2, T.makerSign, { italic: true, align: 'center' });
  block(ws, end + 4, 9, LAST_COLUMN, T.headSign, { italic: true, align: 'center' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function form06FileName(period: string, group: string | null): string {
  return `chiso-bieu06-${period}${group ? `-${group}` : ''}.xlsx`;
}
