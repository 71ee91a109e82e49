import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeIssue } from '../../shared/format/import-report';
import type { ImportKind } from '../../shared/schemas/import';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';
import { inlineRow, SHEET_END, SHEET_START, workbook } from '../testing/xlsx-parts';
import { importFile, type ImportReport } from './run-import';

/** 06/08/2025 10:00 in Vietnam. */
const NOW = Date.parse('2025-08-06T03:00:00Z');
let store: Store;

const run = (kind: ImportKind, buffer: Buffer, maxRows?: number) =>
  importFile(store, { kind, source: { buffer }, fileName: 'f', actor: 'test', now: NOW, limits: maxRows ? { maxRows } : undefined });
const lines = (r: ImportReport) => r.issues.map(describeIssue);
const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
const csvOf = (rows: readonly (readonly string[])[]) => Buffer.from(rows.map((r) => r.map(quote).join(',')).join('\n'), 'utf8');
/** The same rows as an XLSX sheet of inline strings, characters XML cannot hold written as Excel writes them (`_x0000_`). */
const xlsxOf = (rows: readonly (readonly string[])[]) =>
  workbook([SHEET_START, ...rows.map((r, i) => inlineRow(i + 1, r.map((c) => c.replace(/(?![\t\n\r])\p{Cc}/gu, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0')}_`)))), SHEET_END]);
const FORMATS = { csv: async (rows: string[][]) => csvOf(rows), xlsx: xlsxOf } as const;

/** For each kind: a header and a good row, keyed by column. */
const GOOD: Record<ImportKind, Record<string, string>> = {
  dossiers: { dossier_id: 'H1', unit_code: '00070', procedure_code: '1.001193', procedure_name: 'Cấp bản sao', channel: 'online', end_to_end: 'true', received_at: '2025-07-21T08:00:00', due_at: '2025-09-30', completed_at: '' },
  units: { code: '00099', name: 'Phường Mới', kind: 'ward', head_name: 'Nguyễn Văn A' },
  targets: { measure: 'onlineRate', kind: '', unit_code: '00070', threshold: '60', effective_from: '2025-07-21' },
  indicators: { code: 'VNEID_ACTIVATED', name: 'Tỷ lệ kích hoạt VNeID', pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', description: 'Theo Đề án 06' },
  values: { indicator: 'PUBLISH_ON_TIME', unit_code: '00070', period: '2025-07', value: '90', note: 'ước tính' },
};

/** A file of `kind`: the header, a good row (line 2), then a row with `changes` (line 3). */
function rowsWith(kind: ImportKind, changes: Record<string, string>): string[][] {
  const good = GOOD[kind];
  const second = { ...good, ...('dossier_id' in good ? { dossier_id: 'H2' } : {}), ...('code' in good ? { code: `${good.code}2` } : {}), ...('period' in good ? { period: '2025-06' } : {}), ...('effective_from' in good ? { effective_from: '2025-07-22' } : {}), ...changes };
  return [Object.keys(good), Object.values(good), Object.values(second)];
}

const CELL_CASES: [ImportKind, string, string, RegExp][] = [
  ['dossiers', 'dossier_id', 'H\u00002', /^contains a control character \(U\+0000\)/],
  ['dossiers', 'procedure_name', 'Cấp\u0007 bản sao', /^contains a control character \(U\+0007\)/],
  ['dossiers', 'dossier_id', 'H'.repeat(101), /^is longer than 100 characters$/],
  ['dossiers', 'procedure_code', '1'.repeat(101), /^is longer than 100 characters$/],
  ['dossiers', 'procedure_name', 'C'.repeat(1001), /^is longer than 1,000 characters$/],
  ['dossiers', 'unit_code', '0'.repeat(65), /^is longer than 64 characters$/],
  ['units', 'code', '00\u0000100', /^contains a control character/],
  ['units', 'name', 'Phường\u001b[31m', /^contains a control character \(U\+001B\)/],
  ['units', 'head_name', 'Nguyễn\tVăn A', /^contains a control character \(U\+0009\)/],
  ['units', 'name', 'P'.repeat(1001), /^is longer than 1,000 characters$/],
  ['targets', 'unit_code', '000\u000070', /^contains a control character/],
  ['targets', 'measure', `onlineRate${'x'.repeat(95)}`, /^is longer than 100 characters$/],
  ['indicators', 'code', 'VNEID\u0000', /^contains a control character/],
  ['indicators', 'name', 'Tỷ lệ\u0000', /^contains a control character/],
  ['indicators', 'name', 'T'.repeat(1001), /^is longer than 1,000 characters$/],
  ['indicators', 'description', 'Mô tả\u0000', /^contains a control character/],
  ['values', 'unit_code', '00070\u0000', /^contains a control character/],
  ['values', 'note', 'ghi chú\u0000', /^contains a control character/],
  ['values', 'note', 'n'.repeat(1001), /^is longer than 1,000 characters$/],
  ['values', 'indicator', 'P'.repeat(101), /^is longer than 100 characters$/],
];

beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
  expect(lines(await run('units', csvOf([['code', 'name', 'kind'], ['00070', 'Phường Hoàn Kiếm', 'ward'], ['00082', 'Phường Cửa Nam', 'ward']])))).toEqual([]);
});
afterEach(() => store.close());

describe.each(Object.keys(FORMATS) as (keyof typeof FORMATS)[])('every import kind, from %s', (format) => {
  it.each(CELL_CASES)('%s: refuses a bad %s by line and column, and writes nothing', async (kind, column, value, reason) => {
    const version = await store.dataVersion();
    const report = await run(kind, await FORMATS[format](rowsWith(kind, { [column]: value })));
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([{ line: 3, column, value: value.trim(), reason: expect.stringMatching(reason), message: expect.any(Object) }]);
    expect(await store.dataVersion()).toBe(version);
  });

  it.each(Object.keys(GOOD) as ImportKind[])('%s: takes the good rows', async (kind) => {
    expect(lines(await run(kind, await FORMATS[format](rowsWith(kind, {}))))).toEqual([]);
  });

  it('keeps the tabs and line breaks of a note or a description', async () => {
    expect(lines(await run('indicators', await FORMATS[format](rowsWith('indicators', { description: 'Dòng 1\r\n\tDòng 2' }))))).toEqual([]);
    expect((await store.listIndicators()).find((i) => i.code === 'VNEID_ACTIVATED2')?.description).toBe('Dòng 1\r\n\tDòng 2');
    expect(lines(await run('values', await FORMATS[format](rowsWith('values', { note: 'a\nb' }))))).toEqual([]);
  });

  it.each([
    ['dossiers', ['dossier_id', 'unit_code', 'procedure_code', 'channel', 'end_to_end', 'received_at', 'due_at', 'dossier_id'], 'the header row names dossier_id 2 times, in columns A ("dossier_id"), H ("dossier_id"): delete all but one'],
    ['dossiers', ['Mã hồ sơ', 'Mã đơn vị', 'Mã TTHC', 'Kênh thực hiện', 'Toàn trình', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'ma_don_vi'], 'the header row has 2 columns that mean unit_code, B ("Mã đơn vị"), H ("ma_don_vi"): delete or rename all but one'],
    ['units', ['ma_xa', 'ten_xa', 'loai', 'Mã đơn vị'], 'the header row has 2 columns that mean code, A ("ma_xa"), D ("Mã đơn vị"): delete or rename all but one'],
    ['targets', ['measure', 'kind', 'threshold', 'effective_from', 'chỉ tiêu'], 'the header row has 2 columns that mean measure, A ("measure"), E ("chỉ tiêu"): delete or rename all but one'],
    ['indicators', ['code', 'name', 'pillar', 'unit', 'direction', 'frequency', 'Tên chỉ số'], 'the header row has 2 columns that mean name, B ("name"), G ("Tên chỉ số"): delete or rename all but one'],
    ['values', ['indicator', 'unit_code', 'period', 'value', 'Kỳ báo cáo'], 'the header row has 2 columns that mean period, C ("period"), E ("Kỳ báo cáo"): delete or rename all but one'],
  ] as const)('%s: refuses a header that names one field twice, naming both columns', async (kind, header, reason) => {
    const report = await run(kind, await FORMATS[format]([[...header], header.map(() => 'x')]));
    expect(report.issues).toEqual([{ line: 1, column: null, value: null, reason, message: expect.any(Object) }]);
  });

  it('refuses a file with more rows than the limit, counting empty rows, as a whole', async () => {
    const rows = [Object.keys(GOOD.units), ...Array.from({ length: 8 }, (_, i) => [`1${i}`, `Phường ${i}`, 'ward', '']), ['', '', '', ''], ['', '', '', '']];
    const report = await run('units', await FORMATS[format](rows), 10);
    expect(lines(report)).toEqual(['Line 11: the file has more than 10 rows: split it into files of at most 10 rows']);
    expect((await store.listUnits()).map((u) => u.code)).toEqual(['00070', '00082']);
  });
});

describe('dates', () => {
  const dossier = (changes: Record<string, string>) => run('dossiers', csvOf(rowsWith('dossiers', changes)));

  it.each([
    ['received_at', '31/12/1999 08:00', 'is outside the years 2000 to 2100: check the year'],
    ['due_at', '2101-01-01', 'is outside the years 2000 to 2100: check the year'],
    ['received_at', '2025-08-07T10:01:00', 'is more than a day after this import (06/08/2025 10:00): a dossier cannot be received in the future'],
    ['completed_at', '2025-09-01T08:00:00', 'is more than a day after this import (06/08/2025 10:00): a dossier cannot be completed in the future'],
  ])('refuses %s %s by cell', async (column, value, reason) => {
    expect((await dossier({ [column]: value })).issues).toEqual([{ line: 3, column, value, reason, message: expect.any(Object) }]);
  });

  it('takes a date up to a day after the import (clocks and time zones differ), and a due date far ahead', async () => {
    expect(lines(await dossier({ received_at: '2025-08-07T10:00:00', due_at: '2099-12-31' }))).toEqual([]);
  });

  it('refuses a target that takes effect before 2000', async () => {
    expect(lines(await run('targets', csvOf(rowsWith('targets', { effective_from: '1999-07-21' }))))).toEqual(['Line 3, column "effective_from" ("1999-07-21"): is outside the years 2000 to 2100: check the year']);
  });
});
