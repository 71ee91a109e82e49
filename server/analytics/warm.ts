import { jsonLogger } from '../log';
import type { AnalyticsDeps } from './deps';
import { overview } from './overview';
import { periodList } from './periods';

/**
 * Counts the figures of the week the dashboard opens on (the last complete week with data: last week on a live
 * feed) and the history behind them into the cache, so that the Monday meeting's first page does not pay for the
 * first count after a start or an import — nor the process's first run of the ranking's code. It warmed the calendar's
 * last week before: on a data set that ends earlier that was an empty week, and the first real answer still paid.
 */
export async function warmCache(deps: AnalyticsDeps): Promise<void> {
  const { defaultPeriod } = await periodList(deps, 'week');
  await overview(deps, { period: defaultPeriod });
}

/** After an upload, the server waits this long without another one before it counts last week again. */
export const WARM_DELAY_MS = 2000;

const pending = new WeakMap<object, ReturnType<typeof setTimeout>>();

/**
 * Warms the cache once the uploads have paused for `delayMs`: the requests that follow an upload (its own page, a
 * leader's ranking) go first instead of sharing the one thread with last week's overview (at national scale eight
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
