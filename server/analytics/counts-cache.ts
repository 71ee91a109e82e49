import type { Counts } from '../../shared/schemas/measure';
import type { DataChanges } from '../store/data-changes';
import type { Store, Window } from '../store/port';
import { dayNumber, fromRollups } from '../store/rollup-sql';

const MAX_WINDOWS = 4000;
/**
 * How many computations' parts `parts` keeps across data versions (the rankings leaders open, by period and group),
 * and how many entries (units) in all: parts outlive the version whose answers they came from, so their memory is
 * bounded apart (a national ranking's parts are ≈ 4 MB; 20,000 entries are six of them).
 */
const MAX_PARTS = 32;
const MAX_PART_ENTRIES = 20_000;

type ByUnit = Map<string, Counts>;

/** Everything cached for one data version. A new version gets a new generation; a request keeps the one it began with. */
class Generation {
  readonly windows = new Map<string, ByUnit | Promise<ByUnit>>();
  readonly answers = new Map<string, Promise<unknown>>();
  /** The answers already computed, by key (a subset of `answers`). */
  readonly settled = new Map<string, unknown>();
  constructor(readonly version: number) {}
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_WINDOWS) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

const windowKey = (w: Window) => `${w.start}|${w.cutOff}`;

/** Keeps a window's pending counts, then its value once read; a failed read is forgotten (the next caller asks again). */
function keepWindow(gen: Generation, key: string, pending: Promise<ByUnit>): void {
  remember(gen.windows, key, pending);
  pending.then(
    (byUnit) => gen.windows.get(key) === pending && gen.windows.set(key, byUnit),
    () => gen.windows.get(key) === pending && gen.windows.delete(key),
  );
}

/** Answers (`remember` keys) that read no dossier: kept across versions that changed dossiers only. */
export const REFERENCE_ANSWERS: readonly string[] = ['units', 'targets', 'definitions', 'indicators', 'valueLookup', 'ladders'];

/** Above this many changed units a window is counted again whole rather than unit by unit. */
const MAX_PATCHED_UNITS = 500;

/**
 * Moves the windows counted for the old version into the next one where the dossier changes in between (decision
 * 029) leave them exact: a window no changed unit's received days reach is kept as it is; one they reach is counted
 * again for those units only (one query for every such window) and the rest kept. Nothing is carried when the store
 * cannot say what changed. A window's counts depend only on the dossiers received inside it, so this is exact.
 */
async function carryWindows(store: Store, old: Generation, next: Generation): Promise<void> {
  let logged: DataChanges | null = null;
  try {
    logged = await store.dataChanges(old.version, next.version);
  } catch {
    return;
  }
  if (!logged) return;
  // Answers that read no dossier (units, targets, definitions…) stay as they were when only dossiers changed.
  if (logged.onlyDossiers) {
    for (const key of REFERENCE_ANSWERS) {
      if (!old.settled.has(key)) continue;
      const value = old.settled.get(key);
      next.answers.set(key, Promise.resolve(value));
      next.settled.set(key, value);
    }
  }
  const changes = logged.dossiers;
  if (changes.size > MAX_PATCHED_UNITS) return;
  const spans = [...changes];
  const patch: { key: string; window: Window; byUnit: ByUnit }[] = [];
  const units = new Set<string>();
  for (const [key, entry] of old.windows) {
    if (entry instanceof Promise) continue;
    const [start, cutOff] = key.split('|').map(Number) as [number, number];
    // Only windows from midnight to midnight (periods and their history): one cut at "now" is not asked for again.
    if (!fromRollups({ start, cutOff })) continue;
    const first = dayNumber(start);
    const last = dayNumber(cutOff - 1);
    const reached = spans.filter(([, s]) => s.lo <= last && s.hi >= first);
    if (reached.length === 0) next.windows.set(key, entry);
    else {
      patch.push({ key, window: { start, cutOff }, byUnit: entry });
      for (const [code] of reached) units.add(code);
    }
  }
  if (patch.length === 0) return;
  const codes = [...units];
  const fetched = store.countsByWindow(patch.map((p) => p.window), codes);
  patch.forEach(({ key, byUnit }, i) => {
    const patched = fetched.then((all) => {
      const copy: ByUnit = new Map(byUnit);
      for (const code of codes) copy.delete(code);
      for (const [code, counts] of all[i] as ByUnit) copy.set(code, counts);
      return copy;
    });
    keepWindow(next, key, patched);
  });
}

/**
 * Counts per window for every unit, kept until the data changes. The figures of a window depend only on the
 * dossiers and the window's own start and cut-off, so a hit returns exactly what the database would; past
 * periods (cut-off = end) are asked for again and again by rankings, streaks, trends and reports.
 *
 * Safe under concurrency: each call works on the generation it started with (a version change mid-request never
 * empties a map under it), and concurrent requests for the same window or answer share one computation.
 */
