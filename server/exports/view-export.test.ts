import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../http';
import { ranking } from '../analytics/ranking';
import { flagList } from '../analytics/flags';
import type { AnalyticsDeps } from '../analytics/deps';
import type { Store } from '../store/port';
import { FIXTURE_UNITS, fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { close, listen, login } from '../testing/http-client';
import { rankingViewOf, viewRows } from '../../shared/kpi/ranking-view';
import { renderFlagView, renderRankingView } from './view-xlsx';

let store: Store;
let deps: AnalyticsDeps;
let server: Server;
let base: string;
let leader: string;
let head: string;

const HOSTILE = '=HYPERLINK("http://evil.example","Sóc Sơn")';

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  // A name anyone with the units import could write: exported, it must stay text, not become a formula.
  const soc = FIXTURE_UNITS.find((u) => u.code === '04144');
  await store.saveUnit({ ...soc!, name: HOSTILE }, { actor: 'test', action: 'unit.save', target: '04144', before: null, after: null, address: null });
  deps = fixtureDeps(store);
  server = createHttpServer({ deps, auth: fixtureAuth(store), clientDir: null });
  base = await listen(server);
  leader = await login(base, 'leader', 'leader-demo');
  head = await login(base, 'head-00070', 'head-demo');
});
afterAll(async () => {
  await close(server);
  await store.close();
});

const get = (path: string, cookie = leader) => fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });

async function sheetOf(res: Response): Promise<ExcelJS.Worksheet> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

/** The header row (the first whose first cell is the given label) and the rows below it, as plain values. */
function tableOf(ws: ExcelJS.Worksheet, firstHeader: string): { header: unknown[]; rows: unknown[][]; headerRow: number } {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === firstHeader) headerRow = n;
  });
  expect(headerRow, `a header row starting with ${firstHeader}`).toBeGreaterThan(0);
  const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) rows.push(values(n));
  return { header: values(headerRow), rows, headerRow };
}

const headText = (ws: ExcelJS.Worksheet, headerRow: number) => Array.from({ length: headerRow - 1 }, (_, i) => String(ws.getRow(i + 1).getCell(1).value ?? '')).join('\n');

describe('the rankings view export', () => {
  it('has the rows the page shows, in its order, with the view written above and headers in the language asked', async () => {
    const q = 'period=2025-W31&group=commune&sort=onlineRate&dir=asc&lang=en';
    const ws = await sheetOf(await get(`/api/exports/rankings.xlsx?${q}`));
    const { header, rows, headerRow } = tableOf(ws, 'Rank');
    expect(header.slice(0, 6)).toEqual(['Rank', '±', 'Code', 'Unit', 'Accountable head', 'Dossiers']);
    const api = await ranking(deps, { period: '2025-W31', group: 'commune' });
    const expected = viewRows(api.rows, rankingViewOf(new URLSearchParams(q)));
    expect(rows.map((r) => r[2])).toEqual(expected.map((r) => r.unitCode));
    expect(rows.map((r) => r[6])).toEqual(expected.map((r) => r.onlineRate));
    expect(typeof rows[0]?.[6]).toBe('number');
    const headLines = headText(ws, headerRow);
    expect(headLines).toContain('Ranking: Communes and wards');
    expect(headLines).toContain('Period 2025-W31 (28/07/2025 – 03/08/2025)');
    expect(headLines).toContain('chiso-v2 v1');
    expect(headLines).toContain('sorted by Online (ascending)');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  });

  it('applies the search, kind and state filters and says so, in Vietnamese by default', async () => {
    const ws = await sheetOf(await get('/api/exports/rankings.xlsx?period=2025-W31&kind=ward&q=hoan%20kiem'));
    const { header, rows, headerRow } = tableOf(ws, 'Hạng');
    expect(header[3]).toBe('Đơn vị');
    expect(rows.map((r) => r[3])).toEqual(['Phường Hoàn Kiếm']);
    expect(headText(ws, headerRow)).toContain('Bộ lọc: tìm “hoan kiem” · loại: Phường · 1/3 đơn vị');
  });

  it('writes text that would be a formula as text', async () => {
    const ws = await sheetOf(await get('/api/exports/rankings.xlsx?period=2025-W31&q=04144'));
    const { rows } = tableOf(ws, 'Hạng');
    expect(rows.map((r) => r[3])).toEqual([`'${HOSTILE}`]);
  });

  it('is open to every signed-in role, as the page is, and to no one signed out', async () => {
    expect((await get('/api/exports/rankings.xlsx?period=2025-W31', head)).status).toBe(200);
    expect((await get('/api/exports/flags.xlsx?period=2025-W31', head)).status).toBe(200);
    expect((await get('/api/exports/rankings.xlsx?period=2025-W31', '')).status).toBe(401);
    expect((await get('/api/exports/flags.xlsx?period=2025-W31', '')).status).toBe(401);
  });

  it('refuses a view the page could not show, naming the parameter', async () => {
    const refusal = async (path: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await refusal('/api/exports/rankings.xlsx?period=2025-W99')).toMatch(/weeks 1 to 52/);
    expect(await refusal('/api/exports/flags.xlsx?period=nonsense')).toMatch(/^"nonsense" is not a period/);
    expect(await refusal('/api/exports/rankings.xlsx?period=2025-W31&group=city')).toMatch(/^group: is not one of commune, department/);
    expect(await refusal('/api/exports/rankings.xlsx?period=2025-W31&group=department&kind=ward')).toMatch(/^kind: is not one of/);
    expect(await refusal('/api/exports/rankings.xlsx?period=2025-W31&sort=secret')).toMatch(/^sort/);
    expect(await refusal('/api/exports/flags.xlsx?period=2025-W31&level=jail')).toMatch(/^level/);
    expect(await refusal('/api/exports/flags.xlsx?period=2025-W31&lang=fr')).toMatch(/lang/);
    expect((await get('/api/exports/other.xlsx?period=2025-W31')).status).toBe(404);
  });
});

