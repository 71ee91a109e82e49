/**
 * The weekly pack, Biểu 06 and the annexes are laid out on a worker thread (decision 028): pdfkit and ExcelJS lay out
 * synchronously, for seconds on a demo-sized pack, and on the main thread every request waited for them (the
 * start-up stall of the catch-up pack). These tests prove it by order, not by time: requests made while a document
 * is being laid out are answered before it is done.
 */
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { FORM06_SNAPSHOT_PREFIX } from '../../shared/domain/form06';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsDeps } from '../analytics/deps';
import { form06Document } from '../analytics/form06';
import { createHttpServer } from '../http';
import type { Store } from '../store/port';
import { FIXTURE_NOW, fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { close, listen, login, mutate, query } from '../testing/http-client';
import { renderedOffThread, renderOffThread, stopRenderer } from './render-off-thread';
import { reportData, type ReportData } from './report-data';
import { render } from './reports-service';
import { parseSchedule, runDue, type Schedule } from './schedule';

let store: Store;
let deps: AnalyticsDeps;
let server: Server;
let base: string;
let cookie: string;
/** The fixture's week with its ranking rows repeated to a city's size (≈ 130 communes), so the PDF runs to pages. */
let cityPack: ReportData;
const GENERATED = new Date(FIXTURE_NOW).toISOString();

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  deps = fixtureDeps(store);
  server = createHttpServer({ deps, auth: fixtureAuth(store), clientDir: null });
  base = await listen(server);
  cookie = await login(base, 'admin', 'admin-demo');
  const data = await reportData(deps, '2025-W31', FIXTURE_NOW);
  const [communes, ...others] = data.rankings;
  if (!communes) throw new Error('no commune ranking in the fixture');
  const rows = Array.from({ length: 33 }, (_, k) => communes.rows.map((r) => ({ ...r, unitCode: `${r.unitCode}-${k}`, unitName: `${r.unitName} ${k}` }))).flat();
  cityPack = { ...data, rankings: [{ ...communes, rows }, ...others] };
});

afterAll(async () => {
  await close(server);
  await stopRenderer();
  await store.close();
});

/** Requests one after the other, each sent once the one before is answered, noting each answer in `order`. */
async function requestsWhile(order: string[]): Promise<void> {
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  order.push('health check');
  const me = await query(base, 'auth.me', undefined, cookie);
  expect(me.body.result.data.username).toBe('admin');
  order.push('auth.me');
  // A write, as the CI journeys that waited: an admin creating an account.
  const created = await mutate(base, 'users.create', { username: `render-${order.length}-${Date.now()}`, role: 'data_officer', password: 'Ho-Guom-mua-thu-2026' }, cookie);
  expect(created.status).toBe(200);
  order.push('users.create');
}

describe('documents laid out off the main thread', () => {
  it('requests made while the weekly PDF is being laid out are answered before it is done', async () => {
    const order: string[] = [];
    const pdf = render(cityPack, 'pdf', 'vi', GENERATED, false).then((bytes) => {
      order.push('pdf');
      return bytes;
    });
    await requestsWhile(order);
    const bytes = await pdf;
    expect(order).toEqual(['health check', 'auth.me', 'users.create', 'pdf']);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toContain('%%EOF');
  });

  it('the weekly XLSX is written on the worker too, and reads back with every unit', async () => {
    const before = renderedOffThread();
    const bytes = await render(cityPack, 'xlsx', 'en', GENERATED, false);
    expect(renderedOffThread() - before).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(1 + (cityPack.rankings[0]?.rows.length ?? 0));
    expect(sheet.getRow(2).getCell(4).value).toBe(cityPack.rankings[0]?.rows[0]?.unitName);
  });

  it('the scheduled pack and Biểu 06 are made on the worker', async () => {
    const before = renderedOffThread();
    const s = await fixtureStoreWithAccounts();
    try {
      // The Monday run of the first week of Q3 2025: the week's PDF and XLSX, and Q2's Biểu 06.
      const d = { ...fixtureDeps(s), now: () => Date.parse('2025-07-07T03:00:00Z') };
      expect(await runDue(d, parseSchedule('MON 07:00') as Schedule, 'test')).toBe('2025-W27');
      const made = await s.listReports();
      expect(made.map((r) => `${r.period} ${r.format}`).sort()).toEqual(['2025-W27 pdf', '2025-W27 xlsx', `${FORM06_SNAPSHOT_PREFIX}2025-Q2 xlsx`]);
      expect(renderedOffThread() - before).toBe(3);
    } finally {
      await s.close();
    }
  });

  it('a document that cannot be laid out fails with its reason, and the next one is made', async () => {
    const broken = { ...(await form06Document(deps, { period: '2025-Q3' })), sections: null } as never;
    await expect(renderOffThread({ kind: 'form06-xlsx', doc: broken, generatedAt: GENERATED })).rejects.toThrow(/null|undefined|not iterable/);
    const form = await renderOffThread({ kind: 'form06-xlsx', doc: await form06Document(deps, { period: '2025-Q3' }), generatedAt: GENERATED });
    expect(form.subarray(0, 2).toString()).toBe('PK');
  });

  it('a document not laid out in time fails, and its worker is replaced for the next one', async () => {
    const doc = await form06Document(deps, { period: '2025-Q3' });
    await expect(renderOffThread({ kind: 'form06-xlsx', doc, generatedAt: GENERATED }, 1)).rejects.toThrow(/could not be laid out: it took longer than 0.001 s/);
    const form = await renderOffThread({ kind: 'form06-xlsx', doc, generatedAt: GENERATED });
    expect(form.subarray(0, 2).toString()).toBe('PK');
  });

  it('a stopped worker fails what it was laying out; the next document starts another', async () => {
    const lost = expect(render(cityPack, 'pdf', 'en', GENERATED, false)).rejects.toThrow(/could not be laid out: the report renderer was stopped/);
    await stopRenderer();
    await lost;
    const bytes = await render(cityPack, 'xlsx', 'vi', GENERATED, false);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
