import { useQuery } from '@tanstack/react-query';
import { parsePeriod } from '../../../shared/kpi/periods';
import type { PeriodKind } from '../../../shared/schemas/period';
import { useTRPC } from './trpc';
import { useViewParam } from './use-view-params';

/** The period in the URL, or the last complete week with data; `null` while that is still loading. */
export function usePeriod(): { period: string | null; kind: PeriodKind; setPeriod: (id: string) => void; demo: boolean } {
  const trpc = useTRPC();
  const [param, setParam] = useViewParam('period');
  const weeks = useQuery(trpc.periods.list.queryOptions({ kind: 'week' }, { staleTime: 60_000 }));
  const parsed = param ? parsePeriod(param) : null;
  const period = parsed?.ok ? parsed.period.id : (weeks.data?.defaultPeriod ?? null);
  const kind: PeriodKind = parsed?.ok ? parsed.period.kind : 'week';
  return { period, kind, setPeriod: setParam, demo: weeks.data?.demo ?? false };
}
