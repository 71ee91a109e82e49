import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { DossierRecord } from '../../shared/schemas/dossier';
import type { AnalyticsDeps } from '../analytics/deps';
import { createInnerContext, type Viewer } from '../context';
import { appRouter } from '../routers/_app';
import type { Store } from '../store/port';
import { FIXTURE_NOW, fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { createCallerFactory } from '../trpc';
import { addAccount } from '../cli-user';
import { outcomeOf } from '../testing/trpc-outcome';

const HOUR = 3_600_000;
const LEADER: Viewer = { username: 'leader', role: 'leader', unitCode: null };
const ADMIN: Viewer = { username: 'admin', role: 'admin', unitCode: null };
const HEAD_CUA_NAM: Viewer = { username: 'head-00082', role: 'unit_head', unitCode: '00082' };
const HEAD_HOAN_KIEM: Viewer = { username: 'head-00070', role: 'unit_head', unitCode: '00070' };

let store: Store;
let deps: AnalyticsDeps;
let now = FIXTURE_NOW;
const caller = (viewer: Viewer) => createCallerFactory(appRouter)(createInnerContext(deps, fixtureAuth(store), viewer));

const codeOf = (promise: Promise<unknown>) => outcomeOf(promise);

/** The message a client reads: validation problems as `path: message`, as the HTTP error formatter writes them. */
async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    const zod = error instanceof TRPCError && error.cause instanceof ZodError ? error.cause : null;
    if (zod) return zod.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return error instanceof Error ? error.message : String(error);
  }
}

/** Cửa Nam's week 33 (11–17 Aug 2025): 80 % online and all on time, so it is no longer below on either measure. */
function cuaNamRecovers(): DossierRecord[] {
  const start = Date.parse('2025-08-10T17:00:00Z');
  return Array.from({ length: 40 }, (_, i) => {
    const receivedAt = start + 2 * HOUR + i * 3 * HOUR;
    return {
      dossierId: `00082-w33-${i}`, unitCode: '00082', procedureCode: '1.004227', procedureCodeRaw: '1.004227', procedureName: null, channel: i < 32 ? 'online' : 'counter',
      endToEnd: i < 16, receivedAt, dueAt: receivedAt + 48 * HOUR, completedAt: receivedAt + 24 * HOUR, returnedAt: null, status: null, statusRaw: null,
      serviceLevel: null, eResult: null, digitized: null, feeRequired: null, paidOnline: null,
    };
  });
}

const commitment = { unitCode: '00082', period: '2025-W31', measure: 'onlineRate', explanation: 'Người dân chưa quen nộp hồ sơ trực tuyến; thiếu máy tính tại bộ phận một cửa.', action: 'Bố trí 2 cán bộ hướng dẫn nộp trực tuyến tại bộ phận một cửa.', dueDate: '2025-08-17' };

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  const writer = await store.openDossierWriter();
  for (const d of cuaNamRecovers()) writer.append(d);
  await writer.commit({ kind: 'dossiers', fileName: 'w33', rows: 40, outcome: 'imported', errorCount: 0, actor: null, startedAt: 0 });
  deps = { ...fixtureDeps(store), now: () => now };
});
afterAll(() => store.close());

