import { periodContaining } from '../../shared/kpi/periods';
import type { AnalyticsDeps } from './deps';
import { overview } from './overview';

/**
 * Counts last week's figures (and the history behind them) into the cache, so that the Monday meeting's first
 * page does not pay for the first count after a start or an import.
 */
export async function warmCache(deps: AnalyticsDeps): Promise<void> {
  const lastWeek = periodContaining('week', deps.now() - 7 * 86_400_000);
  await overview(deps, { period: lastWeek.id });
}
