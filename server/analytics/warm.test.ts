import { afterEach, describe, expect, it, vi } from 'vitest';
import { periodContaining } from '../../shared/kpi/periods';
import type { Store, Window } from '../store/port';
import { FIXTURE_NOW, fixtureDeps, fixtureStore } from '../testing/fixture';
import { CountsCache } from './counts-cache';
import type { AnalyticsDeps } from './deps';
import { overview } from './overview';
import { periodList } from './periods';
import { warmCache, warmSoon } from './warm';

describe('warmSoon', () => {
  afterEach(() => vi.useRealTimers());

  it('warms once after a run of uploads has paused, not at each upload, and each server on its own', async () => {
    vi.useFakeTimers();
    const warmed: AnalyticsDeps[] = [];
    const warm = async (deps: AnalyticsDeps) => void warmed.push(deps);
    const one = { cache: new CountsCache() } as AnalyticsDeps;
    const other = { cache: new CountsCache() } as AnalyticsDeps;
    warmSoon(one, 2000, warm);
    await vi.advanceTimersByTimeAsync(1500);
    warmSoon(one, 2000, warm);
    warmSoon(other, 2000, warm);
    await vi.advanceTimersByTimeAsync(1999);
    expect(warmed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(warmed).toEqual([one, other]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(warmed).toHaveLength(2);
  });

  it('logs a failed warm-up instead of throwing it at nobody', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((line) => (lines.push(String(line)), true));
    warmSoon({ cache: new CountsCache() } as AnalyticsDeps, 10, () => Promise.reject(new Error('database closed')));
    await vi.advanceTimersByTimeAsync(10);
    write.mockRestore();
    expect(lines.map((l) => JSON.parse(l) as { level: string; error: string })).toEqual([expect.objectContaining({ level: 'warn', error: 'database closed' })]);
  });
});

describe('warmCache', () => {
  it('counts the week the dashboard opens on and the last complete week with data, so that neither overview needs a count', async () => {
    const store = await fixtureStore();
    try {
      // Months after the fixture's last dossier: the calendar's last week, which the dashboard opens on, is empty.
      const now = FIXTURE_NOW + 120 * 86_400_000;
      const windows: number[] = [];
      const spy: Store = Object.create(store, { countsByWindow: { value: (w: readonly Window[], u?: readonly string[]) => (windows.push(w.length), store.countsByWindow(w, u)) } });
      const deps = { ...fixtureDeps(store), store: spy, now: () => now };
      const opening = periodContaining('week', now - 7 * 86_400_000).id;
      const { defaultPeriod } = await periodList(deps, 'week');
      expect(defaultPeriod).not.toBe(opening);
      await warmCache(deps);
      expect(windows.length).toBeGreaterThan(0);
      windows.length = 0;
      const [empty, withData] = [await overview(deps, { period: opening }), await overview(deps, { period: defaultPeriod })];
      expect(windows).toEqual([]);
      expect(empty.city.measures.received).toBe(0);
      expect(withData.city.measures.received).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
