import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../http';
import { ranking } from '../analytics/ranking';
import type { AnalyticsDeps } from '../analytics/deps';
import type { NewReport, Store } from '../store/port';
import { FORM06_SNAPSHOT_PREFIX } from '../../shared/domain/form06';
import { fixtureAuth, fixtureDeps, fixtureDossiers, fixtureStoreWithAccounts } from '../testing/fixture';
import { close, listen, login, mutate, query } from '../testing/http-client';
import { generateReport } from './reports-service';
import { ClaimedRuns } from './claimed-runs';
import { DueRunsFailed, lastDue, parseSchedule, reportedWeek, runDue, type Schedule } from './schedule';

let store: Store;
let deps: AnalyticsDeps;

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  deps = fixtureDeps(store);
});
afterAll(() => store.close());

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').normalize('NFC');
}

describe('the weekly report', () => {
  it('the PDF names every unit with its diacritics, and its figures are the ranking API\'s', async () => {
    const record = await generateReport(deps, { period: '2025-W31', format: 'pdf', language: 'vi', regenerate: false, trigger: 'manual', actor: 'test' });
    const found = await store.reportContent(record.id);
    const text = await pdfText(found?.content as Buffer);
    for (const name of ['Phường Hoàn Kiếm', 'Phường Cửa Nam', 'Xã Sóc Sơn', 'Sở Tư pháp']) expect(text).toContain(name);
    expect(text).toContain('BÁO CÁO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH');
    const api = await ranking(deps, { period: '2025-W31', group: 'commune', asOf: record.generatedAt });
    const cuaNam = api.rows.find((r) => r.unitCode === '00082');
    expect(text).toContain(new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2 }).format(cuaNam?.index as number));
    expect(text).toMatch(/Trang 1\/\d+/);
    expect(text).toContain('chiso-v2 v1');
  });

  it('the XLSX read back gives the same numbers as the ranking API, as numbers', async () => {
    const record = await generateReport(deps, { period: '2025-W31', format: 'xlsx', language: 'vi', regenerate: false, trigger: 'manual', actor: 'test' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await store.reportContent(record.id))?.content as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xã, phường', 'Sở, ban, ngành', 'Cảnh báo', 'Cam kết đến hạn', 'Kết luận giao ban', 'CT CCHC', 'CT CDS', 'CT DA06', 'Định nghĩa']);
    const sheet = wb.getWorksheet('Xã, phường') as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const api = await ranking(deps, { period: '2025-W31', group: 'commune', asOf: record.generatedAt });
    api.rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(3).value).toBe(r.unitCode);
      expect(row.getCell(7).value).toBe(r.onlineRate);
      expect(row.getCell(12).value).toBe(r.index);
      expect(row.getCell(7).numFmt).toBe('0.00');
      r.components.forEach((c, k) => expect(row.getCell(15 + k).value).toBe(c.points));
    });
    expect(sheet.getRow(1).getCell(3).value).toBe('Mã');
    expect(sheet.getRow(1).getCell(11).value).toBe('Quá hạn đang xử lý');
    expect(sheet.getRow(1).getCell(15).value).toBe('Đúng hạn (Điểm, /40)');
  });

  it('the CSV has a BOM and one row per unit with the ranking columns', async () => {
    const record = await generateReport(deps, { period: '2025-W31', format: 'csv', language: 'vi', regenerate: false, trigger: 'manual', actor: 'test' });
    const bytes = (await store.reportContent(record.id))?.content as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^period,group,rank,rank_change,unit_code,unit_name/);
    expect(lines).toHaveLength(1 + 4);
    expect(lines.some((l) => l.includes('Phường Hoàn Kiếm'))).toBe(true);
  });

  it('is a frozen snapshot: downloading after a new import returns the same file; regenerating makes a new version', async () => {
    const first = await generateReport(deps, { period: '2025-W31', format: 'pdf', language: 'vi', regenerate: false, trigger: 'manual', actor: 'test' });
    const before = (await store.reportContent(first.id))?.content;
    const writer = await store.openDossierWriter();
    for (const d of fixtureDossiers().slice(0, 20)) writer.append({ ...d, dossierId: `${d.dossierId}-late`, channel: 'counter' });
    await writer.commit({ kind: 'dossiers', fileName: 'late.csv', rows: 20, outcome: 'imported', errorCount: 0, actor: null, startedAt: 0 });
    const again = await generateReport(deps, { period: '2025-W31', format: 'pdf', language: 'vi', regenerate: false, trigger: 'manual', actor: 'test' });
    expect(again.id).toBe(first.id);
    expect((await store.reportContent(again.id))?.content.equals(before as Buffer)).toBe(true);
    const fresh = await generateReport(deps, { period: '2025-W31', format: 'pdf', language: 'vi', regenerate: true, trigger: 'manual', actor: 'test' });
    expect(fresh.version).toBe(first.version + 1);
    expect(fresh.inputsHash).not.toBe(first.inputsHash);
    const versions = (await store.listReports()).filter((r) => r.period === '2025-W31' && r.format === 'pdf').map((r) => r.version);
    expect(versions).toEqual([fresh.version, first.version]);
  });
});

