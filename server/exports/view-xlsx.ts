import ExcelJS from 'exceljs';
import type { FlagList } from '../../shared/schemas/api';
import type { RankingRow } from '../../shared/schemas/ranking';
import type { DefinitionInfo, PeriodInfo } from '../../shared/schemas/api';
import type { RankingView, SortKey } from '../../shared/kpi/ranking-view';
import type { FlagFilter } from '../../shared/kpi/flag-view';
import { levelName } from '../../shared/kpi/escalation';
import { safeCell, safeRecord } from '../safe-cell';
import { commitmentText } from '../reports/accountability-pdf';
import { subjectLabel, type NamedIndicator } from '../reports/subject-label';
import { date, dateTime, fill, LABELS, type ReportLanguage } from '../reports/labels';
import { EXPORT_LABELS } from './export-labels';

const RATE = '0.00';

/** What the exported view was: its period, index and the filters in force, written above the table. */
interface ViewHead {
  title: string;
  period: PeriodInfo;
  definition: Pick<DefinitionInfo, 'id' | 'version' | 'name' | 'nameEn'>;
  filters: string[];
  shown: number;
  total: number;
  exportedAt: string;
}

const HEAD_ROWS = 5;

/** Writes the lines that say what the view was, and returns the row the table's header goes on. */
function writeHead(ws: ExcelJS.Worksheet, head: ViewHead, lang: ReportLanguage): number {
  const E = EXPORT_LABELS[lang];
  const p = head.period;
  const name = lang === 'en' ? (head.definition.nameEn ?? head.definition.name) : head.definition.name;
  ws.getCell('A1').value = safeCell(head.title);
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = safeCell(`${fill(E.period, { id: p.id, from: date(p.startDate), to: date(p.endDate), partial: p.complete ? '' : E.partial })} · ${LABELS[lang].cutOff} ${dateTime(p.cutOff)}`);
  ws.getCell('A3').value = safeCell(fill(E.index, { name, id: head.definition.id, version: head.definition.version }));
  ws.getCell('A4').value = safeCell(`${E.filters}: ${head.filters.length ? head.filters.join(' · ') : E.none} · ${fill(E.shown, { shown: head.shown, total: head.total })} · ${E.exported} ${dateTime(head.exportedAt)}`);
  return HEAD_ROWS + 1;
}

/** Columns as keyed headers on a row below the head lines (exceljs `columns` would put them on row 1). */
function table(ws: ExcelJS.Worksheet, headerRow: number, columns: { header: string; key: string; width: number; numFmt?: string }[], rows: Record<string, unknown>[]): void {
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  rows.forEach((r, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    const safe = safeRecord(r);
    columns.forEach((c, j) => {
      row.getCell(j + 1).value = (safe[c.key] ?? null) as ExcelJS.CellValue;
    });
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(rows.length, 1), column: columns.length } };
}

const SORT_LABEL: Record<SortKey, (lang: ReportLanguage) => string> = {
  rank: (l) => LABELS[l].rank, unitName: (l) => LABELS[l].unit, received: (l) => LABELS[l].received, onlineRate: (l) => LABELS[l].online,
  endToEndRate: (l) => LABELS[l].e2e, onTimeRate: (l) => LABELS[l].onTime, avgProcessingDays: (l) => LABELS[l].days, index: (l) => LABELS[l].index,
};

export function rankingFilters(view: RankingView, lang: ReportLanguage): string[] {
  const E = EXPORT_LABELS[lang];
  const out: string[] = [];
  if (view.query.trim()) out.push(fill(E.search, { q: view.query.trim() }));
  if (view.kind) out.push(fill(E.kind, { kind: E.kinds[view.kind] }));
  if (view.state) out.push(fill(E.state, { state: E.states[view.state] }));
  if (view.sort !== 'rank' || view.dir !== 'asc') out.push(fill(E.sort, { column: SORT_LABEL[view.sort](lang), dir: E[view.dir] }));
  return out;
}

/** A workbook of chiso's with its one sheet. */
function viewWorkbook(sheet: string, exportedAt: string): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chiso';
  wb.created = new Date(exportedAt);
  return { wb, ws: wb.addWorksheet(sheet) };
}

