import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMemoryGuard } from './memory-guard';

afterEach(() => vi.useRealTimers());

describe('the memory guard', () => {
  it('collects whenever RSS has grown by a step since the last collection, and follows RSS down', () => {
    vi.useFakeTimers();
    const MB = 1024 * 1024;
    let rss = 300 * MB;
    const gc = vi.fn(() => {
      rss -= 200 * MB;
    });
    const stop = startMemoryGuard({ stepBytes: 128 * MB, everyMs: 1000, rss: () => rss, gc });
    const tick = (to: number) => {
      rss = to * MB;
      vi.advanceTimersByTime(1000);
    };
    tick(400);
    expect(gc).not.toHaveBeenCalled();
    tick(450);
    expect(gc).toHaveBeenCalledTimes(1);
    tick(350);
    tick(260);
    expect(gc).toHaveBeenCalledTimes(1);
    tick(389);
    expect(gc).toHaveBeenCalledTimes(2);
    stop();
    tick(2000);
    expect(gc).toHaveBeenCalledTimes(2);
  });

  it('can reach V8\'s collector without a command-line flag', () => {
    const stop = startMemoryGuard();
    stop();
  });
});