describe('the flags view export', () => {
  it('has one row per unit and missed target in the filtered view, with the view written above', async () => {
    const all = await flagList(deps, { period: '2025-W31' });
    expect(all.rows.length).toBeGreaterThan(0);
    const ws = await sheetOf(await get('/api/exports/flags.xlsx?period=2025-W31&group=commune&measure=onlineRate&lang=en'));
    const { header, rows, headerRow } = tableOf(ws, 'Code');
    expect(header).toEqual(['Code', 'Unit', 'Group', 'Accountable head', 'Measure', 'Result', 'Target', 'Gap (percentage points)', 'Weeks in a row', 'Escalation level', 'Explanation and commitment', 'Index']);
    const expected = all.rows.filter((r) => r.group === 'commune' && r.failed.some((f) => f.measure === 'onlineRate'));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.unitCode));
    expect(rows.every((r) => r[4] === 'Submitted online')).toBe(true);
    expect(rows.map((r) => r[5])).toEqual(expected.map((r) => r.failed.find((f) => f.measure === 'onlineRate')?.value));
    expect(headText(ws, headerRow)).toContain('Filters: group: Communes and wards · target missed: Submitted online');
    const departments = tableOf(await sheetOf(await get('/api/exports/flags.xlsx?period=2025-W31&group=department')), 'Mã');
    expect(departments.rows.map((r) => r[0])).toEqual(all.rows.filter((r) => r.group === 'department').flatMap((r) => r.failed.map(() => r.unitCode)));
  });
});

describe('the view exports and a programme KPI', () => {
  const catalogue = [{ code: 'DA06_VNEID_APPLICATIONS', name: 'Tỷ lệ hồ sơ nộp qua VNeID', nameEn: 'Share of applications through VNeID' }];

  it('name it as the catalogue does, in the language asked, where a flag or a commitment is about it', async () => {
    const list = await flagList(deps, { period: '2025-W31' });
    const row = list.rows[0]!;
    const kpi = { ...row, failed: [{ ...row.failed[0]!, measure: 'DA06_VNEID_APPLICATIONS' }], commitment: null };
    const filter = { group: null, measure: 'DA06_VNEID_APPLICATIONS', level: null } as const;
    const read = async (body: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      return wb.worksheets[0] as ExcelJS.Worksheet;
    };
    const vi = await read(await renderFlagView({ ...list, rows: [kpi] }, [kpi], filter, 'vi', '2025-08-04T00:00:00.000Z', catalogue));
    const flags = tableOf(vi, 'Mã');
    expect(flags.rows.map((r) => r[4])).toEqual(['Tỷ lệ hồ sơ nộp qua VNeID']);
    expect(headText(vi, flags.headerRow)).toContain('Tỷ lệ hồ sơ nộp qua VNeID');
    const ranked = (await ranking(deps, { period: '2025-W31', group: 'commune' })).rows[0]!;
    const withKpi = { ...ranked, flags: [{ measure: 'DA06_VNEID_APPLICATIONS', state: 'below' as const, value: 0.5, target: 0.8, periodsBelow: 2 }] };
    const en = await read(await renderRankingView({ period: list.period, definition: list.definition, total: 1 }, [withKpi], rankingViewOf(new URLSearchParams()), 'en', '2025-08-04T00:00:00.000Z', catalogue));
    const rows = tableOf(en, 'Rank').rows;
    expect(rows[0]?.at(-1)).toBe('Share of applications through VNeID (2)');
  });
});
