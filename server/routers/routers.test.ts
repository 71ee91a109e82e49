import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ranking } from '../analytics/ranking';
import { createInnerContext, type Viewer } from '../context';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStore } from '../testing/fixture';
import { createCallerFactory } from '../trpc';
import { appRouter } from './_app';
import { outcomeOf } from '../testing/trpc-outcome';

const LEADER: Viewer = { username: 'leader', role: 'leader', unitCode: null };
let store: Store;
const caller = (viewer: Viewer | null = LEADER) => createCallerFactory(appRouter)(createInnerContext(fixtureDeps(store), fixtureAuth(store), viewer));

const codeOf = (promise: Promise<unknown>) => outcomeOf(promise);

beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => store.close());

describe('kpi.ranking', () => {
  it('ranks the commune group, with units under the minimum volume listed after', async () => {
    const out = await caller().kpi.ranking({ period: '2025-W31', group: 'commune' });
    expect(out.rows.map((r) => [r.unitCode, r.rank, r.status])).toEqual([
      ['00070', 1, 'ranked'],
      ['00082', 2, 'ranked'],
      ['04144', null, 'insufficient-data'],
    ]);
    const hk = out.rows[0];
    expect(out.index).toEqual({ id: 'chiso-v2', version: 1 });
    expect(hk).toMatchObject({ received: 40, online: 30, onlineRate: 75, onTimeRate: 100, endToEndRate: 37.5, index: 77.5, rating: 'Khá', rankChange: 0, indexCoverage: 100 });
    expect(hk?.components).toEqual([
      { code: 'onTimeRate', group: 'progress', points: 40, maxPoints: 40, ratio: 100, numerator: 40, denominator: 40, source: 'dossiers' },
      { code: 'onlineRate', group: 'online', points: 26.25, maxPoints: 30, ratio: 75, numerator: 30, denominator: 40, source: 'dossiers' },
      { code: 'endToEndRate', group: 'online', points: 11.25, maxPoints: 30, ratio: 37.5, numerator: 15, denominator: 40, source: 'dossiers' },
    ]);
    const v1 = await caller().kpi.ranking({ period: '2025-W31', group: 'commune', index: 'chiso-v1' });
    expect(v1.index).toEqual({ id: 'chiso-v1', version: 1 });
    expect(v1.rows[0]).toMatchObject({ unitCode: '00070', index: 81.25, rating: 'Tốt' });
    const cn = out.rows[1];
    expect(cn?.flags).toEqual([
      { measure: 'onlineRate', target: 60, value: 50, state: 'below', periodsBelow: 2 },
      { measure: 'onTimeRate', target: 100, value: 97.5, state: 'below', periodsBelow: 2 },
    ]);
  });

  it('keeps a complete period\'s ranking for the data version, and recomputes it after a data change', async () => {
    const deps = fixtureDeps(store);
    const first = await ranking(deps, { period: '2025-W31', group: 'commune' });
    const again = await ranking(deps, { period: '2025-W31', group: 'commune' });
    expect(again.rows).toBe(first.rows);
    await store.upsertTarget({ measure: 'endToEndRate', kind: 'ward', unitCode: null, threshold: 20, effectiveFrom: '2025-07-21', deadline: null }, { actor: 'test', action: 'target.upsert', target: null, before: null, after: null, address: null });
    const after = await ranking(deps, { period: '2025-W31', group: 'commune' });
    expect(after.rows).not.toBe(first.rows);
    expect(after.rows[0]?.flags.map((f) => f.measure)).toContain('endToEndRate');
    await store.deleteTarget({ measure: 'endToEndRate', kind: 'ward', unitCode: null, effectiveFrom: '2025-07-21' }, { actor: 'test', action: 'target.delete', target: null, before: null, after: null, address: null });
  });

  it('refuses an index definition that does not exist, by name', async () => {
    await expect(caller().kpi.ranking({ period: '2025-W31', group: 'commune', index: 'no-such-index' })).rejects.toThrow('There is no index definition "no-such-index".');
  });

  it('explains a rank change by component, against the previous period', async () => {
    const out = await caller().units.rankChange({ unitCode: '00082', period: '2025-W31' });
    expect(out).toMatchObject({ previousPeriod: '2025-W30', definition: { id: 'chiso-v2', version: 1 } });
    expect(out.components.map((c) => c.code)).toEqual(['onTimeRate', 'onlineRate', 'endToEndRate']);
    const sum = out.components.reduce((s, c) => s + (c.change ?? 0), 0);
    expect(out.indexChange).toBeCloseTo(sum, 1);
    expect(out.index).toBe((await caller().kpi.ranking({ period: '2025-W31', group: 'commune' })).rows.find((r) => r.unitCode === '00082')?.index);
  });

  it('answers what-if with the ranking maths: Cửa Nam at Hoàn Kiếm\'s figures would tie with it', async () => {
    const ranking = await caller().kpi.ranking({ period: '2025-W31', group: 'commune' });
    const hk = ranking.rows.find((r) => r.unitCode === '00070');
    const out = await caller().kpi.whatIf({ unitCode: '00082', period: '2025-W31', changes: [{ code: 'onlineRate', value: 75 }, { code: 'endToEndRate', value: 37.5 }, { code: 'onTimeRate', value: 100 }] });
    expect(out.before.rank).toBe(2);
    expect(out.after).toMatchObject({ index: hk?.index, rank: 1, onlineRate: 75, onTimeRate: 100 });
  });

  it('refuses a unit head asking what-if for another unit', async () => {
    const head = caller({ username: 'head-00070', role: 'unit_head', unitCode: '00070' });
    await expect(head.kpi.whatIf({ unitCode: '00082', period: '2025-W31', changes: [{ code: 'online', value: 10 }] })).rejects.toThrow(/own unit/);
  });

  it('forecasts each target below with a deadline, and marks a deadline already past', async () => {
    const d = await caller().units.detail({ unitCode: '00082', period: '2025-W31' });
    expect(d.forecasts.map((f) => [f.measure, f.outcome])).toEqual([['onlineRate', 'deadline-passed'], ['onTimeRate', 'deadline-passed']]);
  });

  it('takes figures at the cut-off: mid-week, open dossiers past due are late', async () => {
    const out = await caller().kpi.ranking({ period: '2025-W32', group: 'department', asOf: '2025-08-05T00:00:00Z' });
    expect(out.asOf).toBe('2025-08-05T00:00:00.000Z');
    expect(out.rows[0]).toMatchObject({ unitCode: 'SO-TP', rank: null, status: 'insufficient-data' });
    expect(out.rows[0]?.received).toBeLessThan(40);
  });

  it('refuses a malformed period with BAD_REQUEST', async () => {
    expect(await codeOf(caller().kpi.ranking({ period: '2025-W99', group: 'commune' }))).toBe('BAD_REQUEST');
    expect(await codeOf(caller().kpi.ranking({ period: 'last week', group: 'commune' }))).toBe('BAD_REQUEST');
  });
});

