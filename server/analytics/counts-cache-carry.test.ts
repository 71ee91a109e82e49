import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustParsePeriod } from '../../shared/kpi/periods';
import type { DossierRecord } from '../../shared/schemas/dossier';
import type { Store, Window } from '../store/port';
import { dayNumber } from '../store/rollup-sql';
import { ENGINES } from '../store/testing/engines';
import { HOUR, lcg, outcome, randomDossiers, UNIT_COUNT, writeDossiers } from '../store/testing/random-dossiers';
import { CountsCache } from './counts-cache';
import { cachedUnits } from './deps';
import { ranking } from './ranking';

const DAY = 86_400_000;
const weeks = Array.from({ length: 10 }, (_, i) => mustParsePeriod(`2025-W${26 + i}`));
const months = ['2025-06', '2025-07', '2025-08'].map((id) => mustParsePeriod(id));
/** Weeks and months (from the rollups), and two windows cut mid-day (counted from dossiers). */
const PERIODS: Window[] = [...weeks.map((p) => ({ start: p.start, cutOff: p.end })), ...months.map((p) => ({ start: p.start, cutOff: p.end }))];
const MID_DAY: Window[] = [
  { start: (weeks[5] as { start: number }).start, cutOff: (weeks[5] as { start: number }).start + 3 * DAY + 13 * HOUR },
  { start: (months[1] as { start: number }).start, cutOff: (months[1] as { start: number }).start + 20 * DAY + 7 * HOUR },
];
const WINDOWS: Window[] = [...PERIODS, ...MID_DAY];

/** The store, with every countsByWindow call it answers written down. */
function watched(store: Store): { store: Store; calls: { windows: readonly Window[]; units: readonly string[] | undefined }[] } {
  const calls: { windows: readonly Window[]; units: readonly string[] | undefined }[] = [];
  const spy: Store = Object.create(store, {
    countsByWindow: { value: (windows: readonly Window[], units?: readonly string[]) => (calls.push({ windows, units }), store.countsByWindow(windows, units)) },
  });
  return { store: spy, calls };
}

