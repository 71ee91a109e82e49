import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useFlags(period: string, index: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.flags.list.queryOptions({ period, index }));
}
