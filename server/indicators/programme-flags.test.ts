import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/indicator';
import { createInnerContext, type Viewer } from '../context';
import { appRouter } from '../routers/_app';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStore } from '../testing/fixture';
import { createCallerFactory } from '../trpc';
import { outcomeOf } from '../testing/trpc-outcome';

const ADMIN: Viewer = { username: 'admin', role: 'admin', unitCode: null };
const LEADER: Viewer = { username: 'leader', role: 'leader', unitCode: null };
const head = (unitCode: string): Viewer => ({ username: `head-${unitCode}`, role: 'unit_head', unitCode });
const VNEID: Indicator = {
  code: 'DA06_VNEID_APPLICATIONS', name: 'Hồ sơ định danh điện tử so với chỉ tiêu', nameEn: 'e-ID applications against the quota', pillar: 'da06', unit: 'percent',
  direction: 'higher', frequency: 'month', kinds: ['ward'], description: null,
};

let store: Store;
let deps: ReturnType<typeof fixtureDeps>;
const caller = (viewer: Viewer) => createCallerFactory(appRouter)(createInnerContext(deps, fixtureAuth(store), viewer));

const codeOf = (promise: Promise<unknown>) => outcomeOf(promise, true);

beforeAll(async () => {
  store = await fixtureStore();
  deps = fixtureDeps(store);
  await caller(ADMIN).indicators.upsert(VNEID);
  await caller(ADMIN).targets.upsert({ measure: 'DA06_VNEID_APPLICATIONS', kind: 'ward', threshold: 70, effectiveFrom: '2025-06-01' });
  // July, the last month ended by W32 (the fixture's week in progress): Cửa Nam below, Hoàn Kiếm above.
  await caller(head('00082')).indicators.submit({ indicator: 'DA06_VNEID_APPLICATIONS', unitCode: '00082', period: '2025-06', numerator: 6, denominator: 10 });
  await caller(head('00082')).indicators.submit({ indicator: 'DA06_VNEID_APPLICATIONS', unitCode: '00082', period: '2025-07', numerator: 5, denominator: 10 });
  await caller(head('00070')).indicators.submit({ indicator: 'DA06_VNEID_APPLICATIONS', unitCode: '00070', period: '2025-07', numerator: 9, denominator: 10 });
});
afterAll(() => store.close());

describe('targets on indicators', () => {
  it('are set like measure targets, audited, and refused for a code not in the catalogue or a percentage over 100', async () => {
    expect((await caller(ADMIN).targets.list()).filter((t) => t.measure === 'DA06_VNEID_APPLICATIONS')).toHaveLength(1);
    expect((await store.listAudit(50, 0)).some((a) => a.action === 'target.upsert' && a.target?.startsWith('DA06_VNEID_APPLICATIONS/'))).toBe(true);
    expect(await codeOf(caller(ADMIN).targets.upsert({ measure: 'DA06_NO_SUCH', kind: 'ward', threshold: 70, effectiveFrom: '2025-06-01' }))).toBe(
      'BAD_REQUEST: "DA06_NO_SUCH" is not a measure, nor an indicator of the catalogue.',
    );
    expect(await codeOf(caller(ADMIN).targets.upsert({ measure: 'DA06_VNEID_APPLICATIONS', kind: 'ward', threshold: 101, effectiveFrom: '2025-06-01' }))).toMatch(/^BAD_REQUEST: .*cannot be over 100/);
    expect(await codeOf(caller(ADMIN).targets.upsert({ measure: 'not a code', kind: 'ward', threshold: 1, effectiveFrom: '2025-06-01' }))).toMatch(/^BAD_REQUEST/);
  });
});

