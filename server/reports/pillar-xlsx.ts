import type ExcelJS from 'exceljs';
import { safeRecord } from '../safe-cell';
import type { ReportLanguage } from './labels';
import { PILLAR_LABELS } from './pillar-labels';
import type { ReportData } from './report-data';

const NUMBER = '0.00';

/** A sheet per pillar: each indicator with the city's figure and target, then a row per unit below it. */
export function pillarSheets(wb: ExcelJS.Workbook, data: ReportData, lang: ReportLanguage): void {
  const P = PILLAR_LABELS[lang];
  for (const section of data.pillars.pillars) {
    const ws = wb.addWorksheet(P.sheet.replace('{pillar}', section.pillar.toUpperCase()));
    ws.columns = [
      { header: P.indicator, key: 'indicator', width: 48 },
      { header: P.period, key: 'period', width: 10 },
      { header: P.city, key: 'city', width: 14, style: { numFmt: NUMBER } },
      { header: P.target, key: 'target', width: 14, style: { numFmt: NUMBER } },
      { header: P.reported, key: 'reported', width: 12 },
      { header: P.unit, key: 'unit', width: 32 },
      { header: P.unitValue, key: 'unitValue', width: 14, style: { numFmt: NUMBER } },
      { header: P.unitTarget, key: 'unitTarget', width: 14, style: { numFmt: NUMBER } },
      { header: P.periodsBelow, key: 'periodsBelow', width: 14 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of section.indicators) {
      const indicator = `${lang === 'en' && row.nameEn ? row.nameEn : row.name} (${row.code})`;
      const single = row.targets.length === 1 ? (row.targets[0] as { threshold: number }).threshold : null;
      ws.addRow(safeRecord({ indicator, period: row.period, city: row.cityValue, target: single, reported: `${row.reported}/${row.units}` })).font = { bold: true };
      for (const u of row.below) ws.addRow(safeRecord({ indicator, period: row.period, unit: u.unitName, unitValue: u.value, unitTarget: u.target, periodsBelow: u.periodsBelow }));
    }
    if (section.indicators.length === 0) ws.addRow(safeRecord({ indicator: P.noIndicators }));
  }
}
