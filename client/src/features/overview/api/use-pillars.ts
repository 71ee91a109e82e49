import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function usePillars(period: string) {
  const trpc = useTRPC();
  return useQuery(trpc.indicators.pillars.queryOptions({ period }));
}
