import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useUnitIndicators(unitCode: string, period: string) {
  const trpc = useTRPC();
  return useQuery(trpc.indicators.unit.queryOptions({ unitCode, period }));
}
