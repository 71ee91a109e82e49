import { useQuery } from '@tanstack/react-query';
import { countByLevel } from '../../../../../shared/kpi/escalation';
import { useTRPC } from '../../../lib/trpc';

/** The ladder in force in the period and how many flagged units stand at each of its levels. */
export function useEscalationCounts(period: string, index: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.flags.list.queryOptions({ period, index }, { select: (list) => ({ ladder: list.ladder, counts: countByLevel(list.rows.map((r) => r.escalation)) }) }));
}
