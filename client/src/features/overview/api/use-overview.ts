import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useOverview(period: string, index: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.kpi.overview.queryOptions({ period, index }));
}
