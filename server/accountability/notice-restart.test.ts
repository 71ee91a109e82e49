import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalyticsDeps } from '../analytics/deps';
import type { LogLevel } from '../log';
import { startScheduler } from '../reports/schedule';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';
import { fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { deadSmtpUrl, startSmtp, type TestSmtp } from '../testing/smtp';
import { smtpMailer } from './mailer';
import { CLAIM_MARGIN_MS, NoticeCourier, runWeeklyNotices, type NoticeSettings } from './weekly-notices';

/** Monday after fixture week 2025-W30, 08:00 in Vietnam: the scheduled run (MON 07:00) reports W30. */
const MONDAY = Date.parse('2025-07-28T01:00:00Z');
const SCHEDULE = { weekday: 1, hour: 7, minute: 0 };
/** Long enough that the first server is still waiting to try again when it is stopped or dies. */
const SLOW_RETRY = { attempts: 4, firstDelayMs: 60_000 };

let dir: string;
let smtp: TestSmtp;
let logged: { level: LogLevel; msg: string }[];
const log = (level: LogLevel, msg: string) => void logged.push({ level, msg });
const open: Store[] = [];

function settings(url: string): NoticeSettings {
  return { mailer: smtpMailer(url, 'chiso <chiso@chiso.test>'), publicUrl: 'https://chiso.test', log, retry: SLOW_RETRY };
}

function depsAt(store: Store, now: () => number): AnalyticsDeps {
  return { ...fixtureDeps(store), now };
}

/** The first server: the fixture in a database file, two accounts with an address, the mail relay down. */
async function firstServer(): Promise<{ store: Store; deps: AnalyticsDeps }> {
  const store = await fixtureStoreWithAccounts(join(dir, 'chiso.duckdb'));
  open.push(store);
  for (const [username, email] of [['head-00082', 'chutich@cuanam.hanoi.gov.vn'], ['leader', 'lanhdao@hanoi.gov.vn']] as const) {
    const account = await store.getAccount(username);
    await store.saveAccount({ ...(account as NonNullable<typeof account>), email }, null);
  }
  return { store, deps: depsAt(store, () => MONDAY) };
}

async function nextServer(): Promise<Store> {
  const store = await DuckDbStore.open(join(dir, 'chiso.duckdb'));
  open.push(store);
  return store;
}

/** Both notices have been tried once and wait for their next try. */
async function triedOnce(store: Store): Promise<void> {
  await vi.waitFor(
    async () => {
      const notices = [...(await store.listNotices('head-00082', 5)), ...(await store.listNotices('leader', 5))];
      expect(notices.map((n) => [n.mailStatus, n.mailAttempts])).toEqual([['pending', 1], ['pending', 1]]);
    },
    { timeout: 30_000, interval: 100 },
  );
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-notices-'));
  logged = [];
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('notices left pending by a server that stopped mid-retry', () => {
  it('are mailed by the next server to start, once each, counting the tries already made', async () => {
    const first = await firstServer();
    const stopFirst = startScheduler(first.deps, SCHEDULE, () => undefined, settings(await deadSmtpUrl()));
    await triedOnce(first.store);
    await stopFirst();
    await first.store.close();

    const store = await nextServer();
    const stopNext = startScheduler(depsAt(store, () => MONDAY + 60_000), SCHEDULE, () => undefined, settings(smtp.url));
    try {
      await vi.waitFor(() => expect(smtp.received).toHaveLength(2), { timeout: 30_000, interval: 100 });
      await vi.waitFor(async () => expect((await store.listNotices('leader', 5))[0]).toMatchObject({ mailStatus: 'sent', mailAttempts: 2 }), { timeout: 10_000 });
    } finally {
      await stopNext();
    }
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['chutich@cuanam.hanoi.gov.vn', 'lanhdao@hanoi.gov.vn']);
    expect(smtp.received.find((m) => m.to[0] === 'chutich@cuanam.hanoi.gov.vn')?.mail.subject).toBe('[chiso] Phường Cửa Nam: Nhắc nhở (tuần 2025-W30)');
    expect((await store.listNotices('head-00082', 5)).map((n) => [n.period, n.mailStatus, n.mailAttempts])).toEqual([['2025-W30', 'sent', 2]]);
    // The week's notices were made by the first server only: the next one mailed what it found, and made none.
    expect(await store.claimRun('notices:2025-W30', 'test')).toBe(false);
  });

  it('are left alone while a dead server\'s claim runs, then mailed by whoever looks after it lapses', async () => {
    const first = await firstServer();
    const made = await runWeeklyNotices(first.deps, '2025-W30', 'first', settings(await deadSmtpUrl()), new NoticeCourier(first.deps, smtpMailer(await deadSmtpUrl(), 'chiso@chiso.test'), { publicUrl: 'https://chiso.test', log, retry: SLOW_RETRY }));
    expect(made?.stored).toHaveLength(2);
    await triedOnce(first.store);
    // The process dies: nothing is let go. (Its retry timer does not hold the test process open.)
    await first.store.close();

    const store = await nextServer();
    let now = MONDAY + 60_000;
    const deps = depsAt(store, () => now);
    const courier = new NoticeCourier(deps, smtpMailer(smtp.url, 'chiso@chiso.test'), { publicUrl: 'https://chiso.test', log, retry: SLOW_RETRY });
    expect((await courier.sendPending()).claimed).toEqual([]);
    now = MONDAY + SLOW_RETRY.firstDelayMs + CLAIM_MARGIN_MS;
    const resumed = await courier.sendPending();
    expect(resumed.claimed.map((n) => n.recipient).sort()).toEqual(['head-00082', 'leader']);
    await resumed.delivered;
    expect(smtp.received).toHaveLength(2);
    expect((await courier.sendPending()).claimed).toEqual([]);
    await courier.stop();
    expect(smtp.received).toHaveLength(2);
  });
});
