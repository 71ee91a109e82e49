/**
 * Issue #11's "done means", as the people involved live it, through the same entry points the server uses (the
 * Monday run of the scheduler, the API as each role, a real SMTP server): a unit head below target for three weeks
 * gets an e-mail when the level changes and sees the level, writes a commitment, the next Monday pack shows it and,
 * two weeks after it was written, the pack says it was met.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../shared/schemas/dossier';
import type { AnalyticsDeps } from '../analytics/deps';
import { createInnerContext, type Viewer } from '../context';
import { runDue, runDueNotices } from '../reports/schedule';
import { appRouter } from '../routers/_app';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { startSmtp, type TestSmtp } from '../testing/smtp';
import { createCallerFactory } from '../trpc';
import { smtpMailer } from './mailer';

const HOUR = 3_600_000;
const HEAD: Viewer = { username: 'head-00082', role: 'unit_head', unitCode: '00082' };
const LEADER: Viewer = { username: 'leader', role: 'leader', unitCode: null };
const SCHEDULE = { weekday: 1, hour: 7, minute: 0 };
/** Mondays at 08:00 in Vietnam, after the 07:00 run. */
const MONDAY = { w32: Date.parse('2025-08-11T01:00:00Z'), w33: Date.parse('2025-08-18T01:00:00Z'), w34: Date.parse('2025-08-25T01:00:00Z') };

let store: Store;
let deps: AnalyticsDeps;
let now = MONDAY.w32;
let smtp: TestSmtp;
const caller = (viewer: Viewer) => createCallerFactory(appRouter)(createInnerContext(deps, fixtureAuth(store), viewer));

/** 40 of Cửa Nam's dossiers in the week starting on `monday` (Vietnam), `online` of them online, all on time. */
function cuaNamWeek(monday: string, online: number): DossierRecord[] {
  const start = Date.parse(`${monday}T00:00:00+07:00`);
  return Array.from({ length: 40 }, (_, i) => {
    const receivedAt = start + 2 * HOUR + i * 3 * HOUR;
    return {
      dossierId: `00082-${monday}-${i}`, unitCode: '00082', procedureCode: '1.004227', procedureCodeRaw: '1.004227', procedureName: null, channel: i < online ? 'online' : 'counter',
      endToEnd: false, receivedAt, dueAt: receivedAt + 48 * HOUR, completedAt: receivedAt + 24 * HOUR, returnedAt: null, status: null, statusRaw: null,
      serviceLevel: null, eResult: null, digitized: null, feeRequired: null, paidOnline: null,
    };
  });
}

/** The Monday run: the week's pack (PDF and XLSX), then its notices, mailed. */
async function monday(at: number): Promise<void> {
  now = at;
  await runDue(deps, SCHEDULE, 'test');
  const run = await runDueNotices(deps, SCHEDULE, 'test', { mailer: smtpMailer(smtp.url, 'chiso@chiso.test'), publicUrl: 'https://chiso.test', log: () => undefined });
  await run?.delivered;
}

async function pack(period: string): Promise<ExcelJS.Workbook> {
  const record = (await store.listReports()).find((r) => r.period === period && r.format === 'xlsx' && r.trigger === 'schedule');
  const content = record ? (await store.reportContent(record.id))?.content : undefined;
  expect(content, `the Monday run made the XLSX pack of ${period}`).toBeDefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as unknown[]).slice(1));

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  // W30–W32 come with the fixture (Cửa Nam 50 % online against 60 %); W33 stays below, W34 recovers (80 %).
  const writer = await store.openDossierWriter();
  for (const d of [...cuaNamWeek('2025-08-11', 20), ...cuaNamWeek('2025-08-18', 32)]) writer.append(d);
  await writer.commit({ kind: 'dossiers', fileName: 'w33-w34', rows: 80, outcome: 'imported', errorCount: 0, actor: null, startedAt: 0 });
  const head = await store.getAccount('head-00082');
  await store.saveAccount({ ...(head as NonNullable<typeof head>), email: 'chutich@cuanam.hanoi.gov.vn' }, null);
  deps = { ...fixtureDeps(store), now: () => now };
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await store.close();
});

describe('the accountability loop, from the level to the commitment met', () => {
  it('mails the head when the unit reaches the meeting agenda, and shows the level on the unit page and in the dashboard', async () => {
    await monday(MONDAY.w32);
    const mails = smtp.received.filter((m) => m.to[0] === 'chutich@cuanam.hanoi.gov.vn');
    expect(mails.map((m) => m.mail.subject)).toEqual(['[chiso] Phường Cửa Nam: Đưa vào giao ban (tuần 2025-W32)']);
    expect(mails[0]?.mail.text).toContain('dưới chỉ tiêu 3 tuần liên tiếp');
    expect((await caller(HEAD).units.detail({ unitCode: '00082', period: '2025-W32' })).escalation).toBe('agenda');
    expect((await caller(HEAD).notices.list()).map((n) => [n.period, n.units[0]?.level])).toEqual([['2025-W32', 'agenda']]);
    // The pack made that morning, before any explanation: "chưa giải trình".
    const flags = rowsOf((await pack('2025-W32')).getWorksheet('Cảnh báo') as ExcelJS.Worksheet);
    expect(flags.find((r) => r[0] === 'Phường Cửa Nam')?.slice(-4)).toEqual(['Đưa vào giao ban', 'Chưa giải trình', '', '']);
  });

  it('takes the head\'s commitment, which the next Monday pack shows as open', async () => {
    now = MONDAY.w32 + 3 * HOUR;
    const action = 'Bố trí 2 cán bộ hướng dẫn nộp hồ sơ trực tuyến tại bộ phận một cửa.';
    await caller(HEAD).commitments.submit({ unitCode: '00082', period: '2025-W32', measure: 'onlineRate', explanation: 'Người dân chưa quen nộp trực tuyến.', action, dueDate: '2025-08-24' });

    await monday(MONDAY.w33);
    const flags = rowsOf((await pack('2025-W33')).getWorksheet('Cảnh báo') as ExcelJS.Worksheet);
    expect(flags.find((r) => r[0] === 'Phường Cửa Nam')?.slice(-4)).toEqual(['Đưa vào giao ban', 'Đang thực hiện', '24/08/2025', action]);
    const leaderView = await caller(LEADER).flags.list({ period: '2025-W33' });
    expect(leaderView.rows.find((r) => r.unitCode === '00082')).toMatchObject({ periodsBelow: 4, escalation: 'agenda', commitment: { state: 'open', dueDate: '2025-08-24' } });
    // Staying on the agenda is no news: no second mail.
    expect(smtp.received.filter((m) => m.to[0] === 'chutich@cuanam.hanoi.gov.vn')).toHaveLength(1);
  });

  it('two weeks on, says in the pack that the commitment was met, from the data', async () => {
    await monday(MONDAY.w34);
    const wb = await pack('2025-W34');
    const due = rowsOf(wb.getWorksheet('Cam kết đến hạn') as ExcelJS.Worksheet);
    expect(due.map((r) => [r[0], r[2], r[6], r[7], r[8]])).toEqual([['00082', '2025-W32', '24/08/2025', 'Đã khắc phục', '2025-W34']]);
    expect(rowsOf(wb.getWorksheet('Cảnh báo') as ExcelJS.Worksheet).some((r) => r[0] === 'Phường Cửa Nam')).toBe(false);
    expect((await caller(HEAD).commitments.list({ unitCode: '00082' }))[0]).toMatchObject({ state: 'met', judgedIn: '2025-W34' });
  });
});