describe.each(ENGINES)('the counts cache across imports, on $name (decision 029)', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
    await writeDossiers(store, randomDossiers(700, 301));
  });
  afterAll(() => store.close());

  it('keeps the windows an import does not reach, counts again only the changed units of those it does, and answers as the store', async () => {
    const cache = new CountsCache();
    const { store: spy, calls } = watched(store);
    expect(await cache.countsByUnit(spy, WINDOWS)).toEqual(await store.countsByUnit(WINDOWS));

    // A week's new dossiers of one unit: only windows holding that week are asked again, and only for that unit.
    const week = weeks[7] as { start: number; end: number };
    const fresh = randomDossiers(30, 302).map((d, i) => ({ ...d, dossierId: `W-${i}`, unitCode: 'U3', receivedAt: week.start + (d.receivedAt % (7 * DAY)), dueAt: week.start + (d.receivedAt % (7 * DAY)) + 5 * DAY, completedAt: null, status: null }));
    await writeDossiers(store, fresh);
    calls.length = 0;
    expect(await cache.countsByUnit(spy, WINDOWS)).toEqual(await store.countsByUnit(WINDOWS));
    // Windows cut mid-day (a period in progress cut at "now") are not carried: they are counted again, every unit.
    const key = (w: Window) => `${w.start}|${w.cutOff}`;
    const [patched, recounted] = [calls.find((c) => c.units !== undefined), calls.find((c) => c.units === undefined)];
    expect(calls).toHaveLength(2);
    expect(patched?.units).toEqual(['U3']);
    expect(new Set(recounted?.windows.map(key))).toEqual(new Set(MID_DAY.map(key)));
    const lo = Math.min(...fresh.map((d) => dayNumber(d.receivedAt)));
    const hi = Math.max(...fresh.map((d) => dayNumber(d.receivedAt)));
    const reached = PERIODS.filter((w) => dayNumber(w.start) <= hi && dayNumber(w.cutOff - 1) >= lo);
    expect(new Set(patched?.windows.map(key))).toEqual(new Set(reached.map(key)));
    expect(reached.length).toBeLessThan(PERIODS.length);

    // A change of targets moves the version and changes no dossier: no period is counted again.
    await store.replaceTargets([{ measure: 'onTimeRate', kind: 'ward', unitCode: null, threshold: 100, effectiveFrom: '2025-07-01', deadline: null }], null);
    calls.length = 0;
    expect(await cache.countsByUnit(spy, WINDOWS)).toEqual(await store.countsByUnit(WINDOWS));
    expect(calls.map((c) => new Set(c.windows.map(key)))).toEqual([new Set(MID_DAY.map(key))]);
  });

  it('answers as the store after random imports that add, replace, move dossiers between units and days, and withdraw them', async () => {
    const cache = new CountsCache();
    const rnd = lcg(303);
    const stored = randomDossiers(700, 301);
    await cache.countsByUnit(store, WINDOWS);
    for (let round = 0; round < 6; round++) {
      const batch: DossierRecord[] = [];
      for (let k = 0; k < 1 + Math.floor(rnd() * 12); k++) {
        const old = stored[Math.floor(rnd() * stored.length)] as DossierRecord;
        const shift = Math.floor((rnd() - 0.5) * 20) * DAY + Math.floor(rnd() * 24) * HOUR;
        const r = rnd();
        batch.push(
          r < 0.3
            ? { ...old, receivedAt: old.receivedAt + shift, dueAt: old.dueAt + shift, completedAt: old.completedAt === null ? null : old.completedAt + shift }
            : r < 0.55
              ? { ...old, unitCode: `U${Math.floor(rnd() * 7)}` }
              : r < 0.7
                ? { ...old, status: 'withdrawn' }
                : { ...old, dossierId: `R${round}-${k}`, completedAt: rnd() < 0.5 ? null : old.receivedAt + Math.floor(rnd() * 9 * 24) * HOUR },
        );
      }
      await writeDossiers(store, [...new Map(batch.map((d) => [d.dossierId, d])).values()]);
      expect(await cache.countsByUnit(store, WINDOWS), `round ${round}`).toEqual(await store.countsByUnit(WINDOWS));
    }
  });

  it('keeps answers that read no dossier (units, targets…) across an import, and not across a change of targets', async () => {
    const cache = new CountsCache();
    let reads = 0;
    const counting: Store = Object.create(store, { listUnits: { value: () => ((reads += 1), store.listUnits()) } });
    const deps = { store: counting, cache, minVolume: 30, now: Date.now };
    const units = await cachedUnits(deps);
    expect(reads).toBe(1);
    await writeDossiers(store, randomDossiers(5, 304).map((d, i) => ({ ...d, dossierId: `K-${i}` })));
    expect(await cachedUnits(deps)).toBe(units);
    expect(reads).toBe(1);
    // A change of targets is not an import of dossiers: every answer is read again.
    await store.replaceTargets([{ measure: 'onTimeRate', kind: 'ward', unitCode: null, threshold: 99, effectiveFrom: '2025-07-01', deadline: null }], null);
    expect(await cachedUnits(deps)).toEqual(units);
    expect(reads).toBe(2);
  });

  it('ranks after an import as a new cache would, building again only the rows of the unit the import changed', async () => {
    const units = Array.from({ length: UNIT_COUNT }, (_, i) => ({ code: `U${i}`, name: `Phường ${i}`, nameEn: null, kind: 'ward' as const, parentCode: null, headName: null, headTitle: null, population: null }));
    await store.replaceUnits(units, outcome(units.length, 'units'));
    await store.replaceTargets([{ measure: 'onTimeRate', kind: 'ward', unitCode: null, threshold: 100, effectiveFrom: '2025-06-01', deadline: null }, { measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 60, effectiveFrom: '2025-06-01', deadline: null }], null);
    const deps = { store, cache: new CountsCache(), minVolume: 1, now: () => Date.parse('2025-09-15T00:00:00Z') };
    const ask = (d: typeof deps) => ranking(d, { period: '2025-W32', group: 'commune' });
    const first = await ask(deps);
    const week = mustParsePeriod('2025-W32');
    await writeDossiers(store, randomDossiers(40, 305).map((d, i) => ({ ...d, dossierId: `P-${i}`, unitCode: 'U3', receivedAt: week.start + (d.receivedAt % (7 * DAY)), dueAt: week.start + (d.receivedAt % (7 * DAY)) + 2 * DAY })));
    const after = await ask(deps);
    expect(after).toEqual(await ask({ ...deps, cache: new CountsCache() }));
    expect(after.rows.find((r) => r.unitCode === 'U3')?.received).toBeGreaterThan(first.rows.find((r) => r.unitCode === 'U3')?.received ?? 0);
    const before = new Map(first.rows.map((r) => [r.unitCode, r.components]));
    expect(after.rows.filter((r) => r.components !== before.get(r.unitCode)).map((r) => r.unitCode)).toEqual(['U3']);
  });
});
