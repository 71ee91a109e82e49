import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustParsePeriod } from '../../shared/kpi/periods';
import type { Store } from '../store/port';
import { fixtureDossiers, fixtureStore } from '../testing/fixture';
import { CountsCache } from './counts-cache';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => store.close());

describe('CountsCache', () => {
  it('answers as the store does, and sees new data as soon as it is written', async () => {
    const cache = new CountsCache();
    const w31 = mustParsePeriod('2025-W31');
    const windows = [{ start: w31.start, cutOff: w31.end }];
    const before = await cache.countsByUnit(store, windows, ['00070', '00082']);
    expect(before).toEqual(await store.countsByUnit(windows, ['00070', '00082']));
    expect(before.get('00070')?.[0]?.received).toBe(40);

    const writer = await store.openDossierWriter();
    const extra = fixtureDossiers().filter((d) => d.unitCode === '00070').slice(40, 45).map((d) => ({ ...d, dossierId: `${d.dossierId}-new` }));
    for (const d of extra) writer.append(d);
    await writer.commit({ kind: 'dossiers', fileName: 'more', rows: extra.length, outcome: 'imported', errorCount: 0, actor: null, startedAt: 0 });

    const after = await cache.countsByUnit(store, windows, ['00070']);
    expect(after.get('00070')?.[0]?.received).toBe(45);
    expect([...after.keys()]).toEqual(['00070']);
  });
});

describe('the data version', () => {
  it('moves with data, and not with sign-ins, audit entries, reports or schedule claims', async () => {
    const v0 = await store.dataVersion();
    await store.createSession('hash-1', 'leader', Date.now(), Date.now() + 3_600_000);
    await store.audit({ actor: 'leader', action: 'auth.login', target: null, before: null, after: null, address: '127.0.0.1' });
    await store.claimRun(`test-run-${Date.now()}`, 'test');
    await store.recordImport({ kind: 'dossiers', fileName: 'refused.csv', rows: 3, outcome: 'refused', errorCount: 1, actor: null, startedAt: Date.now() });
    expect(await store.dataVersion()).toBe(v0);
    await store.replaceTargets([{ measure: 'onTimeRate', kind: 'commune', unitCode: null, threshold: 100, effectiveFrom: '2025-07-01', deadline: null }], null);
    expect(await store.dataVersion()).toBeGreaterThan(v0);
  });
});

describe('CountsCache under concurrency', () => {
  it('computes a window once for concurrent callers', async () => {
    const cache = new CountsCache();
    const w31 = mustParsePeriod('2025-W31');
    const windows = [{ start: w31.start, cutOff: w31.end }];
    let queries = 0;
    const counting: Store = Object.create(store, { countsByWindow: { value: (...args: Parameters<Store['countsByWindow']>) => ((queries += 1), store.countsByWindow(...args)) } });
    const together = await Promise.all(Array.from({ length: 20 }, () => cache.countsByUnit(counting, windows)));
    expect(queries).toBe(1);
    expect(together.every((r) => r.get('00070')?.[0]?.received === together[0]?.get('00070')?.[0]?.received)).toBe(true);
  });

  it('answers a request whose data version moved while it waited for the database (once a TypeError and HTTP 500)', async () => {
    const cache = new CountsCache();
    const w31 = mustParsePeriod('2025-W31');
    const wA = { start: w31.start, cutOff: w31.end };
    const wB = { start: w31.start, cutOff: w31.end - 60_000 };
    let version = 1;
    let release: () => void = () => undefined;
    let gated = false;
    const fake: Store = Object.create(store, {
      dataVersion: { value: async () => version },
      countsByWindow: {
        value: async (...args: Parameters<Store['countsByWindow']>) => {
          if (gated) await new Promise<void>((r) => (release = r));
          return store.countsByWindow(...args);
        },
      },
    });
    await cache.countsByUnit(fake, [wA]);
    gated = true;
    const inFlight = cache.countsByUnit(fake, [wA, wB], ['00070']);
    await new Promise((r) => setTimeout(r, 20));
    version = 2;
    await cache.remember(fake, 'anything', async () => 1);
    release();
    const answer = await inFlight;
    expect(answer.get('00070')?.[0]).toEqual((await store.countsByUnit([wA], ['00070'])).get('00070')?.[0]);
  });

  it('keeps the last parts per key, at most 32 keys and 20,000 entries in all, the least recently kept dropped first', () => {
    const cache = new CountsCache();
    const kept = (key: string) => cache.parts<string>(key);
    cache.keepParts('a', 'A', 12_000);
    cache.keepParts('b', 'B', 7_000);
    cache.keepParts('a', 'A2', 12_000);
    expect([kept('a'), kept('b')]).toEqual(['A2', 'B']);
    // 12,000 + 7,000 + 3,321 > 20,000: the least recently kept (b, since a was kept again) goes.
    cache.keepParts('c', 'C', 3_321);
    expect([kept('a'), kept('b'), kept('c')]).toEqual(['A2', undefined, 'C']);
    // More entries than the bound: not kept, and the others stay.
    cache.keepParts('huge', 'H', 20_001);
    expect([kept('huge'), kept('a'), kept('c')]).toEqual([undefined, 'A2', 'C']);
    for (let i = 0; i < 32; i++) cache.keepParts(`k${i}`, i, 1);
    expect([kept('a'), kept('c'), kept('k0'), kept('k31')]).toEqual([undefined, undefined, 0, 31]);
    cache.keepParts('k32', 32, 1);
    expect([kept('k0'), kept('k1'), kept('k32')]).toEqual([undefined, 1, 32]);
  });
});
