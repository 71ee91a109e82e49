import type { Counts } from '../../shared/schemas/measure';

/** Each count of SPEC §2 and its column in every counts statement and in `dossier_periods`, in that order. */
export const COUNT_COLUMN: Readonly<Record<keyof Counts, string>> = {
  received: 'received', online: 'online', endToEnd: 'end_to_end', onTime: 'on_time', overdueOpen: 'overdue_open', completed: 'completed',
  processingMs: 'processing_ms', eResultKnown: 'e_result_known', eResult: 'e_result', digitizedKnown: 'digitized_known', digitized: 'digitized',
  feeKnown: 'fee_known', feeRequired: 'fee_required', paidOnline: 'paid_online',
};

/** The count columns, in order. */
export const COUNT_NAMES: readonly string[] = Object.values(COUNT_COLUMN);
