import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustParsePeriod, periodsBetween } from '../../../shared/kpi/periods';
import { importFile } from '../../import/run-import';
import type { Store, Window } from '../port';
import { ENGINES } from '../testing/engines';
import { dossiersCsv, lcg, RANDOM_START, randomDossiers, UNIT_COUNT, UNITS_CSV } from '../testing/random-dossiers';

const DAY = 86_400_000;
const UNITS = Array.from({ length: UNIT_COUNT }, (_, u) => `U${u}`);

/** Each list is of disjoint windows: the weeks, the months, and single windows with cut-offs at arbitrary instants. */
function windowLists(): Window[][] {
  const rnd = lcg(77);
  const end = RANDOM_START + 64 * DAY;
  const asOf = RANDOM_START + 41.3 * DAY;
  const periodic = (kind: 'week' | 'month') => periodsBetween(kind, RANDOM_START, end).map((p) => ({ start: p.start, cutOff: Math.min(p.end, asOf) }));
  const arbitrary = Array.from({ length: 30 }, () => {
    const cutOff = RANDOM_START + Math.floor(rnd() * 62 * DAY) + Math.floor(rnd() * 1000);
    return [{ start: cutOff - Math.floor(rnd() * 30 * DAY), cutOff }];
  });
  return [periodic('week'), periodic('month'), ...arbitrary];
}

/** Everything a store answers about the data, in a form two engines can be compared on. */
async function figures(store: Store) {
  const lists = windowLists();
  const single = lists.slice(2).map((l) => l[0] as Window);
  const q3 = mustParsePeriod('2025-Q3');
  const perUnit = await Promise.all(
    UNITS.map(async (unit) => ({
      unit,
      procedures: (await store.procedureCounts(unit, { start: q3.start, cutOff: single[0]?.cutOff ?? q3.end })).sort((a, b) => (a.procedureCode < b.procedureCode ? -1 : 1)),
      quantiles: await Promise.all(single.slice(0, 10).map((w) => store.processingQuantiles(unit, w))),
      overdue: await Promise.all(single.slice(10, 15).map((w) => store.overdueDossiers(unit, w, 50))),
    })),
  );
  const counts = (await Promise.all(lists.map((list) => store.countsByUnit(list)))).map((byUnit) => [...byUnit].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { counts, perUnit, range: await store.receivedRange(), units: await store.listUnits(), imports: (await store.listImports(5)).map((i) => i.rows) };
}

describe('both engines give identical figures for the same file', () => {
  const stores: Store[] = [];

  beforeAll(async () => {
    const { csv } = dossiersCsv(randomDossiers(20_000, 99));
    for (const engine of ENGINES) {
      const store = await engine.open();
      stores.push(store);
      for (const [kind, buffer] of [['units', UNITS_CSV], ['dossiers', csv]] as const) {
        const report = await importFile(store, { kind, source: { buffer }, fileName: `${kind}.csv`, actor: null });
        expect(report.issues).toEqual([]);
      }
    }
  });
  afterAll(() => Promise.all(stores.map((s) => s.close())));

  it('counts, procedures, quantiles, overdue lists and ranges are equal to the last bit', async () => {
    const [first, ...others] = await Promise.all(stores.map(figures));
    expect(first?.counts[0]).toHaveLength(UNIT_COUNT);
    for (const other of others) expect(other).toEqual(first);
  });
});
