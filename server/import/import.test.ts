import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeIssue } from '../../shared/format/import-report';
import { mustParsePeriod } from '../../shared/kpi/periods';
import { UnitSchema } from '../../shared/schemas/unit';
import { createInnerContext } from '../context';
import { appRouter } from '../routers/_app';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps } from '../testing/fixture';
import { createCallerFactory } from '../trpc';
import { importFile, type ImportReport } from './run-import';

const UNITS = 'code,name,kind\n00070,Phường Hoàn Kiếm,ward\n00082,Phường Cửa Nam,ward\nSO-TP,Sở Tư pháp,department\n';
const csv = (text: string, bom = false) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');

let store: Store;
const run = (kind: 'units' | 'targets' | 'dossiers', buffer: Buffer, fileName = `${kind}.csv`) => importFile(store, { kind, source: { buffer }, fileName, actor: 'test' });
const lines = (r: ImportReport) => r.issues.map(describeIssue);

async function totals(period = '2025-Q3') {
  const p = mustParsePeriod(period);
  return store.countsByUnit([{ start: p.start, cutOff: p.end }]);
}

beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
  expect((await run('units', csv(UNITS))).ok).toBe(true);
});
afterEach(() => store.close());

describe('dossier import', () => {
  it('reads a real export: BOM, CRLF, semicolons, title rows, Vietnamese headers in any order and Vietnamese values', async () => {
    const text = [
      'BÁO CÁO HỒ SƠ TTHC;;;;;;;',
      'Tuần 30/2025;;;;;;;',
      'STT;Ngày hẹn trả;Mã hồ sơ;Kênh thực hiện;Mã đơn vị;Mã TTHC;Toàn trình;Ngày tiếp nhận;Ngày hoàn thành;Trạng thái',
      '1;25/07/2025;H01.1;Trực tuyến;00070;1.001612.000.00.00.H48;Có;21/07/2025 08:30;24/07/2025 10:00;Đã trả kết quả',
      '2;2025-07-25T17:00:00+07:00;H01.2;trực tiếp;00070;1.001193;không;2025-07-21 09:00:00;;Đang xử lý',
      '3;20250725170000;H01.3;3;00082;1.000001;0;20250722080000;;7',
    ].join('\r\n');
    const report = await run('dossiers', csv(text, true));
    expect(lines(report)).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 3 });
    const counts = await totals();
    expect(counts.get('00070')?.[0]).toMatchObject({ received: 2, online: 1, endToEnd: 1, completed: 1 });
    expect(counts.get('00082')).toBeUndefined();
  });

  it('refuses the whole file and names each bad cell by line, column, value and reason', async () => {
    const text = [
      'dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at,completed_at',
      'A1,00070,1.001193,online,true,2025-07-21T08:00:00,2025-07-25,',
      'A2,99999,1.001193,online,true,2025-07-21T08:00:00,2025-07-25,',
      'A3,00070,1.001193,fax,true,31/02/2025,2025-07-25,',
      'A1,00070,1.001193,counter,true,2025-07-21T08:00:00,2025-07-20,',
      'A5,00070,1.001193,online,true,07/31/2025,2025-07-25,2025-07-20T00:00:00Z',
    ].join('\n');
    const report = await run('dossiers', csv(text));
    expect(report.ok).toBe(false);
    expect(lines(report)).toEqual([
      'Line 3, column "unit_code" ("99999"): is not a known unit: import the unit first, or correct the code',
      'Line 4, column "channel" ("fax"): is not a channel (online, counter or postal; trực tuyến, trực tiếp or bưu chính; or the codes 2, 1, 3)',
      'Line 4, column "received_at" ("31/02/2025"): is not a date on the calendar (dates are written day/month/year, e.g. 21/07/2025, or 2025-07-21)',
      'Line 5, column "end_to_end" ("true"): is yes, but a dossier submitted by counter cannot be done end-to-end online',
      'Line 5, column "due_at" ("2025-07-20"): is before the date the dossier was received',
      'Line 5, column "dossier_id" ("A1"): appears twice in this file: first on line 2',
      'Line 6, column "received_at" ("07/31/2025"): is not a date on the calendar (dates are written day/month/year, e.g. 21/07/2025, or 2025-07-21)',
    ]);
    expect(await totals()).toEqual(new Map());
    expect((await store.listImports(1))[0]).toMatchObject({ outcome: 'refused', errorCount: 7, rows: 5 });
  });

  it.each([
    ['an empty file', '', 'File: the file is empty'],
    ['a file without a header row', 'a,b,c\n1,2,3\n', 'File: no header row found: none of the first 2 rows names at least 3 known columns'],
    ['a file missing a required column', 'dossier_id,unit_code,procedure_code,channel\nA,00070,1,online\n', 'Line 1: the header row lacks the required columns received_at, due_at'],
    [
      'a file that cannot tell end-to-end dossiers',
      'dossier_id,unit_code,procedure_code,channel,received_at,due_at\nA,00070,1,online,2025-07-21,2025-07-22\n',
      'Line 1: the header row has neither an end_to_end (toàn trình) nor a service level (mức độ) column, so end-to-end dossiers cannot be told apart',
    ],
    ['a header with no data', 'dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at\r\n', 'File: the file has a header row but no data rows'],
  ])('refuses %s with a plain reason', async (_label, text, expected) => {
    const report = await run('dossiers', csv(text));
    expect(report.ok).toBe(false);
    expect(lines(report)).toEqual([expected]);
  });

  it('derives end-to-end from the national service level when there is no end_to_end column', async () => {
    const text = 'MaHoSo,MaDonVi,MaTTHC,KenhThucHien,MucDo,NgayTiepNhan,NgayHenTra\nX1,00070,1.1,2,Mức độ 4,20250721080000,20250725170000\nX2,00070,1.1,1,4,20250721080000,20250725170000\nX3,00070,1.1,2,3,20250721080000,20250725170000\n';
    expect(lines(await run('dossiers', csv(text)))).toEqual([]);
    expect((await totals()).get('00070')?.[0]).toMatchObject({ received: 3, online: 2, endToEnd: 1 });
  });

  it('replaces dossiers by id: the same file twice leaves the same state, and a status moves on', async () => {
    const first = 'dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at,completed_at,status\nB1,00070,1.1,online,no,2025-07-21T08:00:00,2025-07-25,,processing\n';
    await run('dossiers', csv(first));
    await run('dossiers', csv(first));
    expect((await totals()).get('00070')?.[0]).toMatchObject({ received: 1, completed: 0 });
    await run('dossiers', csv(first.replace(',,processing', ',2025-07-23T10:00:00,completed')));
    expect((await totals()).get('00070')?.[0]).toMatchObject({ received: 1, completed: 1 });
  });

  it('reads XLSX date cells as Vietnam wall-clock time, a date-only due date as the end of that day', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['Mã hồ sơ', 'Mã đơn vị', 'Mã thủ tục', 'Hình thức nộp', 'Toàn trình', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày kết thúc xử lý']);
    ws.addRow(['X1', '00070', '1.1', 'Trực tuyến', 'có', new Date(Date.UTC(2025, 6, 27, 23, 30)), new Date(Date.UTC(2025, 6, 28)), new Date(Date.UTC(2025, 6, 28, 23, 59))]);
    ws.getCell('F2').numFmt = 'dd/mm/yyyy hh:mm';
    ws.getCell('G2').numFmt = 'dd/mm/yyyy';
    ws.getCell('H2').numFmt = 'dd/mm/yyyy hh:mm';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    expect(lines(await run('dossiers', buffer, 'export.xlsx'))).toEqual([]);
    const w30 = mustParsePeriod('2025-W30');
    const counts = await store.countsByUnit([{ start: w30.start, cutOff: w30.end }]);
    expect(counts.get('00070')?.[0]).toMatchObject({ received: 1, onTime: 1, completed: 0 });
    const asOfLater = await store.countsByUnit([{ start: w30.start, cutOff: Date.parse('2025-08-01T00:00:00Z') }]);
    expect(asOfLater.get('00070')?.[0]).toMatchObject({ received: 1, onTime: 1, completed: 1 });
  });

  it('reports a bad XLSX cell by its sheet row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Danh sách hồ sơ']);
    ws.addRow(['dossier_id', 'unit_code', 'procedure_code', 'channel', 'end_to_end', 'received_at', 'due_at']);
    ws.addRow(['Z1', '00070', '1.1', 'online', 'maybe', '2025-07-21', '2025-07-22']);
    const report = await run('dossiers', Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(lines(report)).toEqual(['Line 3, column "end_to_end" ("maybe"): is not yes or no (write true/false, 1/0, yes/no or có/không)']);
  });
});

