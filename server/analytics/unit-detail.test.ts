import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/port';
import { fixtureDeps, fixtureStore } from '../testing/fixture';
import { CountsCache } from './counts-cache';
import { unitDetail } from './unit-detail';

/** The store with a tally of the per-unit (one statement each) and whole-window breakdown reads it served. */
function counting(store: Store) {
  const calls = { perUnit: 0, whole: 0 };
  const spy = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (key === 'unitBreakdown') calls.perUnit += 1;
      if (key === 'unitBreakdowns') calls.whole += 1;
      return value.bind(target);
    },
  });
  return { spy, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('unit pages after a data change', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore();
  });
  afterAll(() => store.close());

  it('reads the first two units of a complete period on their own, then every unit at once: the next need no query', async () => {
    const { spy, calls } = counting(store);
    const deps = { ...fixtureDeps(store), store: spy, cache: new CountsCache() };
    const first = await unitDetail(deps, { unitCode: '00070', period: '2025-W31' });
    await unitDetail(deps, { unitCode: '00070', period: '2025-W31', index: 'chiso-v1' });
    await settle();
    // One unit asked for, twice: no batch (a unit head paging through periods reads only their unit).
    expect(calls).toEqual({ perUnit: 1, whole: 0 });
    const second = await unitDetail(deps, { unitCode: '00082', period: '2025-W31' });
    await settle();
    expect(calls).toEqual({ perUnit: 2, whole: 1 });
    const third = await unitDetail(deps, { unitCode: 'SO-TP', period: '2025-W31' });
    const fourth = await unitDetail(deps, { unitCode: '04144', period: '2025-W31' });
    expect(calls).toEqual({ perUnit: 2, whole: 1 });
    // The same pages as read unit by unit, from a new cache.
    const fresh = fixtureDeps(store);
    for (const [code, page] of [['00070', first], ['00082', second], ['SO-TP', third], ['04144', fourth]] as const) {
      expect(page, code).toEqual(await unitDetail(fresh, { unitCode: code, period: '2025-W31' }));
    }
    expect(second.procedures.length).toBeGreaterThan(1);
    expect(second.overdue.length + second.procedures.length).toBeGreaterThan(0);
  });

  it('reads a period still in progress unit by unit, since its cut-off moves with the clock', async () => {
    const { spy, calls } = counting(store);
    const deps = { ...fixtureDeps(store), store: spy, cache: new CountsCache() };
    await unitDetail(deps, { unitCode: '00070', period: '2025-W32', asOf: '2025-08-05T03:00:00Z' });
    await settle();
    await unitDetail(deps, { unitCode: '00082', period: '2025-W32', asOf: '2025-08-05T03:00:00Z' });
    expect(calls).toEqual({ perUnit: 2, whole: 0 });
  });

  it('reads them all again after the data changes', async () => {
    const { spy, calls } = counting(store);
    const deps = { ...fixtureDeps(store), store: spy, cache: new CountsCache() };
    await unitDetail(deps, { unitCode: '00070', period: '2025-W31' });
    await unitDetail(deps, { unitCode: '00082', period: '2025-W31' });
    await settle();
    await store.upsertTarget({ measure: 'endToEndRate', kind: 'ward', unitCode: null, threshold: 25, effectiveFrom: '2025-07-21', deadline: null }, { actor: 'test', action: 'target.upsert', target: null, before: null, after: null, address: null });
    await unitDetail(deps, { unitCode: '04144', period: '2025-W31' });
    await unitDetail(deps, { unitCode: 'SO-TP', period: '2025-W31' });
    await settle();
    expect(calls).toEqual({ perUnit: 4, whole: 2 });
  });
});