describe('commitments', () => {
  it('flags Cửa Nam at the level its weeks below reach, with no explanation yet', async () => {
    const flags = await caller(LEADER).flags.list({ period: '2025-W31' });
    expect(flags.rows.map((r) => [r.unitCode, r.periodsBelow, r.escalation, r.commitment])).toEqual([['00082', 2, 'reminder', null]]);
    const w32 = await caller(LEADER).flags.list({ period: '2025-W32' });
    expect(w32.rows[0]).toMatchObject({ unitCode: '00082', periodsBelow: 3, escalation: 'agenda' });
    expect((await caller(HEAD_CUA_NAM).units.detail({ unitCode: '00082', period: '2025-W32' })).escalation).toBe('agenda');
    expect((await caller(LEADER).units.detail({ unitCode: '00070', period: '2025-W32' })).escalation).toBeNull();
  });

  it('lets the head write one for their own unit, open until judged, audited', async () => {
    const written = await caller(HEAD_CUA_NAM).commitments.submit(commitment);
    expect(written).toMatchObject({ ...commitment, state: 'open', judgedIn: null, createdBy: 'head-00082' });
    const onTime = await caller(ADMIN).commitments.submit({ ...commitment, measure: 'onTimeRate', explanation: 'Một hồ sơ trễ hạn do chờ ý kiến liên ngành.', action: 'Theo dõi hạn từng hồ sơ hằng ngày.', dueDate: '2025-08-10' });
    expect(onTime).toMatchObject({ state: 'open', createdBy: 'admin' });
    const audit = await caller(ADMIN).audit.list();
    const entry = audit.find((e) => e.action === 'commitment.submit' && e.actor === 'head-00082');
    expect(entry?.target).toBe('00082');
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({ id: written.id, measure: 'onlineRate', dueDate: '2025-08-17' });
  });

  it("refuses a unit head another unit's commitment, and leaders and data officers any", async () => {
    expect(await codeOf(caller(HEAD_HOAN_KIEM).commitments.submit(commitment))).toBe('FORBIDDEN');
    expect(await codeOf(caller(LEADER).commitments.submit(commitment))).toBe('FORBIDDEN');
    expect(await codeOf(caller({ username: 'officer', role: 'data_officer', unitCode: null }).commitments.submit(commitment))).toBe('FORBIDDEN');
    expect((await store.listCommitments({ unitCode: '00082' })).map((c) => c.createdBy).sort()).toEqual(['admin', 'head-00082']);
  });

  it.each([
    ['an unknown unit', { unitCode: '99999' }, 'NOT_FOUND', /no unit with the code "99999"/],
    ['an unknown measure', { measure: 'speed' }, 'BAD_REQUEST', /neither a measure/],
    ['an indicator without a target', { measure: 'VNEID_ACTIVATED' }, 'BAD_REQUEST', /no target for "VNEID_ACTIVATED"/],
    ['a measure the unit is not below on', { unitCode: '00070', measure: 'onlineRate' }, 'BAD_REQUEST', /not below its target/],
    ['an empty explanation', { explanation: '   ' }, 'BAD_REQUEST', /explanation: is empty/],
    ['an empty action', { action: '' }, 'BAD_REQUEST', /action: is empty/],
    ['an explanation over 2,000 characters', { explanation: 'x'.repeat(2001) }, 'BAD_REQUEST', /longer than 2,000 characters/],
    ['a control character', { action: 'Bổ sung\u0000 cán bộ' }, 'BAD_REQUEST', /control character/],
    ['a due date before the period starts', { dueDate: '2025-07-20' }, 'BAD_REQUEST', /has passed|before/],
    ['a due date before the next week ends', { dueDate: '2025-08-08' }, 'BAD_REQUEST', /before 10\/08\/2025/],
    ['a due date that is not a date', { dueDate: '2025-02-30' }, 'BAD_REQUEST', /not a calendar date/],
    ['a bad period', { period: '2025-W99' }, 'BAD_REQUEST', /ISO weeks 1 to 52/],
  ])('refuses %s', async (_, change, code, message) => {
    const call = caller(ADMIN).commitments.submit({ ...commitment, ...change });
    expect(await codeOf(call)).toBe(code);
    expect(await messageOf(caller(ADMIN).commitments.submit({ ...commitment, ...change }))).toMatch(message);
  });

  it('accepts exactly 2,000 characters and keeps line breaks', async () => {
    const long = await caller(ADMIN).commitments.submit({ ...commitment, explanation: `Dòng 1\n${'x'.repeat(1993)}`, dueDate: '2025-08-31' });
    expect(long.explanation).toHaveLength(2000);
    expect(long.explanation.startsWith('Dòng 1\n')).toBe(true);
  });

  it('shows the latest commitment on the flag list', async () => {
    const flags = await caller(HEAD_HOAN_KIEM).flags.list({ period: '2025-W31' });
    expect(flags.rows[0]?.commitment).toMatchObject({ unitCode: '00082', dueDate: '2025-08-31', state: 'open' });
    const before = await caller(LEADER).flags.list({ period: '2025-W30' });
    expect(before.rows[0]?.commitment).toBeNull();
  });

  it('judges each commitment from the data as time passes: open, then missed or met', async () => {
    const states = async () => Object.fromEntries((await caller(LEADER).commitments.list({ unitCode: '00082' })).map((c) => [`${c.measure} ${c.dueDate}`, [c.state, c.judgedIn]]));
    expect(await states()).toEqual({ 'onlineRate 2025-08-17': ['open', null], 'onTimeRate 2025-08-10': ['open', null], 'onlineRate 2025-08-31': ['open', null] });
    now = Date.parse('2025-08-11T01:00:00Z');
    expect(await states()).toEqual({ 'onlineRate 2025-08-17': ['open', null], 'onTimeRate 2025-08-10': ['missed', '2025-W32'], 'onlineRate 2025-08-31': ['open', null] });
    now = Date.parse('2025-08-18T01:00:00Z');
    expect(await states()).toEqual({ 'onlineRate 2025-08-17': ['met', '2025-W33'], 'onTimeRate 2025-08-10': ['missed', '2025-W32'], 'onlineRate 2025-08-31': ['met', '2025-W33'] });
    now = FIXTURE_NOW;
  });

  it('lets a unit head read only their own unit\'s history; leaders read all', async () => {
    expect(await codeOf(caller(HEAD_HOAN_KIEM).commitments.list({ unitCode: '00082' }))).toBe('FORBIDDEN');
    expect(await caller(HEAD_HOAN_KIEM).commitments.list()).toEqual([]);
    expect((await caller(HEAD_CUA_NAM).commitments.list()).length).toBe(3);
    expect((await caller(LEADER).commitments.list({ period: '2025-W31' })).length).toBe(3);
    expect(await caller(LEADER).commitments.list({ period: '2025-W30' })).toEqual([]);
  });
});

