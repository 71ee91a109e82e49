import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useFlags(period: string | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.flags.list.queryOptions({ period: period ?? '' }), enabled: period !== null });
}
