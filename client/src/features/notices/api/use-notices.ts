import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** The signed-in user's own notices, newest first. */
export function useNotices() {
  const trpc = useTRPC();
  return useQuery(trpc.notices.list.queryOptions());
}