export class CountsCache {
  private current: Generation | null = null;
  private versionCheck: Promise<Generation> | null = null;
  private carry: { key: string; value: Promise<unknown> } | null = null;
  private readonly lastParts = new Map<string, { parts: unknown; entries: number }>();
  private partEntries = 0;

  /** One version query at a time: a burst of requests asks the database once. */
  private generation(store: Store): Promise<Generation> {
    this.versionCheck ??= store
      .dataVersion()
      .then(async (version) => {
        if (this.current?.version === version) return this.current;
        const next = new Generation(version);
        if (this.current) await carryWindows(store, this.current, next);
        this.current = next;
        return next;
      })
      .finally(() => {
        this.versionCheck = null;
      });
    return this.versionCheck;
  }

  /** The data version now (one query for a burst of callers). */
  async version(store: Store): Promise<number> {
    return (await this.generation(store)).version;
  }

  /** Any other answer that depends only on the data and on `key` (which must name everything it depends on). */
  async remember<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
    const gen = await this.generation(store);
    const hit = gen.answers.get(key);
    if (hit) return hit as Promise<T>;
    const pending = compute();
    remember(gen.answers, key, pending);
    pending.then(
      (value) => gen.answers.get(key) === pending && remember(gen.settled, key, value),
      () => gen.answers.get(key) === pending && gen.answers.delete(key),
    );
    return pending;
  }

  /**
   * One answer kept across data versions under a key that names its whole content (e.g. a digest of what it was
   * built from): the same key gives the same answer, another key replaces it.
   */
  carried<T>(key: string, compute: () => Promise<{ value: T; keep: boolean }>): Promise<T> {
    if (this.carry?.key === key) return this.carry.value as Promise<T>;
    const computed = compute();
    const value = computed.then((c) => c.value);
    const entry = { key, value: value as Promise<unknown> };
    this.carry = entry;
    // An answer its computation found unsure (keep: false) serves the callers already waiting, and no later one.
    computed.then(
      (c) => !c.keep && this.carry === entry && (this.carry = null),
      () => this.carry === entry && (this.carry = null),
    );
    return value;
  }

  /**
   * The parts of the last computation under `key`, kept across data versions for the next one to take up where
   * what they were built from is unchanged (the user checks that: e.g. buildRanking's RankingParts). Most recent kept.
   */
  parts<T>(key: string): T | undefined {
    return this.lastParts.get(key)?.parts as T | undefined;
  }

  /** Keeps `parts` (of `entries` entries) under `key`, dropping the least recently kept beyond the bounds. */
  keepParts(key: string, parts: unknown, entries: number): void {
    this.dropParts(key);
    if (entries > MAX_PART_ENTRIES) return;
    while (this.lastParts.size >= MAX_PARTS || this.partEntries + entries > MAX_PART_ENTRIES) this.dropParts(this.lastParts.keys().next().value as string);
    this.lastParts.set(key, { parts, entries });
    this.partEntries += entries;
  }

  private dropParts(key: string): void {
    const kept = this.lastParts.get(key);
    if (!kept) return;
    this.lastParts.delete(key);
    this.partEntries -= kept.entries;
  }

  /** An answer `remember` has already computed for the current data version, without waiting for one in flight. */
  async settled<T>(store: Store, key: string): Promise<T | undefined> {
    return (await this.generation(store)).settled.get(key) as T | undefined;
  }

  async countsByUnit(store: Store, windows: readonly Window[], unitCodes?: readonly string[]): Promise<Map<string, (Counts | undefined)[]>> {
    const gen = await this.generation(store);
    const missing = windows.filter((w) => !gen.windows.has(windowKey(w)));
    if (missing.length > 0) {
      const fetched = store.countsByWindow(missing);
      missing.forEach((w, i) => keepWindow(gen, windowKey(w), fetched.then((all) => all[i] as ByUnit)));
    }
    const resolved = await Promise.all(windows.map((w) => gen.windows.get(windowKey(w)) ?? this.fetchOne(store, w)));
    const out = new Map<string, (Counts | undefined)[]>();
    const put = (code: string, i: number, counts: Counts) => {
      let series = out.get(code);
      if (!series) out.set(code, (series = new Array<Counts | undefined>(windows.length).fill(undefined)));
      series[i] = counts;
    };
    const wanted = unitCodes ? [...new Set(unitCodes)] : null;
    const wantedSet = wanted ? new Set(wanted) : null;
    resolved.forEach((byUnit, i) => {
      // The smaller side is walked: a group of 17 departments beside 3,321 communes reads 17 entries per window.
      if (wanted && wanted.length < byUnit.size) {
        for (const code of wanted) {
          const counts = byUnit.get(code);
          if (counts) put(code, i, counts);
        }
      } else {
        for (const [code, counts] of byUnit) if (!wantedSet || wantedSet.has(code)) put(code, i, counts);
      }
    });
    return out;
  }

  /** A window evicted between being asked for and being read (only with more than MAX_WINDOWS in flight). */
  private async fetchOne(store: Store, w: Window): Promise<ByUnit> {
    return (await store.countsByWindow([w]))[0] as ByUnit;
  }
}
