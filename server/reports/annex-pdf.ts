import PDFDocument from 'pdfkit';
import type { RankChangeOutput, UnitDetail } from '../../shared/schemas/api';
import { componentName, count, date, dateTime, fill, fixed, LABELS, ratingName, type ReportLanguage } from './labels';
import { FONT, FONT_BOLD } from './pdf';
import { drawTable } from './pdf-table';
import { subjectLabel, type NamedIndicator } from './subject-label';

const MARGIN = 40;

type Cell = string;

/** A table of wrapped cells (long procedure names grow their row), its header repeated on each page. */
function rows(doc: PDFKit.PDFDocument, widths: number[], head: Cell[], body: Cell[][], right: (i: number) => boolean): void {
  const columns = head.map((label, i) => ({ label, width: widths[i] as number, align: right(i) ? ('right' as const) : ('left' as const), cell: (r: Cell[]) => r[i] ?? '' }));
  drawTable(doc, columns, body, { fontSize: 7.5, ink: '#1b1f24', stripe: '#f1f4f8', bottomReserve: 0 });
}

/** One unit's page for its head: results against targets, rank, the procedures that cost it, overdue dossiers. */
export function renderAnnex(d: UnitDetail, lang: ReportLanguage, generatedAt: string, move: RankChangeOutput | null = null, indicators: readonly NamedIndicator[] = []): Promise<Buffer> {
  const L = LABELS[lang];
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, info: { Title: `${L.annex} ${d.unit.name} ${d.period.id}`, Author: 'chiso' } });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('bold').fontSize(15).text(`${L.annex}: ${d.unit.name}`);
  doc.font('regular').fontSize(10).text(fill(L.week, { id: d.period.id, from: date(d.period.startDate), to: date(d.period.endDate) }));
  doc.fontSize(8).fillColor('#5b6470').text(`${L.cutOff} ${dateTime(d.period.cutOff)} · ${L.generated} ${dateTime(generatedAt)}${d.unit.headName ? ` · ${L.head}: ${d.unit.headName}` : ''}`);
  doc.fillColor('#1b1f24').moveDown(0.5).fontSize(10).text(`${d.rank === null ? L.notRanked : fill(L.rankOf, { rank: d.rank, total: d.rankedUnits })} · ${L.index} ${fixed(d.index, lang)}${d.rating ? ` · ${ratingName(d.rating, lang)}` : ''}`);
  doc.fontSize(8).fillColor('#5b6470').text(`${L.definition}: ${lang === 'en' ? (d.definition.nameEn ?? d.definition.name) : d.definition.name} (${d.definition.id} v${d.definition.version})${d.indexCoverage < d.definition.maxPoints ? ` · ${fill(L.coverage, { value: fixed(d.index, lang), covered: fixed(d.indexCoverage, lang) })}` : ''}`);
  doc.fillColor('#1b1f24').moveDown(0.5);
  rows(doc, [170, 80, 80, 100, 85], [L.measure, L.value, L.target, L.state, L.weeksBelow], d.flags.map((f) => [subjectLabel(lang, f.measure, indicators), fixed(f.value, lang), fixed(f.target, lang), f.state === 'below' ? L.below : f.state === 'met' || f.state === 'at-risk' ? L.met : '—', String(f.periodsBelow)]), (i) => i > 0 && i !== 3);
  doc.moveDown(0.8).font('bold').fontSize(11).text(L.components, MARGIN);
  doc.moveDown(0.3);
  const before = new Map((move?.components ?? []).map((c) => [c.code, c]));
  rows(
    doc,
    [235, 70, 70, 70, 70],
    [L.component, L.value, L.points, L.maxPoints, L.previous],
    d.components.map((c) => [componentName(c.code, lang), c.ratio === null ? '—' : `${fixed(c.ratio, lang)} %`, fixed(c.points, lang), fixed(c.maxPoints, lang), fixed(before.get(c.code)?.previousPoints ?? null, lang)]),
    (i) => i > 0,
  );
  if (move) {
    doc.moveDown(0.8).font('bold').fontSize(11).text(fill(L.whyRank, { period: move.previousPeriod }), MARGIN);
    const ranks = move.previousRank !== null && move.rank !== null ? ` · ${L.rank} ${move.previousRank} › ${move.rank}` : '';
    doc.font('regular').fontSize(9).text(`${L.index} ${fixed(move.previousIndex, lang)} › ${fixed(move.index, lang)}${ranks}`);
    const names = (list: RankChangeOutput['overtook']) => list.map((p) => `${p.unitName} (${p.previousRank} › ${p.rank})`).join(', ');
    if (move.overtakenBy.length) doc.text(`${L.overtakenBy}: ${names(move.overtakenBy)}`);
    if (move.overtook.length) doc.text(`${L.overtook}: ${names(move.overtook)}`);
  }
  doc.moveDown(0.8).font('bold').fontSize(11).text(L.procedures, MARGIN);
  doc.moveDown(0.3);
  rows(
    doc,
    [215, 50, 60, 60, 60, 70],
    [L.procedure, L.received, L.onTime, L.online, L.e2e, L.overdue],
    d.procedures.slice(0, 30).map((p) => [`${p.procedureName ?? p.procedureCode} (${p.procedureCode})`, count(p.received, lang), fixed(p.onTimeRate, lang), fixed(p.onlineRate, lang), fixed(p.endToEndRate, lang), count(p.overdueOpen, lang)]),
    (i) => i > 0,
  );
  doc.moveDown(0.8).font('bold').fontSize(11).text(`${L.overdue} (${d.overdueTotal})`, MARGIN);
  doc.moveDown(0.3);
  rows(doc, [130, 215, 90, 80], [L.dossier, L.procedure, L.dueAt, L.daysOverdue], d.overdue.map((o) => [o.dossierId, o.procedureName ?? o.procedureCode, dateTime(o.dueAt), fixed(o.daysOverdue, lang)]), (i) => i === 3);
  doc.end();
  return done;
}