describe('units and targets import', () => {
  it('imports the official GSO commune list as it is published', async () => {
    const gso = 'stt,ma_xa,ten_xa,loai,tinh\n1,00070,Phường Hoàn Kiếm,Phường,Thành phố Hà Nội\n2,04144,Xã Sóc Sơn,Xã,Thành phố Hà Nội\n';
    expect(lines(await run('units', csv(gso)))).toEqual([]);
    const units = await store.listUnits();
    expect(units.find((u) => u.code === '04144')).toMatchObject({ name: 'Xã Sóc Sơn', kind: 'commune', parentCode: 'Thành phố Hà Nội' });
  });

  it('imports the whole country (3,321 communes) in one file, and again over itself', async () => {
    const path = new URL('../seed/data/vn-3321-communes-2025.csv', import.meta.url).pathname;
    for (let i = 0; i < 2; i++) {
      const report = await importFile(store, { kind: 'units', source: { path }, fileName: 'vn-3321.csv', actor: 'test' });
      expect(lines(report)).toEqual([]);
    }
    const units = await store.listUnits();
    expect(units.filter((u) => u.parentCode !== null)).toHaveLength(3321);
    expect(units.find((u) => u.code === '00070')).toMatchObject({ name: 'Phường Hoàn Kiếm', kind: 'ward', parentCode: 'Thành phố Hà Nội' });
    expect(units.find((u) => u.code === '06994')).toMatchObject({ name: 'Đặc khu Vân Đồn', kind: 'special_zone' });
  });

  it('imports targets and replaces one with the same measure, scope and date', async () => {
    const text = 'measure,kind,unit_code,threshold,effective_from,deadline\nonlineRate,ward,,60,21/07/2025,30/07/2025\nonTimeRate,,00070,100,2025-07-21,\n';
    expect(lines(await run('targets', csv(text)))).toEqual([]);
    await run('targets', csv(text.replace(',60,', ',65,')));
    const targets = await store.listTargets();
    expect(targets).toEqual([
      { measure: 'onTimeRate', kind: null, unitCode: '00070', threshold: 100, effectiveFrom: '2025-07-21', deadline: null },
      { measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 65, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
    ]);
  });

  it('refuses bad targets with reasons', async () => {
    const text = 'measure,kind,unit_code,threshold,effective_from\nspeed,ward,,60,2025-07-21\nonlineRate,,,160,2025-07-21\nonlineRate,ward,00070,60,2025-13-01\n';
    const report = await run('targets', csv(text));
    expect(lines(report)).toEqual([
      'Line 2, column "measure" ("speed"): is neither a measure (one of onlineRate, endToEndRate, onTimeRate, eResultRate, digitizedRate, onlinePaymentRate, avgProcessingDays, overdueOpen) nor an indicator code of the catalogue',
      'Line 3, column "kind" (empty): is empty, and so is unit_code: say which kind of unit or which unit the target is for',
      'Line 3, column "threshold" ("160"): is over 100, but this measure is a percentage',
      'Line 4, column "unit_code" ("00070"): is given together with a kind: a target applies to a kind or to one unit, not both',
      'Line 4, column "effective_from" ("2025-13-01"): is not a date on the calendar (dates are written day/month/year, e.g. 21/07/2025, or 2025-07-21)',
    ]);
    expect(await store.listTargets()).toEqual([]);
  });

  it('takes an indicator code of the catalogue in place of a measure, with the catalogue saying whether it is a percentage', async () => {
    await store.saveIndicators([
      { code: 'DA06_VNEID_ACTIVATED', name: 'Tài khoản đã kích hoạt', nameEn: null, pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', kinds: [], description: null },
      { code: 'CCHC_DAYS', name: 'Số ngày', nameEn: null, pillar: 'cchc', unit: 'days', direction: 'lower', frequency: 'month', kinds: [], description: null },
    ], null, null);
    const bad = await run('targets', csv('measure,kind,unit_code,threshold,effective_from\nDA06_UNKNOWN,ward,,60,2025-07-01\nDA06_VNEID_ACTIVATED,ward,,120,2025-07-01\n'));
    expect(lines(bad)).toEqual([
      'Line 2, column "measure" ("DA06_UNKNOWN"): is neither a measure (one of onlineRate, endToEndRate, onTimeRate, eResultRate, digitizedRate, onlinePaymentRate, avgProcessingDays, overdueOpen) nor an indicator code of the catalogue',
      'Line 3, column "threshold" ("120"): is over 100, but this measure is a percentage',
    ]);
    expect(await store.listTargets()).toEqual([]);
    const good = await run('targets', csv('measure,kind,unit_code,threshold,effective_from\nda06_vneid_activated,ward,,80,2025-07-01\nCCHC_DAYS,,SO-TP,120,2025-07-01\n'));
    expect(lines(good)).toEqual([]);
    expect(await store.listTargets()).toEqual([
      { measure: 'CCHC_DAYS', kind: null, unitCode: 'SO-TP', threshold: 120, effectiveFrom: '2025-07-01', deadline: null },
      { measure: 'DA06_VNEID_ACTIVATED', kind: 'ward', unitCode: null, threshold: 80, effectiveFrom: '2025-07-01', deadline: null },
    ]);
  });
});

describe('a unit file with a value that units.list could not send back', () => {
  const HEADER = 'code,name,name_en,kind,parent_code,head_name,head_title,population';
  const GOOD = '00099,Phường Tốt,Good Ward,ward,01,Nguyễn Văn A,Chủ tịch UBND,12500';
  const row = (cells: Partial<Record<'code' | 'name' | 'name_en' | 'head_name' | 'population', string>>) => {
    const c = { code: '00100', name: 'Phường Mới', name_en: '', head_name: '', population: '', ...cells };
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    return [c.code, c.name, c.name_en, 'ward', '01', c.head_name, '', c.population].map(quote).join(',');
  };
  const listUnits = () => createCallerFactory(appRouter)(createInnerContext(fixtureDeps(store), fixtureAuth(store), { username: 'leader', role: 'leader', unitCode: null })).units.list();

  it.each([
    ['a negative population', 'population', '-5', /whole number of 0 or more/],
    ['a fractional population', 'population', '1.5', /whole number of 0 or more/],
    ['a hexadecimal population', 'population', '0x10', /whole number of 0 or more/],
    ['a population in exponent notation', 'population', '1e3', /whole number of 0 or more/],
    ['a signed population', 'population', '+5', /whole number of 0 or more/],
    ['a population with mixed separators', 'population', '1.234,567', /whole number of 0 or more/],
    ['a population past the safe integers', 'population', '99999999999999999999', /is too large/],
    ['a code of 65 characters', 'code', 'x'.repeat(65), /is longer than 64 characters/],
    ['a code of 101 characters', 'code', 'x'.repeat(101), /is longer than 64 characters/],
    ['a code with a NUL', 'code', '00\u0000100', /control character/],
    ['a name with a NUL', 'name', 'Phường\u0000Nul', /control character/],
    ['a name with a tab', 'name', 'Phường\tHoàn Kiếm', /control character/],
    ['a name with a line break', 'name', 'Phường\nHoàn Kiếm', /control character/],
    ['a name of 1,001 characters', 'name', 'P'.repeat(1001), /is longer than 1,000 characters/],
    ['an English name with an escape sequence', 'name_en', 'Ward\u001b[31m', /control character/],
    ["a head's name with a line break", 'head_name', 'Chủ tịch\r\nUBND', /control character/],
  ] as const)('refuses %s with its line, column, value and reason, and writes nothing', async (_label, column, value, reason) => {
    const before = await listUnits();
    const report = await run('units', csv([HEADER, GOOD, row({ [column]: value })].join('\n')));
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([{ line: 3, column, value, reason: expect.stringMatching(reason), message: expect.any(Object) }]);
    expect(await listUnits()).toEqual(before);
    expect((await store.listImports(1))[0]).toMatchObject({ outcome: 'refused', errorCount: 1 });
  });

  it('refuses everything the schema units.list answers with would refuse', async () => {
    const refusedByOutput = [{ population: '-5' }, { population: '1.5' }, { code: 'x'.repeat(65) }];
    for (const cells of refusedByOutput) {
      const population = cells.population === undefined ? null : Number(cells.population);
      expect(UnitSchema.safeParse({ code: cells.code ?? '1', name: 'n', nameEn: null, kind: 'ward', parentCode: null, headName: null, headTitle: null, population }).success).toBe(false);
      expect((await run('units', csv([HEADER, row(cells)].join('\n')))).ok).toBe(false);
    }
  });

  it('reads populations written with or without thousands separators', async () => {
    const report = await run('units', csv([HEADER, row({ code: 'A', population: '12.500' }), row({ code: 'B', population: '1,234,567' }), row({ code: 'C', population: '12 500' }), row({ code: 'D', population: '0' })].join('\n')));
    expect(lines(report)).toEqual([]);
    const units = (await listUnits()).filter((u) => 'ABCD'.includes(u.code));
    expect(units.map((u) => [u.code, u.population])).toEqual([['A', 12500], ['B', 1234567], ['C', 12500], ['D', 0]]);
  });

  it('refuses a target threshold too large to be a number, and one for a unit whose code units.list could not send', async () => {
    const huge = '9'.repeat(400);
    const refused = await run('targets', csv(`measure,kind,unit_code,threshold,effective_from\navgProcessingDays,ward,,${huge},2025-07-21\n`));
    expect(refused.issues).toEqual([{ line: 2, column: 'threshold', value: huge, reason: 'is too large to be a number', message: { code: 'import.cell.numberTooLarge', params: {} } }]);
    const legacy = { code: 'L'.repeat(65), name: 'Đơn vị cũ', nameEn: null, kind: 'ward' as const, parentCode: null, headName: null, headTitle: null, population: null };
    await store.replaceUnits([legacy], { kind: 'units', fileName: 'legacy', rows: 1, outcome: 'imported', errorCount: 0, actor: null, startedAt: 0 });
    const report = await run('targets', csv(`measure,kind,unit_code,threshold,effective_from\nonlineRate,,${legacy.code},60,2025-07-21\n`));
    expect(lines(report)).toEqual([`Line 2, column "unit_code" ("${legacy.code}"): is longer than 64 characters`]);
    expect(await store.listTargets()).toEqual([]);
  });
});
