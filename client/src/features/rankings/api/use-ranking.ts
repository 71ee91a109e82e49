import { useQuery } from '@tanstack/react-query';
import type { Group } from '../../../../../shared/schemas/unit';
import { useTRPC } from '../../../lib/trpc';

export function useRanking(period: string, group: Group, index: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.kpi.ranking.queryOptions({ period, group, index }));
}
