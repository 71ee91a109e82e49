import { useQuery } from '@tanstack/react-query';
import type { Measure } from '../../../../../shared/schemas/measure';
import { useTRPC } from '../../../lib/trpc';

export function useUnitDetail(unitCode: string, period: string, index: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.units.detail.queryOptions({ unitCode, period, index }));
}

export function useTrend(unitCode: string, measure: Measure, from: string, to: string, granularity: 'week' | 'month') {
  const trpc = useTRPC();
  return useQuery(trpc.units.trend.queryOptions({ unitCode, measure, from, to, granularity }));
}