describe('units', () => {
  it('gives a unit its measures, targets, flags, rank and the procedures that pull it down', async () => {
    const d = await caller().units.detail({ unitCode: '00082', period: '2025-W31' });
    expect(d.unit.name).toBe('Phường Cửa Nam');
    expect(d.measures).toMatchObject({ received: 40, online: 20, onTimeRate: 97.5, avgProcessingDays: 1.05, medianProcessingDays: 1, p90ProcessingDays: 1 });
    expect(d.targets.map((t) => [t.measure, t.threshold, t.deadline, t.scope])).toEqual([
      ['onlineRate', 60, '2025-07-30', 'kind'],
      ['onTimeRate', 100, '2025-07-30', 'kind'],
    ]);
    expect(d).toMatchObject({ rank: 2, rankedUnits: 2, status: 'ranked' });
    expect(d.procedures[0]).toMatchObject({ procedureCode: '1.000894', received: 10, onTime: 9 });
    expect(d.procedures.reduce((s, p) => s + p.received, 0)).toBe(40);
  });

  it('draws a trend with the target line, which starts when the target takes effect', async () => {
    const t = await caller().units.trend({ unitCode: '00070', measure: 'onlineRate', from: '2025-07-14', to: '2025-08-03', granularity: 'week' });
    expect(t.points.map((p) => [p.period, p.value, p.target])).toEqual([
      ['2025-W29', null, null],
      ['2025-W30', 75, 60],
      ['2025-W31', 75, 60],
    ]);
    expect(t.deadlines).toEqual([{ date: '2025-07-30', threshold: 60 }]);
  });

  it('answers NOT_FOUND for an unknown unit', async () => {
    expect(await codeOf(caller().units.detail({ unitCode: '99999', period: '2025-W31' }))).toBe('NOT_FOUND');
  });

  it('lets a unit head into their own unit only', async () => {
    const head: Viewer = { username: 'head-00070', role: 'unit_head', unitCode: '00070' };
    expect(await codeOf(caller(head).units.detail({ unitCode: '00070', period: '2025-W31' }))).toBe('OK');
    expect(await codeOf(caller(head).units.detail({ unitCode: '00082', period: '2025-W31' }))).toBe('FORBIDDEN');
    expect(await codeOf(caller(head).units.trend({ unitCode: '00082', measure: 'onlineRate', from: '2025-07-14', to: '2025-08-03', granularity: 'week' }))).toBe('FORBIDDEN');
    expect(await codeOf(caller(null).kpi.ranking({ period: '2025-W31', group: 'commune' }))).toBe('UNAUTHORIZED');
  });
});

