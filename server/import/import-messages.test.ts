import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMessageCode } from '../../shared/messages/catalogue';
import { renderMessage } from '../../shared/messages/render';
import type { ImportKind } from '../../shared/schemas/import';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';
import { importFile } from './run-import';

/** For each kind, a file whose every data row breaks a different rule. */
const BAD: Record<ImportKind, string[][]> = {
  units: [
    ['code', 'name', 'kind', 'population'],
    ['', 'Phường Một', 'ward', '10'],
    ['00070', '', 'planet', '-5'],
    ['00070', 'Phường Hai', 'ward', '12,5'],
  ],
  targets: [
    ['measure', 'kind', 'unit_code', 'threshold', 'effective_from', 'deadline'],
    ['speed', 'ward', '', '60', '2025-07-21', ''],
    ['onlineRate', '', '', '160', '2025-07-21', ''],
    ['onlineRate', 'ward', '00070', 'lots', '21/07/1999', '2025-07-01'],
  ],
  dossiers: [
    ['dossier_id', 'unit_code', 'procedure_code', 'channel', 'end_to_end', 'received_at', 'due_at', 'completed_at', 'status'],
    ['D1', 'NOPE', '1.001612', 'fax', 'maybe', '31/02/2025', '2025-07-25', '', 'completed'],
    ['D2', '00070', '1.001612', 'counter', 'yes', '2025-07-21 25:00', 'soon', '2025-07-01', 'weird'],
    ['D1', '00070', '', 'online', '1', '2125-07-21', '2025-07-25', '', ''],
  ],
  indicators: [
    ['code', 'name', 'pillar', 'unit', 'direction', 'frequency', 'kinds'],
    ['bad code', '', 'space', 'kg', 'up', 'hourly', 'ward;planet'],
    ['GOOD_ONE', 'Một', 'cchc', 'percent', 'higher', 'month', ''],
    ['GOOD_ONE', 'Hai', 'cchc', 'percent', 'higher', 'month', ''],
  ],
  values: [
    ['indicator', 'unit_code', 'period', 'numerator', 'denominator', 'value'],
    ['', '', '', '', '', ''],
    ['NOT_THERE', 'NOPE', '2025-W99', 'x', '', '-1'],
    ['', '00070', '2025-13', '5', '', '7'],
  ],
};

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Sheet1').addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

let store: Store;
beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
  const units = csv([['code', 'name', 'kind'], ['00070', 'Phường Hoàn Kiếm', 'ward']]);
  expect((await importFile(store, { kind: 'units', source: { buffer: units }, fileName: 'units.csv', actor: null })).ok).toBe(true);
});
afterEach(() => store.close());

describe('every import reason is a code with parameters, in both languages', () => {
  it.each((['csv', 'xlsx'] as const).flatMap((format) => (Object.keys(BAD) as ImportKind[]).map((kind) => [kind, format] as const)))(
    '%s as %s',
    async (kind, format) => {
      const buffer = format === 'csv' ? csv(BAD[kind]) : await xlsx(BAD[kind]);
      const report = await importFile(store, { kind, source: { buffer }, fileName: `${kind}.${format}`, actor: null });
      expect(report.ok).toBe(false);
      expect(report.issues.length).toBeGreaterThanOrEqual(3);
      for (const issue of report.issues) {
        expect(isMessageCode(issue.message.code)).toBe(true);
        expect(issue.reason).toBe(renderMessage(issue.message, 'en'));
        const vi = renderMessage(issue.message, 'vi');
        expect(vi).not.toMatch(/\{\{|\}\}/);
        expect(vi).not.toBe(issue.reason);
      }
    },
  );

  it('names a refused file by code too, whatever its format', async () => {
    const old = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    for (const [buffer, code] of [[old, 'import.file.oldExcel'], [Buffer.from(''), 'import.file.empty']] as const) {
      const report = await importFile(store, { kind: 'dossiers', source: { buffer }, fileName: 'f', actor: null });
      expect(report.issues.map((i) => i.message.code)).toEqual([code]);
    }
  });
});
