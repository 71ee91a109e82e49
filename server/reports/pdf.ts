import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { RankingRow } from '../../shared/schemas/ranking';
import { missesTarget } from '../../shared/kpi/flags';
import { count, date, dateTime, fill, fixed, LABELS, ratingName, type ReportLanguage } from './labels';
import { drawTable } from './pdf-table';
import type { ReportData } from './report-data';
import { subjectLabel } from './subject-label';
import { pillarPages } from './pillar-pdf';
import { ACCOUNTABILITY_LABELS } from './accountability-labels';
import { accountabilityPages, commitmentText, levelText } from './accountability-pdf';

const require = createRequire(import.meta.url);
export const FONT = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
export const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');
const MARGIN = 40;
const A4 = { width: 595.28, height: 841.89 };
const INK = '#1b1f24';
const MUTED = '#5b6470';
const RED = '#b42318';
const SERIES = ['#0b5cad', '#1e6b36', '#b45309'];

type Doc = PDFKit.PDFDocument;

interface Column {
  label: string;
  width: number;
  align: 'left' | 'right';
  cell: (r: RankingRow) => string;
  red?: boolean;
}

function rankingColumns(lang: ReportLanguage, indicators: ReportData['indicators']): Column[] {
  const L = LABELS[lang];
  // The measure's whole name (the cell wraps) and, from the second period in a row, how many periods.
  const below = (r: RankingRow) => r.flags.filter((f) => f.state === 'below').map((f) => `${subjectLabel(lang, f.measure, indicators)}${f.periodsBelow > 1 ? ` (${f.periodsBelow})` : ''}`).join(', ');
  return [
    { label: L.rank, width: 30, align: 'right', cell: (r) => (r.rank === null ? '—' : String(r.rank)) },
    { label: L.rankChange, width: 24, align: 'right', cell: (r) => (r.rankChange === null ? '' : r.rankChange > 0 ? `+${r.rankChange}` : String(r.rankChange)) },
    { label: L.unit, width: 118, align: 'left', cell: (r) => r.unitName },
    { label: L.index, width: 36, align: 'right', cell: (r) => fixed(r.index, lang) },
    { label: L.rating, width: 50, align: 'left', cell: (r) => ratingName(r.rating, lang) },
    { label: L.online, width: 44, align: 'right', cell: (r) => fixed(r.onlineRate, lang) },
    { label: L.e2e, width: 44, align: 'right', cell: (r) => fixed(r.endToEndRate, lang) },
    { label: L.onTime, width: 44, align: 'right', cell: (r) => fixed(r.onTimeRate, lang) },
    { label: L.days, width: 32, align: 'right', cell: (r) => fixed(r.avgProcessingDays, lang) },
    { label: L.received, width: 34, align: 'right', cell: (r) => count(r.received, lang) },
    { label: L.flags, width: 59, align: 'left', cell: below, red: true },
  ];
}

function heading(doc: Doc, text: string): void {
  if (doc.y > A4.height - 140) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor(INK).text(text, MARGIN, doc.y).moveDown(0.3);
}

function table(doc: Doc, columns: Column[], rows: RankingRow[]): void {
  drawTable<RankingRow>(doc, columns.map((c) => ({ ...c, color: c.red ? () => RED : undefined })), rows, {
    fontSize: 7, ink: INK, stripe: '#f1f4f8', bottomReserve: 24,
    marker: (r) => (r.flags.some((f) => f.state === 'below') ? { text: '•', color: RED } : null),
  });
}

