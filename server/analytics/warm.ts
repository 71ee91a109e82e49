import { periodContaining } from '../../shared/kpi/periods';
import { jsonLogger } from '../log';
import type { AnalyticsDeps } from './deps';
import { overview } from './overview';
import { periodList } from './periods';

/**
 * Counts into the cache the weeks a leader meets first, with the history behind them: the calendar's last week,
 * which the dashboard opens on (client/src/lib/use-period.ts), and, when the data ends earlier, the last complete
 * week with data, which the period list offers first. So the Monday meeting's first page does not pay for the first
 * count after a start or an import, nor for the process's first run of the ranking's code (an empty week alone,
 * on a data set that ends earlier, left the first real answer paying for both).
 */
export async function warmCache(deps: AnalyticsDeps): Promise<void> {
  const opening = periodContaining('week', deps.now() - 7 * 86_400_000).id;
  const { defaultPeriod } = await periodList(deps, 'week');
  for (const period of new Set([opening, defaultPeriod])) await overview(deps, { period });
}

/** After an upload, the server waits this long without another one before it counts the opening weeks again. */
export const WARM_DELAY_MS = 2000;

const pending = new WeakMap<object, ReturnType<typeof setTimeout>>();

/**
 * Warms the cache once the uploads have paused for `delayMs`: the requests that follow an upload (its own page, a
 * leader's ranking) go first instead of sharing the one thread with the opening weeks' overviews (at national scale eight
 * rankings of 3,321 units), and a run of uploads warms once, after the last. The counts of the windows an upload did
 * not touch are kept anyway (decision 029), so the delay costs nothing but the overview's own assembly.
 */
export function warmSoon(deps: AnalyticsDeps, delayMs = WARM_DELAY_MS, warm: (deps: AnalyticsDeps) => Promise<void> = warmCache): void {
  const key = deps.cache;
  const before = pending.get(key);
  if (before) clearTimeout(before);
  const timer = setTimeout(() => {
    pending.delete(key);
    warm(deps).catch((error: unknown) => jsonLogger()('warn', 'could not pre-count the opening week after an upload', { error: error instanceof Error ? error.message : String(error) }));
  }, delayMs);
  timer.unref();
  pending.set(key, timer);
}
