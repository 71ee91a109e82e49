import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useCommitments(unitCode: string) {
  const trpc = useTRPC();
  return useQuery(trpc.commitments.list.queryOptions({ unitCode }));
}

/** Writing a commitment changes the unit's history and the flag list's "latest commitment". */
export function useSubmitCommitment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.commitments.submit.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries(trpc.commitments.list.queryFilter()), queryClient.invalidateQueries(trpc.flags.list.queryFilter())]),
    }),
  );
}