function standing(doc: Doc, data: ReportData, lang: ReportLanguage): void {
  const L = LABELS[lang];
  for (const g of data.overview.groups) {
    heading(doc, `${L.groups[g.group]} — ${fill(L.unitsBelow, { count: g.states.below, total: g.unitCount })}`);
    const widths = [150, 80, 80, 110, 95];
    const cols = [L.measure, L.value, L.target, L.change, L.state];
    let x = MARGIN;
    doc.font('bold').fontSize(8).fillColor(INK);
    const y0 = doc.y;
    cols.forEach((c, i) => {
      doc.text(c, x, y0, { width: (widths[i] as number) - 6, align: i === 0 ? 'left' : 'right', lineBreak: false });
      x += widths[i] as number;
    });
    doc.y = y0 + 14;
    for (const m of ['onlineRate', 'endToEndRate', 'onTimeRate', 'avgProcessingDays'] as const) {
      const value = g.measures[m];
      const prev = g.previous?.[m] ?? null;
      const target = g.targets.find((t) => t.measure === m);
      const below = target !== undefined && missesTarget(m, value, target.threshold);
      const change = value !== null && prev !== null ? value - prev : null;
      const cells = [L.measures[m], fixed(value, lang), target ? fixed(target.threshold, lang) : L.noTarget, change === null ? '—' : `${change > 0 ? '+' : change < 0 ? '−' : ''}${fixed(Math.abs(change), lang)}`, target ? (below ? L.below : L.met) : ''];
      x = MARGIN;
      const y = doc.y;
      doc.font('regular').fontSize(9);
      cells.forEach((c, i) => {
        doc.fillColor(i === 4 && below ? RED : INK).text(c, x, y, { width: (widths[i] as number) - 6, align: i === 0 ? 'left' : 'right', lineBreak: false });
        x += widths[i] as number;
      });
      doc.y = y + 14;
    }
  }
}

function trendChart(doc: Doc, data: ReportData, lang: ReportLanguage): void {
  const L = LABELS[lang];
  heading(doc, L.trend);
  const left = MARGIN + 28;
  const top = doc.y + 6;
  const width = A4.width - 2 * MARGIN - 40;
  const height = 150;
  doc.font('regular').fontSize(7).fillColor(MUTED);
  for (const v of [0, 25, 50, 75, 100]) {
    const y = top + height - (v / 100) * height;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.3).strokeColor('#d5dae1').stroke();
    doc.text(String(v), MARGIN, y - 3.5, { width: 24, align: 'right', lineBreak: false });
  }
  const n = data.cityTrend.length;
  const xAt = (i: number) => left + (n <= 1 ? 0 : (i / (n - 1)) * width);
  data.cityTrend.forEach((p, i) => {
    if (i % 2 === 0 || i === n - 1) doc.fillColor(MUTED).text(p.period.slice(5), xAt(i) - 15, top + height + 7, { width: 30, align: 'center', lineBreak: false });
  });
  const series = [['onlineRate', L.measures.onlineRate], ['endToEndRate', L.measures.endToEndRate], ['onTimeRate', L.measures.onTimeRate]] as const;
  series.forEach(([m, name], s) => {
    const color = SERIES[s] as string;
    let started = false;
    data.cityTrend.forEach((p, i) => {
      const v = p.measures[m];
      if (v === null) return;
      const y = top + height - (v / 100) * height;
      if (started) doc.lineTo(xAt(i), y);
      else doc.moveTo(xAt(i), y);
      started = true;
    });
    doc.lineWidth(1.6).strokeColor(color).stroke();
    const lx = left + s * 150;
    doc.rect(lx, top + height + 21, 10, 3).fill(color);
    doc.fillColor(INK).fontSize(8).text(name, lx + 14, top + height + 18, { lineBreak: false });
  });
  doc.y = top + height + 35;
}

