import { useQuery } from '@tanstack/react-query';
import type { Group } from '../../../../../shared/domain/unit';
import { useTRPC } from '../../../lib/trpc';

export function useForm06(period: string, group: Group | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.reports.form06.queryOptions({ period, group }));
}