/** The rankings page's view as a workbook: the rows shown, in the order shown, with the view's period, index and filters. */
export async function renderRankingView(
  data: { period: PeriodInfo; definition: ViewHead['definition']; total: number },
  rows: readonly RankingRow[], view: RankingView, lang: ReportLanguage, exportedAt: string, indicators: readonly NamedIndicator[] = [],
): Promise<Buffer> {
  const L = LABELS[lang];
  const E = EXPORT_LABELS[lang];
  const { wb, ws } = viewWorkbook(E.sheetRanking, exportedAt);
  const headerRow = writeHead(ws, { title: fill(E.rankingTitle, { group: L.groups[view.group] }), period: data.period, definition: data.definition, filters: rankingFilters(view, lang), shown: rows.length, total: data.total, exportedAt }, lang);
  table(ws, headerRow, [
    { header: L.rank, key: 'rank', width: 7 },
    { header: L.rankChange, key: 'rankChange', width: 6 },
    { header: L.code, key: 'unitCode', width: 10 },
    { header: L.unit, key: 'unitName', width: 38 },
    { header: L.head, key: 'headName', width: 34 },
    { header: L.received, key: 'received', width: 10, numFmt: '#,##0' },
    { header: L.online, key: 'onlineRate', width: 12, numFmt: RATE },
    { header: L.e2e, key: 'endToEndRate', width: 12, numFmt: RATE },
    { header: L.onTime, key: 'onTimeRate', width: 12, numFmt: RATE },
    { header: L.days, key: 'avgProcessingDays', width: 10, numFmt: RATE },
    { header: L.overdueOpen, key: 'overdueOpen', width: 12, numFmt: '#,##0' },
    { header: L.index, key: 'index', width: 9, numFmt: RATE },
    { header: L.rating, key: 'rating', width: 12 },
    { header: L.flags, key: 'flags', width: 40 },
  ], rows.map((r) => ({
    rank: r.rank, rankChange: r.rankChange, unitCode: r.unitCode, unitName: r.unitName, headName: r.headName, received: r.received,
    onlineRate: r.onlineRate, endToEndRate: r.endToEndRate, onTimeRate: r.onTimeRate, avgProcessingDays: r.avgProcessingDays, overdueOpen: r.overdueOpen,
    index: r.index, rating: r.rating, flags: r.flags.filter((f) => f.state === 'below').map((f) => `${subjectLabel(lang, f.measure, indicators)} (${f.periodsBelow})`).join('; '),
  })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function flagFilters(filter: FlagFilter, list: FlagList, lang: ReportLanguage, indicators: readonly NamedIndicator[] = []): string[] {
  const E = EXPORT_LABELS[lang];
  const out: string[] = [];
  if (filter.group) out.push(fill(E.group, { group: LABELS[lang].groups[filter.group] }));
  if (filter.measure) out.push(fill(E.measure, { measure: subjectLabel(lang, filter.measure, indicators) }));
  if (filter.level) out.push(fill(E.level, { level: levelName(filter.level, lang, list.ladder.steps) }));
  return out;
}

/** The flag list's view as a workbook: one row per unit and missed target, with the view's period, index and filters. */
export async function renderFlagView(list: FlagList, rows: FlagList['rows'], filter: FlagFilter, lang: ReportLanguage, exportedAt: string, indicators: readonly NamedIndicator[] = []): Promise<Buffer> {
  const L = LABELS[lang];
  const E = EXPORT_LABELS[lang];
  const { wb, ws } = viewWorkbook(E.sheetFlags, exportedAt);
  const headerRow = writeHead(ws, { title: E.flagsTitle, period: list.period, definition: list.definition, filters: flagFilters(filter, list, lang, indicators), shown: rows.length, total: list.rows.length, exportedAt }, lang);
  table(ws, headerRow, [
    { header: L.code, key: 'unitCode', width: 10 },
    { header: L.unit, key: 'unitName', width: 38 },
    { header: E.unitGroup, key: 'group', width: 16 },
    { header: L.head, key: 'headName', width: 34 },
    { header: L.measure, key: 'measure', width: 26 },
    { header: L.value, key: 'value', width: 10, numFmt: RATE },
    { header: L.target, key: 'target', width: 10, numFmt: RATE },
    { header: E.gap, key: 'gap', width: 12, numFmt: RATE },
    { header: L.weeksBelow, key: 'periodsBelow', width: 12 },
    { header: E.level_, key: 'level', width: 28 },
    { header: E.commitment, key: 'commitment', width: 50 },
    { header: L.index, key: 'index', width: 9, numFmt: RATE },
  ], rows.flatMap((r) => r.failed.filter((f) => filter.measure === null || f.measure === filter.measure).map((f) => ({
    unitCode: r.unitCode, unitName: r.unitName, group: L.groups[r.group], headName: r.headName, measure: subjectLabel(lang, f.measure, indicators), value: f.value, target: f.target, gap: f.gap,
    periodsBelow: f.periodsBelow, level: r.escalation ? levelName(r.escalation, lang, list.ladder.steps) : '', commitment: commitmentText(r.commitment, lang, indicators), index: r.index,
  }))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
