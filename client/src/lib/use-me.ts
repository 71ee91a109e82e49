import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/** The signed-in account, or an error with HTTP 401 when there is no session. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 60_000 }));
}

export function isUnauthorized(error: unknown): boolean {
  return (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus === 401;
}
