import type { Counts } from '../../../shared/schemas/measure';
import type { Window } from '../port';

/** The windows as a table `w(idx, s, e)`: e is the cut-off E of SPEC §2. Values are our own integers. */
export function windowsCte(windows: readonly Window[]): string {
  const values = windows
    .map((w, i) => `(${i}, make_timestamp(${Math.trunc(w.start) * 1000}), make_timestamp(${Math.trunc(w.cutOff) * 1000}))`)
    .join(', ');
  return `w(idx, s, e) AS (VALUES ${values})`;
}

/** SPEC §2 as aggregates over dossiers `d` joined to their window `w`; a completion after E is open at E. */
export const COUNT_COLUMNS = `
  count(*)::INTEGER AS received,
  count(*) FILTER (WHERE d.channel = 'online')::INTEGER AS online,
  count(*) FILTER (WHERE d.end_to_end)::INTEGER AS end_to_end,
  count(*) FILTER (WHERE CASE WHEN d.completed_at <= w.e THEN d.completed_at <= d.due_at ELSE d.due_at >= w.e END)::INTEGER AS on_time,
  count(*) FILTER (WHERE (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e)::INTEGER AS overdue_open,
  count(*) FILTER (WHERE d.completed_at <= w.e)::INTEGER AS completed,
  coalesce(sum(epoch_ms(d.completed_at) - epoch_ms(d.received_at)) FILTER (WHERE d.completed_at <= w.e), 0)::DOUBLE AS processing_ms,
  count(d.e_result)::INTEGER AS e_result_known,
  count(*) FILTER (WHERE d.e_result)::INTEGER AS e_result,
  count(d.digitized)::INTEGER AS digitized_known,
  count(*) FILTER (WHERE d.digitized)::INTEGER AS digitized,
  count(*) FILTER (WHERE d.fee_required)::INTEGER AS fee_required,
  count(*) FILTER (WHERE d.fee_required AND d.paid_online)::INTEGER AS paid_online`;

export function countsFromRow(r: Record<string, unknown>): Counts {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    received: n('received'), online: n('online'), endToEnd: n('end_to_end'), onTime: n('on_time'), overdueOpen: n('overdue_open'),
    completed: n('completed'), processingMs: n('processing_ms'), eResultKnown: n('e_result_known'), eResult: n('e_result'),
    digitizedKnown: n('digitized_known'), digitized: n('digitized'), feeRequired: n('fee_required'), paidOnline: n('paid_online'),
  };
}