describe('decisions of the meeting', () => {
  const decision = { unitCode: '00082', period: '2025-W31', decision: 'Giao Chủ tịch UBND phường báo cáo tiến độ tại giao ban tuần 33.', owner: 'Văn phòng UBND Thành phố', dueDate: '2025-08-18' };

  it('are added by leaders, listed on the unit, audited', async () => {
    const added = await caller(LEADER).decisions.add(decision);
    expect(added).toMatchObject({ ...decision, createdBy: 'leader' });
    expect(await caller(HEAD_CUA_NAM).decisions.list({ unitCode: '00082' })).toEqual([added]);
    expect(await codeOf(caller(HEAD_HOAN_KIEM).decisions.list({ unitCode: '00082' }))).toBe('FORBIDDEN');
    expect((await caller(ADMIN).audit.list()).some((e) => e.action === 'decision.add' && e.actor === 'leader' && e.target === '00082')).toBe(true);
  });

  it('are not for unit heads to write, nor due in the past', async () => {
    expect(await codeOf(caller(HEAD_CUA_NAM).decisions.add(decision))).toBe('FORBIDDEN');
    expect(await messageOf(caller(LEADER).decisions.add({ ...decision, dueDate: '2025-08-01' }))).toMatch(/has passed/);
    expect(await messageOf(caller(LEADER).decisions.add({ ...decision, owner: '' }))).toMatch(/owner: is empty/);
  });
});

describe('accounts for notices', () => {
  it('take an optional, validated e-mail address and a language', async () => {
    const admin = caller(ADMIN);
    expect(await messageOf(admin.users.create({ username: 'pho-ct', role: 'leader', password: 'một mật khẩu đủ dài 2025', email: 'not-an-address' }))).toMatch(/email: is not an e-mail address/);
    const created = await admin.users.create({ username: 'pho-ct', role: 'leader', password: 'một mật khẩu đủ dài 2025', email: 'pho.ct@hanoi.gov.vn', language: 'en' });
    expect(created).toMatchObject({ email: 'pho.ct@hanoi.gov.vn', language: 'en' });
    const updated = await admin.users.update({ username: 'pho-ct', displayName: 'Phó Chủ tịch' });
    expect(updated).toMatchObject({ email: 'pho.ct@hanoi.gov.vn', language: 'en', displayName: 'Phó Chủ tịch' });
    expect(await admin.users.update({ username: 'pho-ct', email: null })).toMatchObject({ email: null });
  });

  it('are made with an address from the command line too (`chiso user add --email`)', async () => {
    const base = { username: 'chanh-vp', role: 'leader', unitCode: null, displayName: null, password: 'một mật khẩu đủ dài 2025' };
    expect(await messageOf(addAccount(store, { ...base, email: 'chanh-vp@' }))).toMatch(/email: is not an e-mail address/);
    await addAccount(store, { ...base, email: 'chanh-vp@hanoi.gov.vn', language: 'en' });
    expect(await store.getAccount('chanh-vp')).toMatchObject({ email: 'chanh-vp@hanoi.gov.vn', language: 'en' });
  });

  it('let every user choose the language of their own notices', async () => {
    await caller(HEAD_CUA_NAM).notices.setLanguage({ language: 'en' });
    expect((await store.getAccount('head-00082'))?.language).toBe('en');
    await caller(HEAD_CUA_NAM).notices.setLanguage({ language: 'vi' });
    expect((await store.getAccount('head-00082'))?.language).toBe('vi');
  });
});
