import { useQuery } from '@tanstack/react-query';
import { parsePeriod, periodContaining } from '../../../shared/kpi/periods';
import type { PeriodKind } from '../../../shared/domain/period';
import { useTRPC } from './trpc';
import { useViewParam } from './use-view-params';

const WEEK_MS = 7 * 86_400_000;

/**
 * The period in the URL, else last week (the one a Monday meeting is about). It is known at once, so the page's
 * data loads without waiting for the period list.
 */
export function usePeriod(): { period: string; kind: PeriodKind; setPeriod: (id: string) => void; demo: boolean } {
  const trpc = useTRPC();
  const [param, setParam] = useViewParam('period');
  const weeks = useQuery(trpc.periods.list.queryOptions({ kind: 'week' }, { staleTime: 60_000 }));
  const parsed = param ? parsePeriod(param) : null;
  const period = parsed?.ok ? parsed.period.id : periodContaining('week', Date.now() - WEEK_MS).id;
  const kind: PeriodKind = parsed?.ok ? parsed.period.kind : 'week';
  return { period, kind, setPeriod: setParam, demo: weeks.data?.demo ?? false };
}
