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
