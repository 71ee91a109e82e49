import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeIssue } from '../../shared/format/import-report';
import type { ImportKind } from '../../shared/schemas/import';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';
import { inlineRow, makeZip, repeat, SHEET_END, SHEET_START, workbook } from '../testing/xlsx-parts';
import { importFile, type ImportReport } from './run-import';

let store: Store;
const run = (kind: ImportKind, buffer: Buffer) => importFile(store, { kind, source: { buffer }, fileName: 'f', actor: 'test' });
const lines = (r: ImportReport) => r.issues.map(describeIssue);
const UNITS_HEADER = ['code', 'name', 'kind'];
const unitNames = async () => new Map((await store.listUnits()).map((u) => [u.code, u.name]));

beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
});
afterEach(() => store.close());

describe('text encodings of a CSV', () => {
  const hex = (h: string) => Buffer.from(h, 'hex');
  /** "Phường Hoàn Kiếm", "Xã Sóc Sơn" and "Đặc khu Vân Đồn" as Excel's "CSV (Comma delimited)" writes them on a Vietnamese Windows (code page 1258, tone marks as combining characters). */
  const windows1258 = Buffer.concat([
    Buffer.from('code,name,kind\r\n00070,'), hex('5068fdf5cc6e6720486fe06e204b69eaec6d'), Buffer.from(',ward\r\n04144,'), hex('5861de2053f3632053f56e'),
    Buffer.from(',commune\r\n06994,'), hex('d0e3f263206b68752056e26e20d0f4cc6e'), Buffer.from(',special_zone\r\n'),
  ]);
  const NAMES = [['00070', 'Phường Hoàn Kiếm'], ['04144', 'Xã Sóc Sơn'], ['06994', 'Đặc khu Vân Đồn']];
  const text = `code,name,kind\n${NAMES.map(([c, n]) => `${c},${n},${c === '00070' ? 'ward' : c === '04144' ? 'commune' : 'special_zone'}`).join('\n')}\n`;
  const le = Buffer.from(text, 'utf16le');

  it.each([
    ['Windows-1258, normalised to NFC', windows1258],
    ['UTF-16 LE with a byte-order mark', Buffer.concat([hex('fffe'), le])],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([hex('feff'), Buffer.from(le).swap16()])],
    ['UTF-16 LE without a byte-order mark', le],
    ['UTF-8 with its tone marks decomposed (NFD)', Buffer.from(text.normalize('NFD'), 'utf8')],
  ])('reads %s', async (_label, bytes) => {
    expect(lines(await run('units', bytes))).toEqual([]);
    const names = await unitNames();
    for (const [code, name] of NAMES) expect(names.get(code as string)).toBe(name);
  });

  it('joins a Windows-1258 tone mark to its letter across the 64 KB pieces a file is decoded in', async () => {
    const parts: Buffer[] = [Buffer.from('code,name,kind\n')];
    let size = (parts[0] as Buffer).length;
    for (let i = 0; size < 65_536 - 200; i++) {
      const row = Buffer.from(`F${i},Ward ${i},ward\n`);
      parts.push(row);
      size += row.length;
    }
    const pad = 65_535 - size - '00070,'.length;
    parts.push(Buffer.from(`00070,${'X'.repeat(pad)}`), hex('f5cc'), Buffer.from(',ward\n'));
    expect(lines(await run('units', Buffer.concat(parts)))).toEqual([]);
    expect((await unitNames()).get('00070')).toBe(`${'X'.repeat(pad)}\u1edd`);
  });

  it('refuses broken UTF-16 and the replacement character, never storing mojibake', async () => {
    const broken = await run('units', Buffer.concat([hex('fffe'), Buffer.from('code,name,kind\n00070,', 'utf16le'), hex('00d8'), Buffer.from(',ward\n', 'utf16le')]));
    expect(lines(broken)).toEqual(['File: the file is not valid UTF-16 text: save it as "CSV UTF-8 (Comma delimited)" in Excel, or as UTF-8 in your editor, and import it again']);
    const replaced = await run('units', Buffer.from('code,name,kind\n00070,Ph\ufffd\ufffdng Ho\ufffdn Ki\ufffdm,ward\n'));
    expect(lines(replaced)).toEqual(['Line 2, column "name" ("Ph��ng Ho�n Ki�m"): contains "�", the mark of text read with the wrong encoding: export the file again as UTF-8 ("CSV UTF-8" in Excel) or as XLSX']);
    expect(await unitNames()).toEqual(new Map());
  });

  it('refuses a row that never ends (an unclosed quote) by its line, without reading the rest into memory', async () => {
    const report = await run('units', Buffer.from(`code,name,kind\n00070,"Phường ${'x'.repeat(1_200_000)}\n00082,Phường Cửa Nam,ward\n`));
    expect(lines(report)).toEqual(['Line 2: the row that starts on line 2 is longer than 1,000,000 characters: a quote (") is probably not closed']);
  });

  it('still reads quoted cells with delimiters, doubled quotes and line breaks', async () => {
    expect(lines(await run('units', Buffer.from('code,name,kind,head_title\r\n00070,"Phường ""Hoàn"" Kiếm, Hà Nội",ward,"Chủ tịch\r\nUBND"\r\n')))).toEqual(['Line 2, column "head_title" ("Chủ tịch\r\nUBND"): contains a control character (U+000D): write it on one line, as printed, without tabs or line breaks']);
    expect(lines(await run('units', Buffer.from('code,name,kind\r\n00070,"Phường ""Hoàn"" Kiếm, Hà Nội",ward\r\n')))).toEqual([]);
    expect((await unitNames()).get('00070')).toBe('Phường "Hoàn" Kiếm, Hà Nội');
  });
});

