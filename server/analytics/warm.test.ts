import { afterEach, describe, expect, it, vi } from 'vitest';
import { CountsCache } from './counts-cache';
import type { AnalyticsDeps } from './deps';
import { warmSoon } from './warm';

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
