import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../../shared/schemas/dossier';
import { countDossiers, countsInMeasures, isCompletedBy } from '../../../shared/kpi/measures';
import { mustParsePeriod, periodsBetween } from '../../../shared/kpi/periods';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';
import { HOUR, lcg, outcome, quantileCont, RANDOM_START, randomDossiers, UNIT_COUNT } from '../testing/random-dossiers';

const DAY = 24 * HOUR;
const UNITS = Array.from({ length: UNIT_COUNT }, (_, u) => `U${u}`);

/** Cut-offs anywhere, and exactly on instants the rules turn on: a due time, a completion, a receipt. */
function cutOffs(dossiers: readonly DossierRecord[], n: number, seed: number): number[] {
  const rnd = lcg(seed);
  const on = (pick: (d: DossierRecord) => number | null) => dossiers.map(pick).filter((v): v is number => v !== null).slice(0, n);
  const anywhere = Array.from({ length: n }, () => RANDOM_START + Math.floor(rnd() * 62 * DAY));
  return [...anywhere, ...on((d) => d.dueAt), ...on((d) => d.completedAt), ...on((d) => d.receivedAt)];
}

describe.each(ENGINES)('measures on $name', (engine) => {
  let store: Store;
  const dossiers = randomDossiers(5000, 7);
  const mine = (unit: string) => dossiers.filter((d) => d.unitCode === unit);
  const q3 = mustParsePeriod('2025-Q3');

  beforeAll(async () => {
    store = await engine.open();
    const writer = await store.openDossierWriter();
    dossiers.forEach((d, i) => writer.append(d, i + 2));
    await writer.commit(outcome(dossiers.length));
  });
  afterAll(() => store?.close());

  it('counts per unit and week exactly what the reference computation counts', async () => {
    const weeks = periodsBetween('week', RANDOM_START, Date.parse('2025-09-01T00:00:00Z'));
    const asOf = Date.parse('2025-08-10T05:30:00Z');
    const windows = weeks.map((p) => ({ start: p.start, cutOff: Math.min(p.end, asOf) }));
    const got = await store.countsByUnit(windows);
    let compared = 0;
    for (const unit of UNITS) {
      windows.forEach((w, i) => {
        const expected = countDossiers(mine(unit), w.start, w.cutOff);
        if (expected.received === 0) expect(got.get(unit)?.[i]).toBeUndefined();
        else expect(got.get(unit)?.[i], `${unit} ${new Date(w.start).toISOString()}`).toEqual(expected);
        compared += expected.received > 0 ? 1 : 0;
      });
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('judges every dossier at its window’s cut-off: a completion after it is open, the due instant itself is on time', async () => {
    for (const [i, cutOff] of cutOffs(dossiers, 20, 11).entries()) {
      const window = { start: cutOff - (3 + (i % 20)) * DAY, cutOff };
      const got = await store.countsByUnit([window]);
      for (const unit of UNITS) {
        const expected = countDossiers(mine(unit), window.start, cutOff);
        expect(got.get(unit)?.[0] ?? countDossiers([], 0, 0), `${unit} at ${new Date(cutOff).toISOString()}`).toEqual(expected);
      }
    }
  });

  it('counts overlapping windows each on its own: a month asked for with its weeks, a quarter and a range', async () => {
    const asOf = Date.parse('2025-07-23T09:15:00Z');
    const periods = ['2025-07', '2025-W27', '2025-W28', '2025-W29', '2025-W30', '2025-Q3', '2025-07-10..2025-07-20', '2025-W28'].map(mustParsePeriod);
    const windows = periods.map((p) => ({ start: p.start, cutOff: Math.min(p.end, asOf) }));
    const got = await store.countsByUnit(windows);
    for (const unit of UNITS) {
      windows.forEach((w, i) => {
        const expected = countDossiers(mine(unit), w.start, w.cutOff);
        expect(got.get(unit)?.[i] ?? countDossiers([], 0, 0), `${unit} ${periods[i]?.id}`).toEqual(expected);
      });
    }
  });

  it('answers for the units asked for only', async () => {
    const window = { start: q3.start, cutOff: q3.end };
    const got = await store.countsByUnit([window], ['U1', 'U3', 'nobody']);
    expect([...got.keys()].sort()).toEqual(['U1', 'U3']);
    expect(got.get('U3')?.[0]).toEqual(countDossiers(mine('U3'), q3.start, q3.end));
    expect(await store.countsByUnit([])).toEqual(new Map());
  });

  it('gives the same counts by window (countsByWindow) as by unit, for every unit or those asked for', async () => {
    const asOf = Date.parse('2025-07-23T09:15:00Z');
    const windows = ['2025-07', '2025-W28', '2025-Q3', '2025-07-10..2025-07-20'].map(mustParsePeriod).map((p) => ({ start: p.start, cutOff: Math.min(p.end, asOf) }));
    for (const units of [undefined, ['U1', 'U3', 'nobody']]) {
      const byUnit = await store.countsByUnit(windows, units);
      const byWindow = await store.countsByWindow(windows, units);
      expect(byWindow).toHaveLength(windows.length);
      windows.forEach((_, i) => {
        const expected = new Map([...byUnit].flatMap(([code, series]) => (series[i] ? [[code, series[i]] as const] : [])));
        expect(byWindow[i]).toEqual(expected);
      });
      expect(byWindow.some((m) => m.size > 0)).toBe(true);
    }
    expect(await store.countsByWindow([])).toEqual([]);
  });

  it('breaks a unit down by procedure, each as the reference counts it', async () => {
    const cutOff = Date.parse('2025-08-20T00:00:00Z');
    const window = { start: q3.start, cutOff };
    const byProcedure = await store.procedureCounts('U1', window);
    const codes = [...new Set(mine('U1').map((d) => d.procedureCode))].sort();
    expect(byProcedure.map((p) => p.procedureCode).sort()).toEqual(codes);
    for (const p of byProcedure) {
      const ofProcedure = mine('U1').filter((d) => d.procedureCode === p.procedureCode);
      expect(p.counts).toEqual(countDossiers(ofProcedure, window.start, cutOff));
      const names = ofProcedure.filter((d) => countsInMeasures(d) && d.receivedAt >= window.start && d.receivedAt < cutOff).map((d) => d.procedureName).filter((n) => n !== null);
      expect(p.procedureName).toBe(names.length ? names.reduce((a, b) => (b > a ? b : a)) : null);
    }
  });

  it('gives the median and 90th percentile of processing days, interpolated to the last bit as the reference does', async () => {
    for (const [i, cutOff] of cutOffs(dossiers, 8, 5).entries()) {
      const unit = UNITS[i % UNITS.length] as string;
      const window = { start: cutOff - 20 * DAY, cutOff };
      const days = mine(unit)
        .filter((d) => countsInMeasures(d) && d.receivedAt >= window.start && d.receivedAt < cutOff && isCompletedBy(d, cutOff))
        .map((d) => ((d.completedAt as number) - d.receivedAt));
      const expected = { median: quantileCont(days, 0.5), p90: quantileCont(days, 0.9) };
      const got = await store.processingQuantiles(unit, window);
      const inDays = (ms: number | null) => (ms === null ? null : ms / DAY);
      expect(got).toEqual({ median: inDays(expected.median), p90: inDays(expected.p90) });
    }
    expect(await store.processingQuantiles('nobody', { start: q3.start, cutOff: q3.end })).toEqual({ median: null, p90: null });
  });

  it('lists the open dossiers past due at the cut-off, earliest due first, as many as asked', async () => {
    const cutOff = Date.parse('2025-08-05T10:00:00Z');
    const window = { start: q3.start, cutOff };
    const expected = mine('U2')
      .filter((d) => countsInMeasures(d) && d.receivedAt >= window.start && d.receivedAt < cutOff && !isCompletedBy(d, cutOff) && d.dueAt < cutOff)
      .sort((a, b) => a.dueAt - b.dueAt || (a.dossierId < b.dossierId ? -1 : 1))
      .map((d) => ({ dossierId: d.dossierId, procedureCode: d.procedureCode, procedureName: d.procedureName, receivedAt: d.receivedAt, dueAt: d.dueAt }));
    expect(expected.length).toBeGreaterThan(10);
    expect(await store.overdueDossiers('U2', window, 1000)).toEqual(expected);
    expect(await store.overdueDossiers('U2', window, 5)).toEqual(expected.slice(0, 5));
  });

  it('breaks every unit down at once exactly as unit by unit: procedures, quantiles and the first overdue', async () => {
    for (const window of [{ start: q3.start, cutOff: Date.parse('2025-08-05T10:00:00Z') }, { start: q3.start, cutOff: q3.end }]) {
      const all = await store.unitBreakdowns(window, 7);
      const withDossiers = UNITS.filter((u) => mine(u).some((d) => countsInMeasures(d) && d.receivedAt >= window.start && d.receivedAt < window.cutOff));
      expect([...all.keys()].sort()).toEqual(withDossiers.sort());
      for (const unit of withDossiers) {
        const got = all.get(unit);
        const byCode = (a: { procedureCode: string }, b: { procedureCode: string }) => a.procedureCode.localeCompare(b.procedureCode);
        expect([...(got?.procedures ?? [])].sort(byCode), unit).toEqual([...(await store.procedureCounts(unit, window))].sort(byCode));
        expect(got?.quantiles, unit).toEqual(await store.processingQuantiles(unit, window));
        const overdue = await store.overdueDossiers(unit, window, 7);
        expect(got?.overdue, unit).toEqual(overdue);
      }
      expect([...all.values()].some((b) => b.overdue.length === 7)).toBe(true);
    }
  });

  it('breaks one unit down in one statement exactly as the three reads do, for a unit without dossiers too', async () => {
    const byCode = (a: { procedureCode: string }, b: { procedureCode: string }) => a.procedureCode.localeCompare(b.procedureCode);
    for (const window of [{ start: q3.start, cutOff: Date.parse('2025-08-05T10:00:00Z') }, { start: q3.start, cutOff: q3.end }, { start: q3.start + 11 * DAY + 3_600_000, cutOff: q3.start + 40 * DAY }]) {
      for (const unit of [...UNITS, 'nobody']) {
        for (const limit of [0, 3, 1000]) {
          const got = await store.unitBreakdown(unit, window, limit);
          expect([...got.procedures].sort(byCode), unit).toEqual([...(await store.procedureCounts(unit, window))].sort(byCode));
          expect(got.quantiles, unit).toEqual(await store.processingQuantiles(unit, window));
          expect(got.overdue, `${unit} ${limit}`).toEqual(await store.overdueDossiers(unit, window, limit));
        }
      }
    }
    expect((await store.unitBreakdown('U2', { start: q3.start, cutOff: q3.end }, 1000)).overdue.length).toBeGreaterThan(10);
  });

  it('knows the first and last receipt of counted dossiers', async () => {
    const counted = dossiers.filter(countsInMeasures).map((d) => d.receivedAt);
    expect(await store.receivedRange()).toEqual({ first: Math.min(...counted), last: Math.max(...counted) });
  });

  it('has no receipts to report when empty, and refuses work once closed', async () => {
    const empty = await engine.open();
    expect(await empty.receivedRange()).toBeNull();
    expect(await empty.countsByUnit([{ start: q3.start, cutOff: q3.end }])).toEqual(new Map());
    await empty.close();
    await expect(empty.receivedRange()).rejects.toThrow('The database is closed.');
  });
});
