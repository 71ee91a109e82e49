type Doc = PDFKit.PDFDocument;

export interface PdfColumn<R> {
  label: string;
  width: number;
  align?: 'left' | 'right';
  cell: (row: R) => string;
  /** The cell's colour, when not the ink. */
  color?: (row: R) => string | undefined;
}

export interface PdfTableStyle<R> {
  fontSize: number;
  ink: string;
  /** Fill of every other row; none when absent. */
  stripe?: string;
  /** Space kept free at the bottom of each page (the footer line sits there). */
  bottomReserve: number;
  /** A mark drawn in the left margin beside a row (e.g. a red dot for a flagged unit). */
  marker?: (row: R) => { text: string; color: string } | null;
}

const PAD_X = 2;
const PAD_Y = 1.5;

/**
 * A table whose cells wrap: every cell is laid out in its column's width (long unit or procedure names, even a single
 * word longer than the column, break onto further lines) and a row is as tall as its tallest cell, so no text runs
 * into the next cell or row. A row never splits across pages; the header (wrapped the same way) repeats on each page.
 */
export function drawTable<R>(doc: Doc, columns: readonly PdfColumn<R>[], rows: readonly R[], style: PdfTableStyle<R>): void {
  const left = doc.page.margins.left;
  const width = columns.reduce((s, c) => s + c.width, 0);
  const bottom = () => doc.page.height - doc.page.margins.bottom - style.bottomReserve;
  const options = (c: PdfColumn<R>) => ({ width: c.width - 2 * PAD_X, align: c.align ?? 'left' });
  const heightOf = (texts: readonly string[]) => Math.max(...texts.map((t, i) => doc.heightOfString(t || ' ', options(columns[i] as PdfColumn<R>)))) + 2 * PAD_Y;

  const header = () => {
    doc.font('bold').fontSize(style.fontSize).fillColor(style.ink);
    const labels = columns.map((c) => c.label);
    const h = heightOf(labels);
    const y = doc.y;
    let x = left;
    columns.forEach((c) => {
      doc.text(c.label, x + PAD_X, y + PAD_Y, options(c));
      x += c.width;
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.6).strokeColor(style.ink).stroke();
    doc.x = left;
    doc.y = y + h + 1;
  };

  doc.font('bold').fontSize(style.fontSize);
  const headerHeight = heightOf(columns.map((c) => c.label)) + 1;
  doc.font('regular').fontSize(style.fontSize);
  // A header never sits alone at the foot of a page: it needs room for itself and a first row.
  const firstRow = rows[0] ? heightOf(columns.map((c) => c.cell(rows[0] as R))) : 0;
  if (doc.y + headerHeight + firstRow > bottom()) doc.addPage();
  header();
  rows.forEach((r, i) => {
    const texts = columns.map((c) => c.cell(r));
    doc.font('regular').fontSize(style.fontSize);
    const h = heightOf(texts);
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
      doc.font('regular').fontSize(style.fontSize);
    }
    const y = doc.y;
    if (style.stripe && i % 2 === 1) doc.rect(left, y, width, h).fill(style.stripe);
    let x = left;
    columns.forEach((c, j) => {
      doc.fillColor(c.color?.(r) ?? style.ink).text(texts[j] as string, x + PAD_X, y + PAD_Y, options(c));
      x += c.width;
    });
    const mark = style.marker?.(r);
    if (mark) doc.fillColor(mark.color).text(mark.text, left - 8, y + PAD_Y, { width: 6, lineBreak: false });
    doc.x = left;
    doc.y = y + h;
  });
  doc.fillColor(style.ink);
}
