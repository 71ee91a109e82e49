import { useQuery } from '@tanstack/react-query';
import { countByLevel } from '../../../../../shared/kpi/escalation';
import { useTRPC } from '../../../lib/trpc';

/** How many flagged units stand at each level of the escalation ladder in the period. */
export function useEscalationCounts(period: string, index: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.flags.list.queryOptions({ period, index }, { select: (list) => countByLevel(list.rows.map((r) => r.escalation)) }));
}
