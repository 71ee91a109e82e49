import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalyticsDeps } from '../analytics/deps';
import { createInnerContext } from '../context';
import type { LogLevel } from '../log';
import { appRouter } from '../routers/_app';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { deadSmtpUrl, startSmtp, type TestSmtp } from '../testing/smtp';
import { createCallerFactory } from '../trpc';
import { smtpMailer, type Mailer } from './mailer';
import { NoticeCourier, runWeeklyNotices, type NoticeSettings } from './weekly-notices';

const PUBLIC_URL = 'https://chiso.test';
/** Monday 01:00 (Vietnam 08:00) after each fixture week: the week is complete when its notices are made. */
const MONDAY_AFTER = { '2025-W30': '2025-07-28T01:00:00Z', '2025-W31': '2025-08-04T01:00:00Z', '2025-W32': '2025-08-11T01:00:00Z' } as const;

let store: Store;
let deps: AnalyticsDeps;
let now = 0;
let smtp: TestSmtp;
let logged: { level: LogLevel; msg: string; fields?: Record<string, unknown> }[];
const log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void logged.push({ level, msg, ...(fields ? { fields } : {}) });

async function withEmail(username: string, email: string, language: 'vi' | 'en' | null = null): Promise<void> {
  const account = await store.getAccount(username);
  if (!account) throw new Error(`no account ${username}`);
  await store.saveAccount({ ...account, email, language }, null);
}

function settings(url: string, retry = { attempts: 3, firstDelayMs: 10 }): NoticeSettings {
  return { mailer: smtpMailer(url, 'chiso <chiso@chiso.test>'), publicUrl: PUBLIC_URL, log, retry };
}

async function run(week: keyof typeof MONDAY_AFTER, s: NoticeSettings, by = 'test') {
  now = Date.parse(MONDAY_AFTER[week]);
  const result = await runWeeklyNotices(deps, week, by, s);
  await result?.delivered;
  return result;
}

const noticesOf = (username: string) => createCallerFactory(appRouter)(createInnerContext(deps, fixtureAuth(store), { username, role: 'leader', unitCode: null })).notices.list();

beforeEach(async () => {
  logged = [];
  store = await fixtureStoreWithAccounts();
  deps = { ...fixtureDeps(store), now: () => now };
  await withEmail('head-00082', 'chutich@cuanam.hanoi.gov.vn');
  await withEmail('leader', 'lanhdao@hanoi.gov.vn', 'en');
  await withEmail('head-00070', 'chutich@hoankiem.hanoi.gov.vn');
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
  await store.close();
});

