import type ExcelJS from 'exceljs';
import type { EscalationLadder } from '../../shared/kpi/escalation';
import { safeRecord } from '../safe-cell';
import { ACCOUNTABILITY_LABELS } from './accountability-labels';
import { levelText } from './accountability-pdf';
import { subjectLabel } from './subject-label';
import { date, dateTime, type ReportLanguage } from './labels';
import type { ReportData } from './report-data';

type FlagRow = ReportData['flags']['rows'][number];

/** The flags sheet's extra columns: the unit's level and its latest commitment, or "chưa giải trình". */
export function flagColumns(lang: ReportLanguage): Partial<ExcelJS.Column>[] {
  const A = ACCOUNTABILITY_LABELS[lang];
  return [
    { header: A.level, key: 'level', width: 22 },
    { header: A.commitment, key: 'commitment', width: 24 },
    { header: A.dueDate, key: 'commitmentDue', width: 12 },
    { header: A.action, key: 'commitmentAction', width: 60 },
  ];
}

export function flagCells(r: FlagRow, lang: ReportLanguage, ladder: EscalationLadder): Record<string, unknown> {
  const A = ACCOUNTABILITY_LABELS[lang];
  const c = r.commitment;
  return { level: levelText(r.escalation, lang, ladder), commitment: c ? A.states[c.state] : A.noExplanation, commitmentDue: c ? date(c.dueDate) : '', commitmentAction: c?.action ?? '' };
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[], rows: Record<string, unknown>[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  for (const row of rows) ws.addRow(safeRecord(row));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: columns.length } };
}

/** Commitments that fell due since the last meeting, and the meeting decisions still being followed up. */
export function accountabilitySheets(wb: ExcelJS.Workbook, data: ReportData, lang: ReportLanguage): void {
  const A = ACCOUNTABILITY_LABELS[lang];
  const { due, followUps } = data.accountability;
  sheet(
    wb, A.sheetDue,
    [
      { header: A.code, key: 'code', width: 10 }, { header: A.unit, key: 'unit', width: 34 }, { header: A.period, key: 'period', width: 11 },
      { header: A.measure, key: 'measure', width: 22 }, { header: A.explanation, key: 'explanation', width: 60 }, { header: A.action, key: 'action', width: 60 },
      { header: A.dueDate, key: 'due', width: 12 }, { header: A.state, key: 'state', width: 22 }, { header: A.judgedIn, key: 'judgedIn', width: 11 },
      { header: A.writtenBy, key: 'by', width: 16 }, { header: A.writtenAt, key: 'at', width: 17 },
    ],
    due.map((c) => ({
      code: c.unitCode, unit: c.unitName, period: c.period, measure: subjectLabel(lang, c.measure, data.indicators), explanation: c.explanation, action: c.action,
      due: date(c.dueDate), state: A.states[c.state], judgedIn: c.judgedIn ?? '', by: c.createdBy ?? '', at: dateTime(c.createdAt),
    })),
  );
  sheet(
    wb, A.sheetDecisions,
    [
      { header: A.code, key: 'code', width: 10 }, { header: A.unit, key: 'unit', width: 34 }, { header: A.period, key: 'period', width: 11 },
      { header: A.decision, key: 'decision', width: 70 }, { header: A.owner, key: 'owner', width: 30 }, { header: A.dueDate, key: 'due', width: 12 },
      { header: A.writtenBy, key: 'by', width: 16 }, { header: A.writtenAt, key: 'at', width: 17 },
    ],
    followUps.map((d) => ({ code: d.unitCode, unit: d.unitName, period: d.period, decision: d.decision, owner: d.owner, due: date(d.dueDate), by: d.createdBy ?? '', at: dateTime(d.createdAt) })),
  );
}
