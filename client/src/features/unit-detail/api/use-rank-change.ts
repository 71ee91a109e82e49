import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useRankChange(unitCode: string, period: string, index: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.units.rankChange.queryOptions({ unitCode, period, index }));
}