describe('weekly notices over SMTP', () => {
  it('mails the head of a unit that entered a level, in Vietnamese, and the leaders a digest in their language', async () => {
    const result = await run('2025-W30', settings(smtp.url));
    expect(result?.stored.map((n) => [n.recipient, n.kind, n.unitCode]).sort()).toEqual([['head-00082', 'escalation', '00082'], ['leader', 'digest', null]]);
    expect(smtp.received.map((m) => m.to).sort()).toEqual([['chutich@cuanam.hanoi.gov.vn'], ['lanhdao@hanoi.gov.vn']]);

    const head = smtp.received.find((m) => m.to[0] === 'chutich@cuanam.hanoi.gov.vn');
    expect(head?.from).toBe('chiso@chiso.test');
    expect(head?.mail.subject).toBe('[chiso] Phường Cửa Nam: Nhắc nhở (tuần 2025-W30)');
    const text = head?.mail.text ?? '';
    expect(text).toContain('Kính gửi Chủ tịch UBND Phường Cửa Nam,');
    expect(text).toContain('Phường Cửa Nam đã dưới chỉ tiêu 1 tuần liên tiếp tính đến tuần 2025-W30 và chuyển lên mức "Nhắc nhở" (trước đó: không có).');
    expect(text).toContain('- Nộp trực tuyến: 50,00 % (chỉ tiêu 60,00 %), 1 tuần liên tiếp');
    expect(text).toContain('- Đúng hạn: 97,50 % (chỉ tiêu 100,00 %), 1 tuần liên tiếp');
    expect(text).toContain('https://chiso.test/units/00082?period=2025-W30');
    expect(head?.mail.html).toContain('<a href="https://chiso.test/units/00082?period=2025-W30">');
    expect(head?.mail.html).toContain('<li>Nộp trực tuyến: 50,00 % (chỉ tiêu 60,00 %), 1 tuần liên tiếp</li>');

    const leader = smtp.received.find((m) => m.to[0] === 'lanhdao@hanoi.gov.vn');
    expect(leader?.mail.subject).toBe('[chiso] Week 2025-W30: 1 unit moved up the escalation ladder');
    expect(leader?.mail.text).toContain('Reminder (1)');
    expect(leader?.mail.text).toContain('- Phường Cửa Nam: below target for 1 week in a row (Submitted online, On time)');
    expect(leader?.mail.text).toContain('https://chiso.test/flags?period=2025-W30');

    const own = await noticesOf('head-00082');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ period: '2025-W30', kind: 'escalation', mail: 'sent', units: [{ unitCode: '00082', level: 'reminder', previousLevel: null, periodsBelow: 1 }] });
    expect(await noticesOf('head-00070')).toEqual([]);
  });

  it('makes a week\'s notices once, and tells nobody again while a unit stays at its level', async () => {
    await run('2025-W30', settings(smtp.url));
    expect(await run('2025-W30', settings(smtp.url), 'another process')).toBeNull();
    expect(smtp.received).toHaveLength(2);

    const w31 = await run('2025-W31', settings(smtp.url));
    expect(w31?.stored).toEqual([]);
    expect(smtp.received).toHaveLength(2);

    // By W32's end Hoàn Kiếm's fixture dossiers are still open past their due time (they were completed "later"),
    // so Hoàn Kiếm enters the first level as Cửa Nam moves to the second.
    const w32 = await run('2025-W32', settings(smtp.url));
    expect(w32?.stored.map((n) => n.recipient).sort()).toEqual(['head-00070', 'head-00082', 'leader']);
    const digest = smtp.received.slice(2).find((m) => m.to[0] === 'lanhdao@hanoi.gov.vn')?.mail.text ?? '';
    expect(digest.indexOf('On the meeting agenda (1)')).toBeGreaterThan(-1);
    expect(digest.indexOf('On the meeting agenda (1)')).toBeLessThan(digest.indexOf('Reminder (1)'));
    expect(digest).toContain('- Phường Hoàn Kiếm: below target for 1 week in a row (On time)');
    const agenda = smtp.received.slice(2).find((m) => m.to[0] === 'chutich@cuanam.hanoi.gov.vn');
    expect(agenda?.mail.subject).toBe('[chiso] Phường Cửa Nam: Đưa vào giao ban (tuần 2025-W32)');
    expect(agenda?.mail.text).toContain('dưới chỉ tiêu 3 tuần liên tiếp tính đến tuần 2025-W32 và chuyển lên mức "Đưa vào giao ban" (trước đó: Nhắc nhở)');
    expect((await noticesOf('head-00082')).map((n) => [n.period, n.units[0]?.level])).toEqual([['2025-W32', 'agenda'], ['2025-W30', 'reminder']]);
  });

  it('stores, but does not mail, notices for accounts without an address; skips disabled accounts', async () => {
    const head = await store.getAccount('head-00082');
    await store.saveAccount({ ...(head as NonNullable<typeof head>), email: null }, null);
    const admin = await store.getAccount('admin');
    await store.saveAccount({ ...(admin as NonNullable<typeof admin>), username: 'leader-2', role: 'leader', email: 'leader2@hanoi.gov.vn', disabled: true }, null);
    const result = await run('2025-W30', settings(smtp.url));
    expect(result?.stored.map((n) => [n.recipient, n.mailStatus])).toEqual([['head-00082', 'none'], ['leader', 'pending']]);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['lanhdao@hanoi.gov.vn']);
    expect((await noticesOf('head-00082'))[0]?.mail).toBe('none');
  });

  it('tries again with a growing wait when the SMTP server says "try later"', async () => {
    await smtp.close();
    smtp = await startSmtp({ refuseFirst: 3 });
    await run('2025-W30', settings(smtp.url, { attempts: 4, firstDelayMs: 10 }));
    expect(smtp.refused).toBe(3);
    expect(smtp.received).toHaveLength(2);
    expect((await noticesOf('head-00082'))[0]?.mail).toBe('sent');
    expect(logged.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(Array(3).fill('mailing a notice failed; it will be tried again'));
  });

  it('gives up after the last try, logs it, and keeps the notice in the dashboard', async () => {
    const result = await run('2025-W30', settings(await deadSmtpUrl(), { attempts: 3, firstDelayMs: 5 }));
    expect(result?.stored).toHaveLength(2);
    const own = await noticesOf('head-00082');
    expect(own[0]?.mail).toBe('failed');
    const failures = logged.filter((l) => l.fields?.recipient === 'head-00082');
    expect(failures.map((l) => [l.level, l.fields?.attempt])).toEqual([['warn', 1], ['warn', 2], ['error', 3]]);
    expect(String(failures[2]?.fields?.error)).toMatch(/ECONNREFUSED|connect/i);
  });

  it('does not wait for the mail: the weekly run returns while delivery is still being retried', async () => {
    now = Date.parse(MONDAY_AFTER['2025-W30']);
    const dead = settings(await deadSmtpUrl(), { attempts: 2, firstDelayMs: 60_000 });
    const courier = new NoticeCourier(deps, dead.mailer as Mailer, dead);
    const result = await runWeeklyNotices(deps, '2025-W30', 'test', dead, courier);
    // Returned with the second try a minute away: the mail is still pending, and delivery has not settled.
    let settled = false;
    void result?.delivered.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect((await noticesOf('head-00082'))[0]?.mail).toBe('pending');
    // A stop ends the wait at once and leaves the notice pending, for the next process to mail.
    await courier.stop();
    await result?.delivered;
    expect((await noticesOf('head-00082'))[0]?.mail).toBe('pending');
  });

  it('ends at once a wait that begins after the stop: a stop between a failed try and its wait does not hang', async () => {
    now = Date.parse(MONDAY_AFTER['2025-W30']);
    const dead = settings(await deadSmtpUrl(), { attempts: 2, firstDelayMs: 600_000 });
    let stopping: Promise<void> | null = null;
    // The stop comes while the failed try is being recorded, before the courier has begun to wait for the next one.
    const racing = new Proxy(store, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (prop !== 'recordDelivery' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          const recorded = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (args[1] === 'pending') stopping ??= courier.stop();
          return recorded;
        };
      },
    });
    const courier = new NoticeCourier({ ...deps, store: racing }, dead.mailer as Mailer, dead);
    const result = await runWeeklyNotices({ ...deps, store: racing }, '2025-W30', 'test', dead, courier);
    expect(result?.stored).toHaveLength(2);
    await expect.poll(() => stopping !== null, { timeout: 10_000 }).toBe(true);
    // A ten-minute wait, had it begun after the stop, would hold the stop (and a server's shutdown) that long.
    const outcome = await Promise.race([(stopping as unknown as Promise<void>).then(() => 'stopped'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000))]);
    expect(outcome).toBe('stopped');
    expect((await noticesOf('head-00082'))[0]?.mail).toBe('pending');
  });
});
