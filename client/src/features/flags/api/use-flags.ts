import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useFlags(period: string) {
  const trpc = useTRPC();
  return useQuery(trpc.flags.list.queryOptions({ period }));
}
