import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useOverview(period: string) {
  const trpc = useTRPC();
  return useQuery(trpc.kpi.overview.queryOptions({ period }));
}
