import type { Counts } from '../../shared/schemas/measure';
import type { Store, Window } from '../store/port';

const MAX_WINDOWS = 4000;

/**
 * Counts per window for every unit, kept until the data changes. The figures of a window depend only on the
 * dossiers and the window's own start and cut-off, so a hit returns exactly what the database would; past
 * periods (cut-off = end) are asked for again and again by rankings, streaks, trends and reports.
 */
export class CountsCache {
  private version = Number.NaN;
  private readonly windows = new Map<string, Map<string, Counts>>();
  private readonly answers = new Map<string, unknown>();

  private async sync(store: Store): Promise<void> {
    const version = await store.dataVersion();
    if (version !== this.version) {
      this.windows.clear();
      this.answers.clear();
      this.version = version;
    }
  }

  /** Any other answer that depends only on the data and on `key` (which must name everything it depends on). */
  async remember<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
    await this.sync(store);
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const value = await compute();
    if (this.answers.size >= MAX_WINDOWS) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, value);
    return value;
  }

  async countsByUnit(store: Store, windows: readonly Window[], unitCodes?: readonly string[]): Promise<Map<string, (Counts | undefined)[]>> {
    await this.sync(store);
    const key = (w: Window) => `${w.start}|${w.cutOff}`;
    const missing = windows.filter((w) => !this.windows.has(key(w)));
    if (missing.length > 0) {
      const fetched = await store.countsByUnit(missing);
      missing.forEach((w, i) => {
        const byUnit = new Map<string, Counts>();
        for (const [code, series] of fetched) if (series[i]) byUnit.set(code, series[i] as Counts);
        if (this.windows.size >= MAX_WINDOWS) this.windows.delete(this.windows.keys().next().value as string);
        this.windows.set(key(w), byUnit);
      });
    }
    const out = new Map<string, (Counts | undefined)[]>();
    const wanted = unitCodes ? new Set(unitCodes) : null;
    windows.forEach((w, i) => {
      for (const [code, counts] of this.windows.get(key(w)) as Map<string, Counts>) {
        if (wanted && !wanted.has(code)) continue;
        const series = out.get(code) ?? new Array<Counts | undefined>(windows.length).fill(undefined);
        series[i] = counts;
        out.set(code, series);
      }
    });
    return out;
  }
}