describe('flags, overview, periods', () => {
  it('lists flagged units worst first with their head and the measures failed', async () => {
    const f = await caller().flags.list({ period: '2025-W31' });
    expect(f.rows.map((r) => [r.unitCode, r.headName, r.periodsBelow, r.failed.map((x) => [x.measure, x.gap])])).toEqual([
      ['00082', 'Chủ tịch UBND Phường Cửa Nam', 2, [['onlineRate', -10], ['onTimeRate', -2.5]]],
    ]);
  });

  it('sums the city per group against targets, with the change since the previous period', async () => {
    const o = await caller().kpi.overview({ period: '2025-W31' });
    const communes = o.groups.find((g) => g.group === 'commune');
    expect(communes).toMatchObject({ unitCount: 3, states: { below: 1, atRisk: 0, met: 2, noData: 0 }, insufficientData: 1 });
    expect(communes?.measures).toMatchObject({ received: 90, online: 59 });
    expect(communes?.targets).toEqual([
      { measure: 'onlineRate', threshold: 60, kinds: ['ward', 'commune'], deadline: '2025-07-30', deadlinePassed: true },
      { measure: 'onTimeRate', threshold: 100, kinds: ['ward'], deadline: '2025-07-30', deadlinePassed: true },
    ]);
    expect(o.comparison).toBe('full');
    const ranking = await caller().kpi.ranking({ period: '2025-W31', group: 'commune' });
    const ranked = ranking.rows.filter((r) => r.rank !== null);
    expect(communes?.index.average).toBeCloseTo(ranked.reduce((s, r) => s + (r.index as number), 0) / ranked.length, 2);
    expect(communes?.best.map((b) => b.unitCode)).toEqual(ranked.map((r) => r.unitCode));
    expect(communes?.worst[0]?.unitCode).toBe(ranked[ranked.length - 1]?.unitCode);
    expect(communes?.series.map((s) => s.period).slice(-3)).toEqual(['2025-W29', '2025-W30', '2025-W31']);
    expect(communes?.series.at(-1)?.measures.received).toBe(90);
    expect(o.city.measures.received).toBe(130);
    expect(o.previousPeriod).toBe('2025-W30');
    expect(o.period).toMatchObject({ id: '2025-W31', startDate: '2025-07-28', endDate: '2025-08-03', complete: true, cutOff: '2025-08-03T17:00:00.000Z' });
  });

  it('compares a week in progress with the previous week cut at the same point, not with all of it', async () => {
    const o = await caller().kpi.overview({ period: '2025-W32', asOf: '2025-08-05T03:00:00Z' });
    expect(o.comparison).toBe('same-elapsed');
    const communes = o.groups.find((g) => g.group === 'commune');
    expect(communes?.previous?.received).toBe(communes?.measures.received);
    expect(communes?.index.previousAverage).toBeNull();
  });

  it('lists weeks from the first data to now and opens on the last complete week', async () => {
    const p = await caller().periods.list({ kind: 'week' });
    expect(p.defaultPeriod).toBe('2025-W31');
    expect(p.periods.map((x) => x.id)).toEqual(['2025-W32', '2025-W31', '2025-W30']);
    expect(p.periods[0]?.complete).toBe(false);
  });
});
