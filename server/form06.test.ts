/**
 * Biểu số 06 for a province chiso has never seen (Lào Cai, from the official list, with three departments), random
 * dossiers written as a real export would write them (a title row, Vietnamese headers, national status and channel
 * codes, three date styles, date-only due dates), imported through the file importer and asked for over HTTP. Every
 * figure is checked against a count of SPEC §8 written here from scratch, sharing no code with chiso's; the XLSX is
 * read back (with exceljs, and with LibreOffice when it is installed) and must carry the same numbers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountsCache } from './analytics/counts-cache';
import { AuthService } from './auth/auth-service';
import { seedDemoAccounts } from './auth/demo-accounts';
import { createHttpServer } from './http';
import { importFile } from './import/run-import';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import type { Store } from './store/port';
import { close, listen, login, query } from './testing/http-client';

const S = 1000;
const H = 3600 * S;
const D = 24 * H;
const VN = 7 * H;
const NOW = Date.parse('2025-10-20T03:00:00Z');
const EXPORTED = Date.parse('2025-10-10T03:00:00Z');

/** Periods written out by hand: [start, end) are 00:00 Vietnam time, i.e. 17:00 UTC the day before. */
const PERIODS: Record<string, { start: number; end: number; midway: string }> = {
  '2025-W31': { start: Date.parse('2025-07-27T17:00:00Z'), end: Date.parse('2025-08-03T17:00:00Z'), midway: '2025-07-30T09:30:00Z' },
  '2025-08': { start: Date.parse('2025-07-31T17:00:00Z'), end: Date.parse('2025-08-31T17:00:00Z'), midway: '2025-08-16T02:15:00Z' },
  '2025-Q3': { start: Date.parse('2025-06-30T17:00:00Z'), end: Date.parse('2025-09-30T17:00:00Z'), midway: '2025-08-20T10:45:30Z' },
};
/** Instants the rules turn on: every period's start and end and every mid-way cut-off. */
const EDGES = Object.values(PERIODS).flatMap((p) => [p.start, p.end, Date.parse(p.midway)]);

interface Plain {
  unit: string;
  online: boolean;
  received: number;
  due: number;
  completed: number | null;
  counted: boolean;
}

const FIELDS = ['carriedOver', 'receivedOnline', 'receivedOffline', 'receivedTotal', 'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue'] as const;
type Figures = Record<(typeof FIELDS)[number], number>;

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 48271) % 2147483647) / 2147483647);
}

/** The Vietnam calendar date of an instant, as text. */
const vnDate = (t: number) => new Date(t + VN).toISOString().slice(0, 10);

/** Vietnam wall-clock time written four ways, as exports do. */
function write(t: number, style: number): string {
  const iso = new Date(t + VN).toISOString();
  const [y, mo, da, h, mi, s] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13), iso.slice(14, 16), iso.slice(17, 19)];
  if (style === 0) return `${da}/${mo}/${y} ${h}:${mi}:${s}`;
  if (style === 1) return `${y}-${mo}-${da}T${h}:${mi}:${s}+07:00`;
  if (style === 2) return `${y}-${mo}-${da} ${h}:${mi}:${s}+0700`;
  return `${y}${mo}${da}${h}${mi}${s}`;
}

/** SPEC §8 counted plainly, one dossier at a time. */
function count(ds: Plain[], unit: string | null, start: number, end: number, asOf: number): Figures {
  const e = Math.min(end, asOf);
  const f = Object.fromEntries(FIELDS.map((k) => [k, 0])) as Figures;
  for (const d of ds) {
    if ((unit !== null && d.unit !== unit) || !d.counted || d.received >= e) continue;
    if (d.received < start) {
      if (d.completed !== null && d.completed < start) continue;
      f.carriedOver++;
    } else if (d.online) f.receivedOnline++;
    else f.receivedOffline++;
    if (d.completed !== null && d.completed <= e) {
      if (d.completed > d.due) f.resolvedLate++;
      else if (vnDate(d.completed) < vnDate(d.due)) f.resolvedEarly++;
      else f.resolvedOnTime++;
    } else if (d.due >= e) f.pendingWithinDeadline++;
    else f.pendingOverdue++;
  }
  f.receivedTotal = f.carriedOver + f.receivedOnline + f.receivedOffline;
  f.resolvedTotal = f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;
  f.pendingTotal = f.pendingWithinDeadline + f.pendingOverdue;
  return f;
}

