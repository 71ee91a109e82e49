import ExcelJS from 'exceljs';
import type { RankingRow } from '../../shared/schemas/ranking';
import { safeCell, safeRecord } from '../safe-cell';
import { componentName, date, dateTime, fill, LABELS, type ReportLanguage } from './labels';
import type { IndexDefinition } from '../../shared/schemas/index-definition';
import type { ReportData } from './report-data';
import { subjectLabel, type NamedIndicator } from './subject-label';
import { pillarSheets } from './pillar-xlsx';
import { accountabilitySheets, flagCells, flagColumns } from './accountability-xlsx';

const RATE = '0.00';

/** A row of the definitions sheet, whose text (index names and descriptions) an admin writes. */
const line = (ws: ExcelJS.Worksheet, values: unknown[]) => ws.addRow(values.map(safeCell));

function rankingSheet(wb: ExcelJS.Workbook, name: string, rows: RankingRow[], lang: ReportLanguage, definition: IndexDefinition, indicators: readonly NamedIndicator[]): void {
  const L = LABELS[lang];
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: L.rank, key: 'rank', width: 7 },
    { header: L.rankChange, key: 'rankChange', width: 6 },
    { header: L.code, key: 'unitCode', width: 10 },
    { header: L.unit, key: 'unitName', width: 38 },
    { header: L.head, key: 'headName', width: 38 },
    { header: L.received, key: 'received', width: 10, style: { numFmt: '#,##0' } },
    { header: L.online, key: 'onlineRate', width: 12, style: { numFmt: RATE } },
    { header: L.e2e, key: 'endToEndRate', width: 12, style: { numFmt: RATE } },
    { header: L.onTime, key: 'onTimeRate', width: 12, style: { numFmt: RATE } },
    { header: L.days, key: 'avgProcessingDays', width: 10, style: { numFmt: RATE } },
    { header: L.overdueOpen, key: 'overdueOpen', width: 12, style: { numFmt: '#,##0' } },
    { header: L.index, key: 'index', width: 9, style: { numFmt: RATE } },
    { header: L.rating, key: 'rating', width: 12 },
    { header: L.flags, key: 'flags', width: 40 },
    ...definition.components.map((c) => ({ header: `${componentName(c.code, lang)} (${L.points}, /${c.points})`, key: `component:${c.code}`, width: 14, style: { numFmt: RATE } })),
  ];
  for (const r of rows) {
    ws.addRow(safeRecord({
      rank: r.rank, rankChange: r.rankChange, unitCode: r.unitCode, unitName: r.unitName, headName: r.headName, received: r.received,
      onlineRate: r.onlineRate, endToEndRate: r.endToEndRate, onTimeRate: r.onTimeRate, avgProcessingDays: r.avgProcessingDays, overdueOpen: r.overdueOpen,
      index: r.index, rating: r.rating, flags: r.flags.filter((f) => f.state === 'below').map((f) => `${subjectLabel(lang, f.measure, indicators)} (${f.periodsBelow})`).join('; '),
      ...Object.fromEntries(r.components.map((c) => [`component:${c.code}`, c.points])),
    }));
  }
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: ws.columnCount } };
}

/** The weekly pack for analysis: real numbers with number formats, frozen headers and filters. */
export async function renderXlsx(data: ReportData, lang: ReportLanguage, generatedAt: string): Promise<Buffer> {
  const L = LABELS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chiso';
  wb.created = new Date(generatedAt);
  for (const r of data.rankings) rankingSheet(wb, L.groups[r.group], r.rows, lang, data.definition, data.indicators);

  const flags = wb.addWorksheet(L.sheetFlags, { views: [{ state: 'frozen', ySplit: 1 }] });
  flags.columns = [
    { header: L.unit, key: 'unit', width: 38 },
    { header: L.head, key: 'head', width: 38 },
    { header: L.measure, key: 'measure', width: 26 },
    { header: L.value, key: 'value', width: 10, style: { numFmt: RATE } },
    { header: L.target, key: 'target', width: 10, style: { numFmt: RATE } },
    { header: L.weeksBelow, key: 'weeks', width: 12 },
    ...flagColumns(lang),
  ];
  for (const r of data.flags.rows) for (const f of r.failed) flags.addRow(safeRecord({ unit: r.unitName, head: r.headName, measure: subjectLabel(lang, f.measure, data.indicators), value: f.value, target: f.target, weeks: f.periodsBelow, ...flagCells(r, lang, data.flags.ladder.steps) }));
  flags.getRow(1).font = { bold: true };
  flags.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, flags.rowCount), column: flags.columnCount } };
  accountabilitySheets(wb, data, lang);
  pillarSheets(wb, data, lang);

  const defs = wb.addWorksheet(L.sheetDefinitions);
  defs.columns = [{ width: 34 }, { width: 60 }];
  line(defs, [L.title]).font = { bold: true };
  line(defs, [fill(L.week, { id: data.period, from: date(data.startDate), to: date(data.endDate) })]);
  line(defs, [L.cutOff, dateTime(data.cutOff)]);
  line(defs, [L.generated, dateTime(generatedAt)]);
  line(defs, [L.definition, `${data.definition.name} (${data.definition.id} v${data.definition.version})${data.definition.description ? `: ${data.definition.description}` : ''}`]);
  for (const c of data.definition.components) line(defs, [c.code, `${c.points} · ${c.rule}${c.threshold !== undefined ? ` ${c.threshold}` : ''} · ${c.measure ?? c.indicator ?? ''}`]);
  line(defs, []);
  line(defs, [L.measure, L.scope, L.threshold, L.effectiveFrom, L.deadline]).font = { bold: true };
  for (const t of data.targets) line(defs, [subjectLabel(lang, t.measure, data.indicators), t.kind ?? t.unitCode, t.threshold, date(t.effectiveFrom), t.deadline ? date(t.deadline) : '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