describe('XLSX', () => {
  async function dossierBook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['dossier_id', 'unit_code', 'procedure_code', 'channel', 'end_to_end', 'received_at', 'due_at']);
    ws.addRow(['X1', '00070', '1.001193', 'online', 'true', '2025-07-21T08:00:00', '2025-07-25']);
    fill(ws);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const counts = async () => (await store.countsByUnit([{ start: Date.parse('2025-07-01T00:00:00Z'), cutOff: Date.parse('2025-08-01T00:00:00Z') }])).get('00070')?.[0];

  beforeEach(async () => {
    expect((await run('units', Buffer.from('code,name,kind\n00070,Phường Hoàn Kiếm,ward\n'))).ok).toBe(true);
  });

  it('refuses a formula without a saved value by its cell, and reads a formula by its saved value', async () => {
    const bare = await run('dossiers', await dossierBook((ws) => {
      ws.getCell('C2').value = { formula: '"1.00"&"1193"' } as ExcelJS.CellFormulaValue;
    }));
    expect(bare.issues).toEqual([{ line: 2, column: 'procedure_code', value: '="1.00"&"1193"', reason: 'cell C2 is a formula without a saved value: open and save the file in Excel, or paste values', message: { code: 'import.cell.formula', params: { ref: 'C2' } } }]);
    const saved = await run('dossiers', await dossierBook((ws) => {
      ws.getCell('C2').value = { formula: '"1.00"&"1193"', result: '1.001193' } as ExcelJS.CellFormulaValue;
      ws.getCell('F2').value = { formula: 'DATE(2025,7,21)+TIME(23,30,0)', result: new Date(Date.UTC(2025, 6, 21, 23, 30)) } as ExcelJS.CellFormulaValue;
      ws.getCell('F2').numFmt = 'dd/mm/yyyy hh:mm';
    }));
    expect(lines(saved)).toEqual([]);
    expect(await counts()).toMatchObject({ received: 1, online: 1 });
    const w30 = await store.countsByUnit([{ start: Date.parse('2025-07-20T17:00:00Z'), cutOff: Date.parse('2025-07-27T17:00:00Z') }]);
    expect(w30.get('00070')?.[0]).toMatchObject({ received: 1 });
  });

  it('refuses an Excel cell dated before 2000, such as a time typed without its date', async () => {
    const report = await run('dossiers', await dossierBook((ws) => {
      ws.getCell('F2').value = new Date(Date.UTC(1899, 11, 30, 8, 30));
      ws.getCell('F2').numFmt = 'hh:mm';
    }));
    expect(lines(report)).toEqual(['Line 2, column "received_at" ("30/12/1899 08:30:00"): is outside the years 2000 to 2100: check the year']);
  });

  it('ignores a dimension that claims a million rows', async () => {
    const sheet = [SHEET_START.replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>'), inlineRow(1, ['code', 'name', 'kind']), inlineRow(2, ['00082', 'Phường Cửa Nam', 'ward']), SHEET_END];
    expect(lines(await run('units', await workbook(sheet)))).toEqual([]);
  });

  it.each([
    ['six million empty rows in a few kilobytes', () => workbook([SHEET_START, inlineRow(1, UNITS_HEADER), ...repeat('<row/>', 6_000_000), SHEET_END]), 'Line 5000001: the file has more than 5,000,000 rows: split it into files of at most 5,000,000 rows'],
    ['a text table that unpacks to gigabytes', () => workbook([SHEET_START, SHEET_END], ['<sst>', ...repeat(' ', 120 * 1024 * 1024), '</sst>']), 'File: the workbook\'s part xl/sharedStrings.xml unpacks to more than 100 MB: save the sheet as "CSV UTF-8" and import that'],
    ['a text longer than Excel allows', () => workbook([SHEET_START, SHEET_END], ['<sst><si><t>', ...repeat('x', 40_000), '</t></si></sst>']), 'File: the workbook holds a text longer than 32,767 characters, more than Excel allows in a cell: it is damaged'],
    ['a cell longer than Excel allows', () => workbook([SHEET_START, '<row r="1"><c r="A1" t="inlineStr"><is><t>', ...repeat('x', 40_000), '</t></is></c></row>', SHEET_END]), 'Line 1: cell A1 holds more than 32,767 characters, more than Excel allows: the workbook is damaged'],
    ['a tag that never ends', () => workbook([SHEET_START, '<row r="1" ', ...repeat('a', 100_000)]), 'File: the workbook holds an XML tag longer than 64 KB: it is damaged or not made by a spreadsheet program'],
    ['a DTD (entity expansion)', () => workbook(['<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', SHEET_START, SHEET_END]), 'File: the workbook declares a DTD, which no spreadsheet writes: it is not a workbook chiso reads'],
    ['a zip that is not a workbook', () => makeZip([{ name: 'a.txt', pieces: ['hello'] }]), 'File: the file is a zip archive but not an Excel workbook (.xlsx): save it from Excel as "Excel Workbook" or as "CSV UTF-8"'],
    ['a truncated workbook', async () => (await workbook([SHEET_START, inlineRow(1, UNITS_HEADER), SHEET_END])).subarray(0, 600), 'File: the workbook is damaged (its zip structure cannot be read): open it in Excel, save it again and import the new file'],
    ['an Excel 97–2003 file', async () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 'File: the file is an Excel 97–2003 workbook (.xls) or a password-protected one: save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" without a password'],
  ])('refuses %s as a whole, with a plain reason', async (_label, make, reason) => {
    const file = await make();
    expect(file.length).toBeLessThan(1024 * 1024);
    const report = await run('units', file);
    expect(lines(report)).toEqual([reason]);
    expect((await store.listImports(1))[0]).toMatchObject({ outcome: 'refused' });
  });
});

