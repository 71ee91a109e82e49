import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustParsePeriod } from '../../shared/kpi/periods';
import type { Store } from '../store/port';
import { fixtureDeps, fixtureStore } from '../testing/fixture';
import { cachedValueLookup } from './definitions';

const entry = (action: string) => ({ actor: 'test', action, target: null, before: null, after: null, address: null });

describe('the reported-value lookup across data changes', () => {
  let store: Store;
  let lists = 0;
  let spy: Store;
  beforeAll(async () => {
    store = await fixtureStore();
    spy = new Proxy(store, {
      get(target, key) {
        const v = Reflect.get(target, key, target);
        if (key === 'listIndicatorValues') lists += 1;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  });
  afterAll(() => store.close());

  it('is kept through an import of dossiers, and built again when a value changes', async () => {
    const deps = { ...fixtureDeps(store), store: spy };
    const july = mustParsePeriod('2025-07');
    await store.submitIndicatorValue({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 8, denominator: 10, value: 80, note: null }, 'head', entry('value.report'));
    const first = await cachedValueLookup(deps);
    expect(first('PUBLISH_ON_TIME', '00070', july)).toMatchObject({ numerator: 8, denominator: 10 });
    expect(lists).toBe(1);

    const before = await store.dataVersion();
    const writer = await store.openDossierWriter();
    await writer.commit({ kind: 'dossiers', fileName: 'empty.csv', rows: 0, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
    expect(await store.dataVersion()).toBeGreaterThan(before);
    expect(await cachedValueLookup(deps)).toBe(first);
    expect(lists).toBe(1);

    await store.submitIndicatorValue({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 9, denominator: 10, value: 90, note: null }, 'head', entry('value.correct'));
    const after = await cachedValueLookup(deps);
    expect(lists).toBe(2);
    expect(after('PUBLISH_ON_TIME', '00070', july)).toMatchObject({ numerator: 9, denominator: 10 });
  });

  it('does not keep a lookup read while the values changed, even when they later change back', async () => {
    const july = mustParsePeriod('2025-07');
    const value = (numerator: number) => ({ indicator: 'PUBLISH_ON_TIME', unitCode: '00082', period: '2025-07', numerator, denominator: 10, value: numerator * 10, note: null });
    await store.submitIndicatorValue(value(5), 'head', entry('value.report'));
    // A write lands between the digest read and the read of the values.
    let raced = false;
    const racing = new Proxy(store, {
      get(target, key) {
        const v = Reflect.get(target, key, target);
        if (key === 'listIndicatorValues' && !raced) {
          raced = true;
          return async () => {
            await target.submitIndicatorValue(value(6), 'head', entry('value.correct'));
            return target.listIndicatorValues();
          };
        }
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const deps = { ...fixtureDeps(store), store: racing };
    expect((await cachedValueLookup(deps))('PUBLISH_ON_TIME', '00082', july)).toMatchObject({ numerator: 6 });
    // Back to 5: the digest is the one read before the race, and the answer must be 5, not the 6 read under it.
    await store.submitIndicatorValue(value(5), 'head', entry('value.correct'));
    expect((await cachedValueLookup(deps))('PUBLISH_ON_TIME', '00082', july)).toMatchObject({ numerator: 5 });
  });
});