function flagged(doc: Doc, data: ReportData, lang: ReportLanguage): void {
  const L = LABELS[lang];
  heading(doc, L.flagged);
  if (data.flags.rows.length === 0) {
    doc.font('regular').fontSize(9).text(L.none);
    return;
  }
  const A = ACCOUNTABILITY_LABELS[lang];
  const widths = [100, 80, 120, 38, 57, 120];
  const head = [L.unit, L.head, L.failed, L.weeksBelow, A.level, A.commitment];
  const drawHead = () => {
    let x = MARGIN;
    const y = doc.y;
    doc.font('bold').fontSize(7).fillColor(INK);
    // Labels wider than their column wrap; the rows start below the tallest.
    const tallest = Math.max(...head.map((h, i) => doc.heightOfString(h, { width: (widths[i] as number) - 4 })));
    head.forEach((h, i) => {
      doc.text(h, x, y, { width: (widths[i] as number) - 4, align: i === 3 ? 'right' : 'left' });
      x += widths[i] as number;
    });
    doc.y = y + Math.max(12, tallest + 3);
  };
  drawHead();
  for (const r of data.flags.rows) {
    const failed = r.failed.map((f) => `${subjectLabel(lang, f.measure, data.indicators)} ${fixed(f.value, lang)}/${fixed(f.target, lang)}`).join('; ');
    const cells = [r.unitName, r.headName ?? '—', failed, String(r.periodsBelow), levelText(r.escalation, lang, data.flags.ladder.steps), commitmentText(r.commitment, lang, data.indicators)];
    const unanswered = r.commitment === null || r.commitment.state === 'missed';
    doc.font('regular').fontSize(7);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] as number) - 4 }))) + 3;
    if (doc.y + h > A4.height - MARGIN - 24) {
      doc.addPage();
      drawHead();
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.fillColor(i === 2 || (i === 5 && unanswered) ? RED : INK).text(c, x, y, { width: (widths[i] as number) - 4, align: i === 3 ? 'right' : 'left' });
      x += widths[i] as number;
    });
    doc.y = y + h;
  }
}

function footers(doc: Doc, data: ReportData, lang: ReportLanguage, generatedAt: string, demo: boolean): void {
  const L = LABELS[lang];
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const line = `${fill(L.week, { id: data.period, from: date(data.startDate), to: date(data.endDate) })} · ${L.cutOff} ${dateTime(data.cutOff)} · ${L.definition} ${data.definition.id} v${data.definition.version} · ${L.generated} ${dateTime(generatedAt)}${demo ? ` · ${L.demo}` : ''}`;
    doc.font('regular').fontSize(6.5).fillColor(MUTED);
    doc.text(line, MARGIN, A4.height - MARGIN + 6, { width: A4.width - 2 * MARGIN - 60, lineBreak: false, ellipsis: true });
    doc.text(fill(L.page, { n: i + 1, total: range.count }), A4.width - MARGIN - 60, A4.height - MARGIN + 6, { width: 60, align: 'right', lineBreak: false });
  }
}

/** The weekly pack as an A4 PDF with its fonts embedded (Noto Sans: every Vietnamese diacritic). */
export function renderPdf(data: ReportData, lang: ReportLanguage, generatedAt: string, demo: boolean): Promise<Buffer> {
  const L = LABELS[lang];
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true, info: { Title: `${L.title} ${data.period}`, Author: 'chiso' }, lang: lang === 'en' ? 'en' : 'vi' });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('bold').fontSize(18).fillColor(INK).text(L.title, { align: 'center' });
  doc.font('regular').fontSize(12).text(fill(L.week, { id: data.period, from: date(data.startDate), to: date(data.endDate) }), { align: 'center' });
  doc.fontSize(9).fillColor(MUTED).text(`${L.cutOff} ${dateTime(data.cutOff)} · ${L.definition}: ${lang === 'en' ? (data.definition.nameEn ?? data.definition.name) : data.definition.name} (${data.definition.id} v${data.definition.version})`, { align: 'center' });
  if (demo) doc.fillColor(RED).text(L.demo, { align: 'center' });
  heading(doc, L.standing);
  standing(doc, data, lang);
  trendChart(doc, data, lang);
  for (const r of data.rankings) {
    doc.addPage();
    heading(doc, fill(L.ranking, { group: L.groups[r.group] }));
    table(doc, rankingColumns(lang, data.indicators), r.rows);
  }
  doc.addPage();
  flagged(doc, data, lang);
  accountabilityPages(doc, data, lang, { heading: (text) => heading(doc, text), ink: INK, muted: MUTED, red: RED });
  pillarPages(doc, data, lang, { heading: (text) => heading(doc, text), ink: INK, muted: MUTED, red: RED });
  footers(doc, data, lang, generatedAt, demo);
  doc.end();
  return done;
}