let store: Store;
let server: Server;
let base: string;
let cookie = '';
const dossiers: Plain[] = [];
let communes: { code: string; name: string }[] = [];
const departments = [
  { code: '0001', name: 'Sở Tư pháp tỉnh Lào Cai' },
  { code: 'LC-SNV', name: 'Sở Nội vụ tỉnh Lào Cai' },
  { code: 'LC-TTHCC', name: '=Trung tâm Phục vụ hành chính công tỉnh' },
];

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  const gso = readFileSync(new URL('./seed/data/vn-3321-communes-2025.csv', import.meta.url), 'utf8').split(/\r?\n/);
  const laoCai = gso.filter((l) => l.endsWith(',Tỉnh Lào Cai'));
  communes = laoCai.map((l) => l.split(',')).map((c) => ({ code: c[1] as string, name: c[2] as string }));
  expect(communes).toHaveLength(99);
  expect((await importFile(store, { kind: 'units', source: { buffer: Buffer.from([gso[0], ...laoCai].join('\n')) }, fileName: 'lao-cai.csv', actor: null })).ok).toBe(true);
  const deptCsv = ['code,name,kind', ...departments.map((d) => `${d.code},"${d.name}",department`)].join('\n');
  expect((await importFile(store, { kind: 'units', source: { buffer: Buffer.from(deptCsv) }, fileName: 'so-nganh.csv', actor: null })).issues).toEqual([]);

  const r = rng(20251020);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const units = [...communes, ...departments].map((u) => u.code);
  const lines = ['BÁO CÁO CHI TIẾT HỒ SƠ TTHC — TỈNH LÀO CAI;;;;;;;;;;', 'STT;Mã hồ sơ;Mã đơn vị;Mã TTHC;Tên thủ tục;Kênh thực hiện;Mức độ;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái'];
  const first = Date.parse('2025-06-01T00:00:00Z');
  let n = 0;
  for (const unit of units) {
    const volume = unit.startsWith('0') && unit.length === 4 ? 0 : 10 + Math.floor(r() * 50);
    for (let i = 0; i < volume; i++) {
      const received = r() < 0.04 ? pick(EDGES) : first + Math.floor(r() * 126 * 24 * 3600) * S;
      const dateOnly = r() < 0.3;
      let due = received + Math.floor(r() * 15 * 24 * 3600) * S;
      if (dateOnly) due = Math.floor((due + VN) / D) * D - VN + D - 1;
      const fate = r();
      let completed: number | null = fate < 0.25 ? null : fate < 0.45 ? pick(EDGES) : fate < 0.55 ? due - (r() < 0.5 ? 0 : S) : received + Math.floor(r() * 20 * 24 * 3600) * S;
      if (completed !== null && (completed < received || completed > EXPORTED)) completed = null;
      const kind = r();
      const withdrawn = kind < 0.05;
      const neverReceived = kind >= 0.05 && kind < 0.08;
      if (neverReceived) completed = null;
      const channel = pick(['online', 'counter', 'postal'] as const);
      dossiers.push({ unit, online: channel === 'online', received, due, completed, counted: !withdrawn && !neverReceived });
      const status = withdrawn ? pick(['7', 'Công dân yêu cầu rút hồ sơ'])
        : neverReceived ? pick(['1', '3', 'Mới đăng ký', 'Không được tiếp nhận'])
          : completed === null ? pick(['2', '4', '5', '6', '8', 'Đang xử lý']) : pick(['9', '10', 'Đã trả kết quả']);
      const channelText = { online: pick(['2', 'Trực tuyến']), counter: pick(['1', 'Trực tiếp']), postal: pick(['3', 'Bưu chính công ích']) }[channel];
      n += 1;
      lines.push([
        String(n), `LC-${unit}-${i}`, unit, '1.001193.000.00.00.H33', 'Đăng ký khai sinh', channelText, channel === 'online' ? pick(['4', 'Mức độ 3']) : '3',
        write(received, n % 4), dateOnly ? write(due, 0).slice(0, 10) : write(due, (n + 1) % 4), completed === null ? '' : write(completed, (n + 2) % 4), status,
      ].join(';'));
    }
  }
  const report = await importFile(store, { kind: 'dossiers', source: { buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}`) }, fileName: 'lao-cai-ho-so.csv', actor: null });
  expect(report.issues).toEqual([]);
  expect(report.rows).toBe(dossiers.length);
  await seedDemoAccounts(store, (await store.listUnits()).filter((u) => u.code === '04465'));
  server = createHttpServer({ deps: { store, cache: new CountsCache(), minVolume: 30, now: () => NOW }, auth: new AuthService(store, { production: false }), clientDir: null });
  base = await listen(server);
  cookie = await login(base, 'head-04465', 'head-demo');
});
afterAll(async () => {
  await close(server);
  await store.close();
});

function expectedForm(period: string, asOfText: string | undefined, group: 'commune' | 'department' | undefined) {
  const p = PERIODS[period] as (typeof PERIODS)[string];
  const asOf = asOfText ? Date.parse(asOfText) : NOW;
  const sorted = (list: { code: string; name: string }[]) => [...list].sort((a, b) => (a.code < b.code ? -1 : 1));
  const units = [...(group === 'department' ? [] : sorted(communes)), ...(group === 'commune' ? [] : sorted(departments))];
  const rows = units.map((u) => ({ unitCode: u.code, unitName: u.name, ...count(dossiers, u.code, p.start, p.end, asOf) }));
  const total = Object.fromEntries(FIELDS.map((k) => [k, rows.reduce((s, row) => s + row[k], 0)]));
  return { period, asOf: new Date(asOf).toISOString(), rows, total };
}

describe('Biểu 06 for an unseen province, checked against an independent count', () => {
  it('has dossiers that test the edges: carried over and resolved, completed exactly at a start or a cut-off, withdrawn, never received', () => {
    const q3 = PERIODS['2025-Q3'] as (typeof PERIODS)[string];
    expect(dossiers.filter((d) => d.counted && d.received < q3.start && d.completed !== null && d.completed >= q3.start).length).toBeGreaterThan(20);
    expect(dossiers.filter((d) => d.counted && d.completed !== null && EDGES.includes(d.completed)).length).toBeGreaterThan(100);
    expect(dossiers.filter((d) => !d.counted).length).toBeGreaterThan(50);
    expect(count(dossiers, null, q3.start, q3.end, NOW).carriedOver).toBeGreaterThan(50);
  });

  it.each(Object.keys(PERIODS).flatMap((period) => [[period, undefined], [period, PERIODS[period]?.midway]]))('gives %s (asOf %s) exactly as SPEC §8 counts it', async (period, asOf) => {
    for (const group of [undefined, 'commune', 'department'] as const) {
      const res = await query(base, 'reports.form06', { period, ...(group ? { group } : {}), ...(asOf ? { asOf } : {}) }, cookie);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const got = res.body.result.data;
      const want = expectedForm(period, asOf, group);
      expect(got.rows.map((row: { unitCode: string }) => row.unitCode)).toEqual(want.rows.map((row) => row.unitCode));
      expect(got).toEqual(want);
      for (const row of got.rows) expect(row.receivedTotal).toBe(row.resolvedTotal + row.pendingTotal);
    }
  });
});

/** The figures of the XLSX: unit rows by STT, section rows by Roman numeral, the total row; columns (3)–(13). */
async function readXlsx(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: { stt: unknown; name: string; figures: unknown[] }[] = [];
  let headRow = 0;
  ws.eachRow((row, i) => {
    if (!headRow && row.getCell(1).value === 'STT') headRow = i;
    if (headRow && i > headRow + 3 && row.getCell(2).value !== null && typeof row.getCell(3).value === 'number') {
      rows.push({ stt: row.getCell(1).value, name: String(row.getCell(2).value), figures: Array.from({ length: 11 }, (_, c) => row.getCell(c + 3).value) });
    }
  });
  return { ws, headRow, rows };
}

/** In the form's column order: (3) total received, (4) online, (5) counter and post, (6) carried over, then results. */
const ORDER = ['receivedTotal', 'receivedOnline', 'receivedOffline', 'carriedOver', 'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue'] as const;
const inFormOrder = (f: Figures) => ORDER.map((k) => f[k]);

describe('the Biểu 06 XLSX', () => {
  const asOf = PERIODS['2025-Q3']?.midway as string;
  let bytes: Buffer;
  beforeAll(async () => {
    const res = await fetch(`${base}/api/reports/form06.xlsx?period=2025-Q3&asOf=${encodeURIComponent(asOf)}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('chiso-bieu06-2025-Q3.xlsx');
    bytes = Buffer.from(await res.arrayBuffer());
  });

  it('needs a session and a valid period', async () => {
    expect((await fetch(`${base}/api/reports/form06.xlsx?period=2025-Q3`)).status).toBe(401);
    expect((await fetch(`${base}/api/reports/form06.xlsx?period=Q3`, { headers: { cookie } })).status).toBe(400);
    expect((await fetch(`${base}/api/reports/form06.xlsx?period=2025-Q3&group=province`, { headers: { cookie } })).status).toBe(400);
  });

  it('carries the form’s title, period, cut-off and merged two-level header', async () => {
    const { ws, headRow } = await readXlsx(bytes);
    const text = (addr: string) => String(ws.getCell(addr).value ?? '');
    expect(text('A1')).toBe('Biểu số 06/VPCP/KSTT');
    expect(text('C1')).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC');
    expect(text('C2')).toBe('Kỳ báo cáo: Quý III/2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)');
    expect(text('C3')).toBe('Số liệu tính đến 17:45 ngày 20/08/2025');
    const at = (col: string, offset: number) => ws.getCell(`${col}${headRow + offset}`);
    expect([at('C', 0).value, at('G', 0).value, at('C', 1).value, at('D', 1).value, at('F', 1).value, at('G', 1).value, at('K', 1).value]).toEqual([
      'Số hồ sơ nhận giải quyết', 'Kết quả giải quyết', 'Tổng số', 'Trong đó: Số mới tiếp nhận', 'Từ kỳ trước', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết',
    ]);
    expect(['D', 'E', 'H', 'I', 'J', 'L', 'M'].map((c) => at(c, 2).value)).toEqual(['Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn', 'Chưa đến hạn', 'Quá hạn']);
    expect(at('F', 0).master.address).toBe(`C${headRow}`);
    expect(at('M', 0).master.address).toBe(`G${headRow}`);
    expect(at('C', 2).master.address).toBe(`C${headRow + 1}`);
    expect(at('A', 2).master.address).toBe(`A${headRow}`);
  });

  it('has the same numbers as the JSON, as number cells, unit names as text that cannot run as a formula', async () => {
    const want = expectedForm('2025-Q3', asOf, undefined);
    const { rows } = await readXlsx(bytes);
    const units = rows.filter((r) => typeof r.stt === 'number');
    expect(units.map((r) => r.name)).toEqual(want.rows.map((r) => (r.unitName.startsWith('=') ? `'${r.unitName}` : r.unitName)));
    units.forEach((r, i) => expect(r.figures, r.name).toEqual(inFormOrder(want.rows[i] as unknown as Figures)));
    const sections = rows.filter((r) => r.stt === 'I' || r.stt === 'II');
    const sum = (list: typeof want.rows) => inFormOrder(Object.fromEntries(FIELDS.map((k) => [k, list.reduce((s, row) => s + row[k], 0)])) as Figures);
    expect(sections.map((r) => r.figures)).toEqual([sum(want.rows.slice(0, 99)), sum(want.rows.slice(99))]);
    expect(rows.at(-1)?.name).toBe('Tổng cộng');
    expect(rows.at(-1)?.figures).toEqual(inFormOrder(want.total as Figures));
  });

  it('opens in LibreOffice with the same numbers (Debian\'s libreoffice-calc-nogui, installed by .ci/run)', () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    expect(soffice, 'LibreOffice (soffice) is needed for this check: apt-get install libreoffice-calc-nogui').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'chiso-form06-'));
    try {
      writeFileSync(join(dir, 'bieu06.xlsx'), bytes);
      execFileSync(soffice as string, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false', '--outdir', dir, join(dir, 'bieu06.xlsx')], { stdio: 'ignore', timeout: 120_000 });
      const csv = Papa.parse<string[]>(readFileSync(join(dir, 'bieu06.csv'), 'utf8')).data;
      const want = expectedForm('2025-Q3', asOf, undefined);
      const units = csv.filter((r) => /^\d+$/.test(r[0] ?? ''));
      expect(units.map((r) => r.slice(2, 13).map(Number))).toEqual(want.rows.map((r) => inFormOrder(r as unknown as Figures)));
      expect(csv.find((r) => r[1] === 'Tổng cộng')?.slice(2, 13).map(Number)).toEqual(inFormOrder(want.total as Figures));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