describe('the Monday schedule', () => {
  const monday7: Schedule = parseSchedule('MON 07:00') as Schedule;
  const at = (iso: string) => Date.parse(iso);
  /** The reports the schedule stored, as [period, format] (and their version), sorted. */
  const scheduled = async (s: Store, withVersion = false) =>
    (await s.listReports())
      .filter((r) => r.trigger === 'schedule')
      .map((r) => (withVersion ? [r.period, r.format, r.version] : [r.period, r.format]))
      .sort();
  /** `s` whose report saves fail with the reason `refuse` gives (saved when it gives none), and `more` overrides. */
  const refusingSaves = (s: Store, refuse: (record: NewReport) => string | null, more: PropertyDescriptorMap = {}): Store =>
    Object.create(s, {
      saveReport: {
        value: (record: NewReport, content: Buffer) => {
          const reason = refuse(record);
          return reason ? Promise.reject(new Error(reason)) : s.saveReport(record, content);
        },
      },
      ...more,
    });

  it('knows the latest due run and the week it reports on', () => {
    expect(new Date(lastDue(monday7, at('2025-08-04T00:00:00Z'))).toISOString()).toBe('2025-08-04T00:00:00.000Z');
    expect(new Date(lastDue(monday7, at('2025-08-03T23:59:00Z'))).toISOString()).toBe('2025-07-28T00:00:00.000Z');
    expect(reportedWeek(at('2025-08-04T00:00:00Z'))).toBe('2025-W31');
    expect(parseSchedule('off')).toBeNull();
    expect(parseSchedule('every monday')).toBe('invalid');
  });

  it('fires once for a Monday, even when asked again or by another process, and catches up after a missed run', async () => {
    const s = await fixtureStoreWithAccounts();
    try {
      let now = at('2025-08-06T03:00:00Z');
      const d = { ...fixtureDeps(s), now: () => now };
      expect(await runDue(d, monday7, 'a')).toBe('2025-W31');
      expect(await runDue(d, monday7, 'b')).toBeNull();
      now = at('2025-08-07T03:00:00Z');
      expect(await runDue(d, monday7, 'a')).toBeNull();
      expect(await scheduled(s)).toEqual([['2025-W31', 'pdf'], ['2025-W31', 'xlsx']]);
    } finally {
      await s.close();
    }
  });

  it('gives back a claim won while its process was already stopping, without doing its work', async () => {
    const s = await fixtureStoreWithAccounts();
    try {
      let letClaim!: () => void;
      const gate = new Promise<void>((resolve) => (letClaim = resolve));
      // The store closes as soon as the stop has given its runs back (server/start.ts).
      let closed = false;
      const slow: Store = Object.create(s, {
        claimRun: { value: async (key: string, by: string) => (await gate, s.claimRun(key, by)) },
        releaseRun: { value: (key: string, by: string) => (closed ? Promise.reject(new Error('The database is closed.')) : s.releaseRun(key, by)) },
      });
      const runs = new ClaimedRuns(slow, 'pid 1');
      let worked = false;
      const ran = runs.run('weekly:2025-W31', async () => void (worked = true));
      const released = runs.release();
      letClaim();
      await released;
      closed = true;
      expect([await ran, worked]).toEqual([false, false]);
      expect(await s.claimRun('weekly:2025-W31', 'pid 2')).toBe(true);
    } finally {
      await s.close();
    }
  });

  it("gives back the run of a process stopped in the middle of it, so that the next run makes the week's reports", async () => {
    const s = await fixtureStoreWithAccounts();
    try {
      const d = { ...fixtureDeps(s), now: () => at('2025-08-06T03:00:00Z') };
      const stopping = new ClaimedRuns(s, 'pid 1');
      // The pack being laid out when SIGTERM comes: its work never finishes in this process.
      let started!: () => void;
      const inFlight = new Promise<void>((resolve) => (started = resolve));
      void stopping.run('weekly:2025-W31', () => (started(), new Promise<void>(() => undefined)));
      await inFlight;
      expect(await runDue(d, monday7, 'pid 2')).toBeNull();
      await stopping.release();
      expect(await stopping.run('weekly:2025-W32', async () => undefined)).toBe(false);
      expect(await runDue(d, monday7, 'pid 3')).toBe('2025-W31');
      expect(await scheduled(s)).toEqual([['2025-W31', 'pdf'], ['2025-W31', 'xlsx']]);
    } finally {
      await s.close();
    }
  });

  it('tries a failed run again after a pause that doubles, and lets another process take it at once', async () => {
    const s = await fixtureStoreWithAccounts();
    try {
      let now = at('2025-08-06T03:00:00Z');
      // The XLSX of the pack fails twice (the database busy, say), after the PDF was stored.
      let failures = 2;
      const flaky = refusingSaves(s, (record) => (record.format === 'xlsx' && failures-- > 0 ? 'database is busy' : null));
      const d = { ...fixtureDeps(flaky), now: () => now };
      const runs = new ClaimedRuns(flaky, 'pid 1', () => now);
      await expect(runDue(d, monday7, 'pid 1', runs)).rejects.toThrow(/weekly:2025-W31 failed \(once\): database is busy; tried again from 2025-08-06T03:01:00/);
      // Its claim was given back: another process could take it now (this one waits for the pause).
      expect(await s.claimRun('weekly:2025-W31', 'probe')).toBe(true);
      await s.releaseRun('weekly:2025-W31', 'probe');
      expect(await runDue(d, monday7, 'pid 1', runs)).toBeNull();
      now += 60_000;
      await expect(runDue(d, monday7, 'pid 1', runs)).rejects.toThrow(/failed \(2 times in a row\): database is busy; tried again from 2025-08-06T03:03:00/);
      now += 60_000;
      expect(await runDue(d, monday7, 'pid 1', runs)).toBeNull();
      now += 60_000;
      expect(await runDue(d, monday7, 'pid 1', runs)).toBe('2025-W31');
      expect(await runDue(d, monday7, 'pid 1', runs)).toBeNull();
      // The PDF stored before the first failure was kept, not made again: one of each format.
      expect(await scheduled(s, true)).toEqual([['2025-W31', 'pdf', 1], ['2025-W31', 'xlsx', 1]]);
    } finally {
      await s.close();
    }
  });

  it('gives back, before claiming it again, the claim of a failed run it could not give back at the time', async () => {
    const s = await fixtureStoreWithAccounts();
    try {
      let now = at('2025-08-06T03:00:00Z');
      // The database goes away during the pack and is still away when the claim is given back.
      let down = true;
      const flaky = refusingSaves(s, () => (down ? 'connection lost' : null), {
        releaseRun: { value: (key: string, by: string) => (down ? Promise.reject(new Error('connection lost')) : s.releaseRun(key, by)) },
      });
      const d = { ...fixtureDeps(flaky), now: () => now };
      const runs = new ClaimedRuns(flaky, 'pid 1', () => now);
      await expect(runDue(d, monday7, 'pid 1', runs)).rejects.toThrow(/weekly:2025-W31 failed \(once\): connection lost; tried again from/);
      down = false;
      now += 60_000;
      expect(await runDue(d, monday7, 'pid 1', runs)).toBe('2025-W31');
      expect(await scheduled(s)).toEqual([['2025-W31', 'pdf'], ['2025-W31', 'xlsx']]);
    } finally {
      await s.close();
    }
  });

  it("says which week's pack was made when the quarter's Biểu 06 failed beside it", async () => {
    const s = await fixtureStoreWithAccounts();
    try {
      const failing = refusingSaves(s, (record) => (record.period.startsWith(FORM06_SNAPSHOT_PREFIX) ? 'renderer crashed' : null));
      // The first Monday of a quarter: the week's pack and the quarter before's Biểu 06 are both due.
      const d = { ...fixtureDeps(failing), now: () => at('2025-10-06T03:00:00Z') };
      const failed = await runDue(d, monday7, 'pid 1', new ClaimedRuns(failing, 'pid 1', d.now)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(DueRunsFailed);
      expect(failed).toMatchObject({ week: '2025-W40', message: expect.stringMatching(/^form06:2025-Q3 failed \(once\): renderer crashed/) });
      expect((await s.listReports()).filter((r) => r.trigger === 'schedule').map((r) => r.period)).toEqual(['2025-W40', '2025-W40']);
    } finally {
      await s.close();
    }
  });
});

describe('reports over HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createHttpServer({ deps, auth: fixtureAuth(store), clientDir: null });
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('lists reports for every signed-in user and lets a unit head download the city report', async () => {
    const leader = await login(base, 'leader', 'leader-demo');
    const made = await mutate(base, 'reports.generate', { period: '2025-W31', format: 'csv' }, leader);
    expect(made.status).toBe(200);
    const head = await login(base, 'head-00070', 'head-demo');
    expect((await mutate(base, 'reports.generate', { period: '2025-W31', format: 'csv' }, head)).status).toBe(403);
    const list = await query(base, 'reports.list', undefined, head);
    expect(list.status).toBe(200);
    const file = await fetch(`${base}/api/reports/${made.body.result.data.id}`, { headers: { cookie: head } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/chiso-2025-W31-vi-v\d+\.csv/);
    expect((await fetch(`${base}/api/reports/${made.body.result.data.id}`)).status).toBe(401);
  });

  it('says when it returned the stored report instead of making one, and makes a new version only when asked', async () => {
    const leader = await login(base, 'leader', 'leader-demo');
    const input = { period: '2025-W30', format: 'csv', language: 'en' };
    const first = (await mutate(base, 'reports.generate', input, leader)).body.result.data;
    expect(first.reused).toBe(false);
    const again = (await mutate(base, 'reports.generate', input, leader)).body.result.data;
    expect(again).toMatchObject({ id: first.id, version: first.version, reused: true });
    const fresh = (await mutate(base, 'reports.generate', { ...input, regenerate: true }, leader)).body.result.data;
    expect(fresh).toMatchObject({ reused: false, version: first.version + 1 });
    const audited = (await store.listAudit(100, 0)).filter((a) => a.action === 'report.generate' && (a.target ?? '').startsWith('2025-W30/csv/en'));
    expect(audited.map((a) => a.target).sort()).toEqual([`2025-W30/csv/en/v${first.version}`, `2025-W30/csv/en/v${fresh.version}`]);
  });

  it("gives a unit head their own unit's annex and no other", async () => {
    const head = await login(base, 'head-00070', 'head-demo');
    const own = await fetch(`${base}/api/reports/annex?unit=00070&period=2025-W31`, { headers: { cookie: head } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await own.arrayBuffer()));
    expect(text).toContain('Phường Hoàn Kiếm');
    expect(text).toContain('chiso-v2 v1');
    expect(text).toContain('Điểm thành phần');
    expect(text).toContain('Vì sao thứ hạng thay đổi (so với 2025-W30)');
    const qd = await fetch(`${base}/api/reports/annex?unit=00070&period=2025-W31&index=qd766`, { headers: { cookie: head } });
    expect(await pdfText(Buffer.from(await qd.arrayBuffer()))).toContain('qd766 v1');
    expect((await fetch(`${base}/api/reports/annex?unit=00082&period=2025-W31`, { headers: { cookie: head } })).status).toBe(403);
    const leader = await login(base, 'leader', 'leader-demo');
    expect((await fetch(`${base}/api/reports/annex?unit=00082&period=2025-W31`, { headers: { cookie: leader } })).status).toBe(200);
    expect((await fetch(`${base}/api/reports/annex?unit=99999&period=2025-W31`, { headers: { cookie: leader } })).status).toBe(404);
    expect((await fetch(`${base}/api/reports/annex?unit=00082&period=2025-W99`, { headers: { cookie: leader } })).status).toBe(400);
  });
});