describe('imports at the same time', () => {
  it('run one after the other, the later one waiting rather than refused', async () => {
    const units = (code: string) => Buffer.from(`code,name,kind\n${Array.from({ length: 2000 }, (_, i) => `${code}${i},Phường ${i},ward`).join('\n')}\n`);
    const [a, b] = await Promise.all([run('units', units('A')), run('units', units('B'))]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(Date.parse(b.record?.startedAt as string)).toBeGreaterThanOrEqual(Date.parse(a.record?.finishedAt as string));
    expect((await store.listUnits()).length).toBe(4000);
  });
});

describe('memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bomb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const peak = (kind: ImportKind, path: string) =>
    new Promise<{ ok: boolean; issues: { reason: string }[]; peakRssMb: number }>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', 'server/testing/import-peak-memory.ts', kind, path], (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))));
    });

  it('stays far under 1 GB for a rows bomb and a text-table bomb', async () => {
    const rows = join(dir, 'rows.xlsx');
    writeFileSync(rows, await workbook([SHEET_START, inlineRow(1, ['dossier_id', 'unit_code', 'procedure_code', 'channel', 'end_to_end', 'received_at', 'due_at']), ...repeat('<row/>', 6_000_000), SHEET_END]));
    const strings = join(dir, 'strings.xlsx');
    writeFileSync(strings, await workbook([SHEET_START, SHEET_END], ['<sst>', ...repeat(`<si><t>${'x'.repeat(2000)}</t></si>`, 60_000), '</sst>']));
    for (const path of [rows, strings]) {
      const result = await peak('dossiers', path);
      expect(result.ok).toBe(false);
      expect(result.peakRssMb).toBeLessThan(1024);
    }
  }, 120_000);
});
