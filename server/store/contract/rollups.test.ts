import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../../shared/schemas/dossier';
import type { Counts } from '../../../shared/schemas/measure';
import { addCounts, countDossiers, EMPTY_COUNTS } from '../../../shared/kpi/measures';
import { periodContaining, periodsBetween } from '../../../shared/kpi/periods';
import { DAY_MS, VN_OFFSET_MS } from '../../../shared/kpi/vn-time';
import type { Store, Window } from '../port';
import { atVnMidnight, boundaryAtOrAfter, boundaryAtOrAfterSql, dayNumber, fromRollups, isBoundaryDay, isPeriodWindow, periodsOfDaysSql, segmentOf, segmentSql } from '../rollup-sql';
import { ENGINES } from '../testing/engines';
import { HOUR, lcg, RANDOM_START, randomDossiers, UNIT_COUNT, writeDossiers } from '../testing/random-dossiers';

const UNITS = Array.from({ length: UNIT_COUNT }, (_, u) => `U${u}`);
/** The first Vietnam midnight of the random dossiers' span, and the one `n` days after it. */
const FIRST_MIDNIGHT = Math.ceil((RANDOM_START + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;
const midnight = (n: number) => FIRST_MIDNIGHT + n * DAY_MS;

/**
 * Random dossiers, and the cases the day rollups turn on: a completion exactly at midnight, a due time exactly at
 * midnight, a completion before the receipt, open and late ones, a dossier received exactly at midnight.
 */
function dossiersWithEdges(n: number, seed: number): DossierRecord[] {
  const rnd = lcg(seed);
  const base = randomDossiers(n, seed);
  return base.map((d, i) => {
    const day = Math.floor(rnd() * 60);
    switch (i % 9) {
      case 0:
        return { ...d, receivedAt: midnight(day) + HOUR, dueAt: midnight(day + 3), completedAt: midnight(day + 3), status: 'completed' as const };
      case 1:
        return { ...d, receivedAt: midnight(day), dueAt: midnight(day + 2), completedAt: midnight(day + 2) + 1, status: 'completed' as const };
      case 2:
        return { ...d, receivedAt: midnight(day) + 5 * HOUR, dueAt: midnight(day + 1), completedAt: null, status: 'processing' as const };
      case 3:
        return { ...d, receivedAt: midnight(day) + 2 * HOUR, dueAt: midnight(day + 4), completedAt: midnight(day) + HOUR, status: 'completed' as const };
      case 4:
        return { ...d, receivedAt: midnight(day) - 1, dueAt: midnight(day) + 7 * HOUR, completedAt: midnight(day + 1), status: 'completed' as const };
      default:
        return d;
    }
  });
}

/** The raw scan of dossiers for one unit and window, as the store does it: per procedure, summed. */
async function scanned(store: Store, unit: string, w: Window): Promise<Counts | undefined> {
  const parts = await store.procedureCounts(unit, w);
  return parts.length ? parts.reduce((sum, p) => addCounts(sum, p.counts), EMPTY_COUNTS) : undefined;
}

/** The midnights among the first `n` days of the span that are period boundaries (a Monday or a first of a month). */
function boundaries(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) if (isBoundaryDay(dayNumber(midnight(n)))) out.push(n);
  return out;
}

/** Windows from boundary to boundary: weeks, months, quarters, ranges of every length, cut at every boundary. */
function alignedWindows(seed: number): Window[] {
  const rnd = lcg(seed);
  const from = midnight(-3);
  const to = midnight(70);
  const periods = [...periodsBetween('week', from, to), ...periodsBetween('month', from, to), ...periodsBetween('quarter', from, to), ...periodsBetween('year', from, to)];
  const windows = periods.map((p) => ({ start: p.start, cutOff: p.end }));
  const marks = boundaries(-5, 75);
  const pick = () => marks[Math.floor(rnd() * marks.length)] as number;
  for (let i = 0; i < 80; i++) {
    const [a, b] = [pick(), pick()].sort((x, y) => x - y) as [number, number];
    windows.push({ start: midnight(a), cutOff: midnight(a === b ? b + 7 - (((dayNumber(midnight(b)) + 3) % 7) + 7) % 7 : b) });
  }
  for (const e of boundaries(0, 72)) windows.push({ start: midnight(marks.find((m) => m >= e - 9) as number), cutOff: midnight(e) });
  windows.push({ start: midnight(marks[4] as number), cutOff: midnight(marks[4] as number) }, { start: midnight(marks[6] as number), cutOff: midnight(marks[3] as number) });
  return windows;
}

/** Windows from midnight to midnight that are not both boundaries: counted from dossiers, exactly all the same. */
function otherMidnightWindows(): Window[] {
  const out: Window[] = [];
  for (let e = 1; e < 72; e += 1) if (!isBoundaryDay(dayNumber(midnight(e)))) out.push({ start: midnight(e - 5), cutOff: midnight(e) });
  return out;
}

describe.each(ENGINES)('per-day rollups on $name', (engine) => {
  let store: Store;
  let current: DossierRecord[];
  const windows = alignedWindows(5);

  /** Every window from the store, against the reference over `dossiers`. */
  async function expectReference(dossiers: readonly DossierRecord[]): Promise<void> {
    const before = { ...store.countsPaths };
    const got = await store.countsByUnit(windows);
    // Whole weeks, months, quarters and years from the period counts, other aligned windows from the segments.
    const whole = windows.filter(isPeriodWindow).length;
    expect(whole).toBeGreaterThan(15);
    expect(store.countsPaths).toEqual({ period: before.period + whole, rollup: before.rollup + windows.length - whole, scan: before.scan });
    let compared = 0;
    for (const unit of UNITS) {
      const mine = dossiers.filter((d) => d.unitCode === unit);
      windows.forEach((w, i) => {
        const expected = countDossiers(mine, w.start, w.cutOff);
        if (expected.received === 0) expect(got.get(unit)?.[i], `${unit} ${i}`).toBeUndefined();
        else {
          expect(got.get(unit)?.[i], `${unit} ${new Date(w.start).toISOString()}..${new Date(w.cutOff).toISOString()}`).toEqual(expected);
          compared += 1;
        }
      });
    }
    expect(compared).toBeGreaterThan(500);
    expect(await store.rollupDrift()).toBe(0);
  }

  beforeAll(async () => {
    store = await engine.open();
    current = dossiersWithEdges(4000, 31);
    await writeDossiers(store, current);
  });
  afterAll(() => store?.close());

  it('takes only windows from boundary to boundary (Vietnam midnights starting a Monday or a month) from the rollups', () => {
    expect(windows.every(fromRollups)).toBe(true);
    expect(otherMidnightWindows().some(fromRollups)).toBe(false);
    expect(atVnMidnight(Date.parse('2025-07-06T17:00:00Z'))).toBe(true);
    expect(atVnMidnight(Date.parse('2025-07-07T00:00:00Z'))).toBe(false);
    // 2025-07-07 was a Monday, 2025-07-01 a Tuesday and the first of a month, 2025-07-09 a Wednesday.
    expect(fromRollups({ start: Date.parse('2025-06-30T17:00:00Z'), cutOff: Date.parse('2025-07-06T17:00:00Z') })).toBe(true);
    expect(fromRollups({ start: Date.parse('2025-06-30T17:00:00Z'), cutOff: Date.parse('2025-07-08T17:00:00Z') })).toBe(false);
    expect(fromRollups({ start: midnight(3), cutOff: midnight(5) + 1 })).toBe(false);
  });

  it('computes segments in SQL exactly as in JavaScript, for every day from 1999 to 2101', async () => {
    const lo = dayNumber(Date.parse('1999-01-01T00:00:00Z'));
    const hi = dayNumber(Date.parse('2101-12-31T00:00:00Z'));
    const rows = await engine.rows(
      store,
      `SELECT CAST(g.x AS INTEGER) AS x, ${segmentSql('g.x')} AS seg, ${boundaryAtOrAfterSql('g.x')} AS next FROM generate_series(${lo}, ${hi}) AS g(x)`,
    );
    expect(rows.length).toBe(hi - lo + 1);
    let wrong = 0;
    for (const r of rows) if (Number(r.seg) !== segmentOf(Number(r.x)) || Number(r.next) !== boundaryAtOrAfter(Number(r.x))) wrong += 1;
    expect(wrong).toBe(0);
    expect(segmentOf(dayNumber(Date.parse('2025-07-09T00:00:00Z')))).toBe(dayNumber(Date.parse('2025-07-07T00:00:00Z')));
    expect(boundaryAtOrAfter(dayNumber(Date.parse('2025-07-29T00:00:00Z')))).toBe(dayNumber(Date.parse('2025-08-01T00:00:00Z')));
  });

  it('finds the week, month, quarter and year of a day in SQL exactly as in JavaScript, for every day from 1999 to 2101', async () => {
    const lo = dayNumber(Date.parse('1999-01-01T00:00:00Z'));
    const hi = dayNumber(Date.parse('2101-12-31T00:00:00Z'));
    const rows = await engine.rows(store, `SELECT CAST(day AS INTEGER) AS day, s, e FROM (${periodsOfDaysSql(`(SELECT CAST(g.x AS INTEGER) AS day FROM generate_series(${lo}, ${hi}) AS g(x)) AS days`)}) AS p`);
    expect(rows.length).toBe(4 * (hi - lo + 1));
    const expected = new Set<string>();
    for (let day = lo; day <= hi; day++) {
      const instant = day * DAY_MS - VN_OFFSET_MS;
      for (const kind of ['week', 'month', 'quarter', 'year'] as const) {
        const p = periodContaining(kind, instant);
        expected.add(`${day}|${dayNumber(p.start)}|${dayNumber(p.end)}`);
        expect(isPeriodWindow({ start: p.start, cutOff: p.end })).toBe(true);
      }
    }
    const got = new Set(rows.map((r) => `${Number(r.day)}|${Number(r.s)}|${Number(r.e)}`));
    expect(got.size).toBe(expected.size);
    let wrong = 0;
    for (const key of got) if (!expected.has(key)) wrong += 1;
    expect(wrong).toBe(0);
    // Not periods: a week from a Tuesday, two weeks, a month from its second day, two months, a day.
    const tuesday = Date.parse('2025-07-07T17:00:00Z');
    for (const [start, days] of [[tuesday, 7], [tuesday - DAY_MS, 14], [Date.parse('2025-07-01T17:00:00Z'), 31], [Date.parse('2025-06-30T17:00:00Z'), 62], [tuesday, 1]] as const) {
      expect(isPeriodWindow({ start, cutOff: start + days * DAY_MS }), new Date(start).toISOString()).toBe(false);
    }
  });

  it('sums any midnight-aligned window exactly as the reference counts it, and as the scan of dossiers does', async () => {
    await expectReference(current);
    const got = await store.countsByUnit(windows.slice(0, 40));
    for (const unit of ['U0', 'U3']) {
      for (const [i, w] of windows.slice(0, 40).entries()) expect(got.get(unit)?.[i], `${unit} ${i}`).toEqual(await scanned(store, unit, w));
    }
  });

  it('reads dossiers for windows cut mid-day, and merges both kinds in the order asked', async () => {
    const others = otherMidnightWindows();
    const mixed = [windows[3] as Window, { start: midnight(10), cutOff: midnight(20) + 9 * HOUR + 17 }, windows[7] as Window, { start: midnight(2) + HOUR, cutOff: midnight(9) }, ...others];
    const before = { ...store.countsPaths };
    const got = await store.countsByUnit(mixed, ['U1', 'U4']);
    const whole = [mixed[0], mixed[2]].filter((w) => isPeriodWindow(w as Window)).length;
    expect(store.countsPaths).toEqual({ period: before.period + whole, rollup: before.rollup + 2 - whole, scan: before.scan + 2 + others.length });
    expect([...got.keys()].sort()).toEqual(['U1', 'U4']);
    for (const unit of ['U1', 'U4']) {
      mixed.forEach((w, i) => expect(got.get(unit)?.[i] ?? EMPTY_COUNTS).toEqual(countDossiers(current.filter((d) => d.unitCode === unit), w.start, w.cutOff)));
    }
  });

  it('keeps the rollups exact through an import that replaces dossiers, moving them to another unit and day', async () => {
    const rnd = lcg(77);
    const replaced = current.filter((_, i) => i % 4 === 0).map((d, i) => {
      const shift = (Math.floor(rnd() * 11) - 5) * DAY_MS + (i % 2 ? HOUR : 0);
      const done = i % 3 === 0 ? null : d.dueAt + shift + (i % 5 === 0 ? DAY_MS : 0);
      return {
        ...d, unitCode: `U${(Number(d.unitCode.slice(1)) + 1 + (i % 3)) % UNIT_COUNT}`, receivedAt: d.receivedAt + shift, dueAt: d.dueAt + shift, completedAt: done,
        status: i % 7 === 0 ? ('withdrawn' as const) : done === null ? ('processing' as const) : ('completed' as const),
      };
    });
    const fresh = dossiersWithEdges(300, 32).map((d) => ({ ...d, dossierId: `new-${d.dossierId}` }));
    await writeDossiers(store, [...replaced, ...fresh]);
    const byId = new Map(replaced.map((d) => [d.dossierId, d]));
    current = [...current.map((d) => byId.get(d.dossierId) ?? d), ...fresh];
    await expectReference(current);
  });

  it('recomputes the whole segment of a day an import touches, not only that day', async () => {
    // One dossier replaced on the first day of a segment whose later days hold other dossiers of the same unit.
    const segStart = boundaries(7, 60).find((n) => !isBoundaryDay(dayNumber(midnight(n + 1))) && !isBoundaryDay(dayNumber(midnight(n + 2)))) as number;
    const inSegment = (d: DossierRecord, from: number, to: number) => d.receivedAt >= midnight(from) && d.receivedAt < midnight(to);
    const unit = UNITS.find((u) => current.some((d) => d.unitCode === u && inSegment(d, segStart, segStart + 1)) && current.some((d) => d.unitCode === u && inSegment(d, segStart + 2, segStart + 3))) as string;
    const target = current.find((d) => d.unitCode === unit && inSegment(d, segStart, segStart + 1)) as DossierRecord;
    const changed = { ...target, completedAt: null, status: 'processing' as const };
    await writeDossiers(store, [changed]);
    current = current.map((d) => (d.dossierId === target.dossierId ? changed : d));
    await expectReference(current);
  });

  it('empties the rollups with the data, and fills them again on the next import', async () => {
    await store.clearData();
    expect(await store.countsByUnit(windows)).toEqual(new Map());
    expect(await store.rollupDrift()).toBe(0);
    current = dossiersWithEdges(1500, 33);
    await writeDossiers(store, current.slice(0, 700));
    await writeDossiers(store, current.slice(700));
    await expectReference(current);
  });
});
