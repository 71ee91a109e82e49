import { levelName, type EscalationLadder } from '../../shared/kpi/escalation';
import type { Commitment } from '../../shared/schemas/accountability';
import type { EscalationLevel } from '../../shared/domain/accountability';
import { ACCOUNTABILITY_LABELS } from './accountability-labels';
import { date, fill, type ReportLanguage } from './labels';
import type { ReportData } from './report-data';
import { subjectLabel, type NamedIndicator } from './subject-label';

type Doc = PDFKit.PDFDocument;

export interface PdfStyle {
  heading: (text: string) => void;
  ink: string;
  muted: string;
  red: string;
}

const ACTION_SHOWN = 160;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A level by its name in the ladder the period was judged with. */
export function levelText(level: EscalationLevel | null, lang: ReportLanguage, ladder: EscalationLadder): string {
  return level ? levelName(level, lang, ladder) : '';
}

/** A flagged unit's latest commitment in one cell, or "chưa giải trình". */
export function commitmentText(c: Commitment | null, lang: ReportLanguage, indicators: readonly NamedIndicator[] = []): string {
  const A = ACCOUNTABILITY_LABELS[lang];
  if (!c) return A.noExplanation;
  return `${A.states[c.state]} · ${fill(A.due, { date: date(c.dueDate) })} · ${subjectLabel(lang, c.measure, indicators)}: ${clip(c.action, ACTION_SHOWN)}`;
}

interface Column {
  label: string;
  width: number;
}

/** Rows of wrapped text; a row never splits across pages, the header repeats on each. */
function wrappedTable(doc: Doc, style: PdfStyle, columns: Column[], rows: { cells: string[]; red?: number }[]): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 24;
  const header = () => {
    let x = left;
    const y = doc.y;
    doc.font('bold').fontSize(7).fillColor(style.ink);
    for (const c of columns) {
      doc.text(c.label, x, y, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.y = y + 12;
  };
  header();
  for (const row of rows) {
    doc.font('regular').fontSize(7);
    const h = Math.max(...row.cells.map((c, i) => doc.heightOfString(c, { width: (columns[i] as Column).width - 4 }))) + 3;
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    row.cells.forEach((c, i) => {
      doc.fillColor(i === row.red ? style.red : style.ink).text(c, x, y, { width: (columns[i] as Column).width - 4 });
      x += (columns[i] as Column).width;
    });
    doc.y = y + h;
  }
}

/** The page the next meeting starts from: commitments that fell due since the last one, and decisions still running. */
export function accountabilityPages(doc: Doc, data: ReportData, lang: ReportLanguage, style: PdfStyle): void {
  const A = ACCOUNTABILITY_LABELS[lang];
  const { due, dueFrom, dueTo, followUps } = data.accountability;
  doc.addPage();
  style.heading(fill(A.dueTitle, { from: date(dueFrom), to: date(dueTo) }));
  if (due.length === 0) doc.font('regular').fontSize(9).fillColor(style.ink).text(A.noneDue);
  else {
    wrappedTable(
      doc, style,
      [{ label: A.unit, width: 95 }, { label: A.measure, width: 65 }, { label: A.explanation, width: 120 }, { label: A.action, width: 120 }, { label: A.dueDate, width: 50 }, { label: A.state, width: 65 }],
      due.map((c) => ({
        cells: [c.unitName, subjectLabel(lang, c.measure, data.indicators), clip(c.explanation, 300), clip(c.action, 300), date(c.dueDate), `${A.states[c.state]}${c.judgedIn ? ` (${c.judgedIn})` : ''}`],
        ...(c.state === 'missed' ? { red: 5 } : {}),
      })),
    );
  }
  style.heading(A.followUpsTitle);
  if (followUps.length === 0) doc.font('regular').fontSize(9).fillColor(style.ink).text(A.noneFollowUps);
  else {
    wrappedTable(
      doc, style,
      [{ label: A.unit, width: 110 }, { label: A.decision, width: 215 }, { label: A.owner, width: 110 }, { label: A.dueDate, width: 80 }],
      followUps.map((d) => ({ cells: [d.unitName, clip(d.decision, 400), d.owner, `${date(d.dueDate)} (${d.period})`] })),
    );
  }
}
