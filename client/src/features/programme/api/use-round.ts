import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';
import { uploadEvidence, type ValueKey } from './evidence';

export function useRound(period: string) {
  const trpc = useTRPC();
  return useQuery(trpc.indicators.round.queryOptions({ period }));
}

export function useCatalogue() {
  const trpc = useTRPC();
  return useQuery(trpc.indicators.list.queryOptions(undefined, { staleTime: 300_000 }));
}

/** Reporting and returning values change every figure that uses them: everything is fetched again. */
export function useRoundMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries();
  return {
    submit: useMutation(trpc.indicators.submit.mutationOptions({ onSuccess })),
    giveBack: useMutation(trpc.indicators.returnValue.mutationOptions({ onSuccess })),
    attach: useMutation({ mutationFn: ({ key, file }: { key: ValueKey; file: File }) => uploadEvidence(key, file), onSuccess }),
  };
}