describe('flags from reported values', () => {
  it('flag the unit below on the indicator in the ranking and the flag list, with the months below in a row', async () => {
    const list = await caller(LEADER).flags.list({ period: '2025-W32' });
    const cuaNam = list.rows.find((r) => r.unitCode === '00082');
    expect(cuaNam?.failed).toContainEqual({ measure: 'DA06_VNEID_APPLICATIONS', target: 70, value: 50, gap: -20, periodsBelow: 2 });
    expect(cuaNam?.flags).toContainEqual({ measure: 'DA06_VNEID_APPLICATIONS', target: 70, value: 50, state: 'below', periodsBelow: 2, period: '2025-07' });
    const ranking = await caller(LEADER).kpi.ranking({ period: '2025-W32', group: 'commune' });
    expect(ranking.rows.find((r) => r.unitCode === '00070')?.flags).toContainEqual({ measure: 'DA06_VNEID_APPLICATIONS', target: 70, value: 90, state: 'met', periodsBelow: 0, period: '2025-07' });
    // Sóc Sơn is a commune: the indicator is reported by wards only, so it has no flag for it.
    expect(ranking.rows.find((r) => r.unitCode === '04144')?.flags.some((f) => f.measure === 'DA06_VNEID_APPLICATIONS')).toBe(false);
  });

  it('show the city against the target under its pillar, with the units below', async () => {
    const out = await caller(LEADER).indicators.pillars({ period: '2025-W32' });
    expect(out.pillars.map((p) => p.pillar)).toEqual(['cchc', 'cds', 'da06']);
    const row = out.pillars.find((p) => p.pillar === 'da06')?.indicators[0];
    expect(row).toMatchObject({
      code: 'DA06_VNEID_APPLICATIONS', period: '2025-07', targets: [{ threshold: 70, kinds: ['ward'] }], cityValue: 70, cityState: 'at-risk', units: 2, reported: 2,
      states: { below: 1, atRisk: 0, met: 1, noData: 0 },
      below: [{ unitCode: '00082', unitName: 'Phường Cửa Nam', kind: 'ward', value: 50, target: 70, periodsBelow: 2 }],
    });
  });

  it("give a unit its indicators with target, trend and state, and the closed months it has not reported; a returned value is no-data", async () => {
    const mine = await caller(head('00070')).indicators.unit({ unitCode: '00070', period: '2025-W32' });
    const vneid = mine.indicators.find((i) => i.code === 'DA06_VNEID_APPLICATIONS');
    expect(vneid).toMatchObject({ period: '2025-07', value: 90, target: 70, state: 'met', periodsBelow: 0 });
    expect(vneid?.trend.map((p) => p.period)).toEqual(['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
    expect(mine.unreported).toContainEqual({ indicator: 'DA06_VNEID_APPLICATIONS', period: '2025-06', dueDate: '2025-07-05', late: true });
    expect(mine.unreported.some((u) => u.indicator === 'DA06_VNEID_APPLICATIONS' && u.period === '2025-07')).toBe(false);
    expect(await codeOf(caller(head('00070')).indicators.unit({ unitCode: '00082', period: '2025-W32' }))).toMatch(/^FORBIDDEN/);

    await caller(LEADER).indicators.returnValue({ indicator: 'DA06_VNEID_APPLICATIONS', unitCode: '00082', period: '2025-07', comment: 'Mẫu số chưa đúng chỉ tiêu giao.' });
    const after = await caller(LEADER).indicators.unit({ unitCode: '00082', period: '2025-W32' });
    expect(after.indicators.find((i) => i.code === 'DA06_VNEID_APPLICATIONS')).toMatchObject({ value: null, state: 'no-data', periodsBelow: 0 });
    expect(after.unreported).toContainEqual({ indicator: 'DA06_VNEID_APPLICATIONS', period: '2025-07', dueDate: '2025-08-05', late: true });
    expect((await caller(LEADER).flags.list({ period: '2025-W32' })).rows.find((r) => r.unitCode === '00082')?.failed.some((f) => f.measure === 'DA06_VNEID_APPLICATIONS')).toBe(false);
  });
});
