import { skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useWhatIf(unitCode: string, period: string, index: string | undefined, changes: { code: string; value: number }[] | null) {
  const trpc = useTRPC();
  return useQuery(trpc.kpi.whatIf.queryOptions(changes && changes.length ? { unitCode, period, index, changes } : skipToken));
}
