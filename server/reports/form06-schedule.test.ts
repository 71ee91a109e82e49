import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { form06 } from '../analytics/form06';
import { fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { dueQuarter, runQuarterlyForm06 } from './form06-schedule';
import { parseSchedule, runDue, type Schedule } from './schedule';

const at = Date.parse;

describe('the quarterly Biểu 06', () => {
  it('is due with the first run of a quarter, for the quarter before', () => {
    expect(dueQuarter(at('2025-10-06T00:00:00Z'))).toBe('2025-Q3');
    expect(dueQuarter(at('2025-09-30T17:00:00Z'))).toBe('2025-Q3');
    expect(dueQuarter(at('2025-10-07T16:59:59Z'))).toBe('2025-Q3');
    expect(dueQuarter(at('2025-10-07T17:00:00Z'))).toBeNull();
    expect(dueQuarter(at('2025-09-29T00:00:00Z'))).toBeNull();
    expect(dueQuarter(at('2026-01-05T00:00:00Z'))).toBe('2025-Q4');
  });

  it('is made with the weekly pack, stored as a snapshot once across processes, and not in other weeks', async () => {
    const s = await fixtureStoreWithAccounts();
    try {
      const monday7 = parseSchedule('MON 07:00') as Schedule;
      let now = at('2025-10-06T03:00:00Z');
      const d = { ...fixtureDeps(s), now: () => now };
      expect(await runDue(d, monday7, 'a')).toBe('2025-W40');
      expect(await runDue(d, monday7, 'b')).toBeNull();
      now = at('2025-10-13T03:00:00Z');
      expect(await runDue(d, monday7, 'a')).toBe('2025-W41');
      const scheduled = (await s.listReports()).filter((r) => r.trigger === 'schedule');
      expect(scheduled.map((r) => [r.period, r.format]).sort()).toEqual([['2025-W40', 'pdf'], ['2025-W40', 'xlsx'], ['2025-W41', 'pdf'], ['2025-W41', 'xlsx'], ['bieu06-2025-Q3', 'xlsx']]);
      const snapshot = scheduled.find((r) => r.period === 'bieu06-2025-Q3');
      expect(snapshot).toMatchObject({ language: 'vi', version: 1, cutOff: '2025-09-30T17:00:00.000Z', definitionId: 'bieu06' });
      const content = await s.reportContent(snapshot?.id as number);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(content?.content as unknown as ArrayBuffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      expect(ws.getCell('C2').value).toBe('Kỳ báo cáo: Quý III/2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)');
      let total: unknown;
      ws.eachRow((row) => {
        if (row.getCell(2).value === 'Tổng cộng') total = row.getCell(3).value;
      });
      expect(total).toBe((await form06(d, { period: '2025-Q3' })).total.receivedTotal);
      // A run given back after its form was stored (a process stopped as it finished): made again, stored once.
      await s.releaseRun('form06:2025-Q3', 'a');
      expect(await runQuarterlyForm06(d, at('2025-10-06T03:00:00Z'), 'c')).toBe('2025-Q3');
      expect((await s.listReports()).filter((r) => r.period === 'bieu06-2025-Q3')).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
