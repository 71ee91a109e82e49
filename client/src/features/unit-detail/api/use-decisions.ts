import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useDecisions(unitCode: string) {
  const trpc = useTRPC();
  return useQuery(trpc.decisions.list.queryOptions({ unitCode }));
}

export function useAddDecision() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(trpc.decisions.add.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.decisions.list.queryFilter()) }));
}
