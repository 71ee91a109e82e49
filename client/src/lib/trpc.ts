import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/routers/_app';
import { MAX_BATCH_CALLS, UNBATCHED_PROCEDURES } from '../../../shared/domain/api-limits';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createClient() {
  /** The server refuses batches over its limit and any batch holding a sign-in, so the client never sends one. */
  const link = splitLink<AppRouter>({
    condition: (op) => UNBATCHED_PROCEDURES.includes(op.path),
    true: httpLink({ url: '/trpc' }),
    false: httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_CALLS }),
  });
  return createTRPCClient<AppRouter>({ links: [link] });
}

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
