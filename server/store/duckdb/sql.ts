import type { Counts } from '../../../shared/schemas/measure';
import type { Window } from '../port';

/** The windows as a table `w(idx, s, e)`: e is the cut-off E of SPEC §2. Values are our own integers. */
export function windowsCte(windows: readonly Window[]): string {
  const values = windows.map((w, i) => `(${i}, ${ts(w.start)}, ${ts(w.cutOff)})`).join(', ');
  return `w(idx, s, e) AS (VALUES ${values})`;
}

const ts = (ms: number) => `make_timestamp(${Math.trunc(ms) * 1000})`;

/**
 * Dossiers of the windows as `d` (with the window index `idx`) joined to `w`. Each dossier is put in its window by
 * a CASE and then joined on the index: an equi-join, much cheaper than a range join when there are many windows.
 */
export function windowedDossiers(windows: readonly Window[], where = 'TRUE'): string {
  const lo = Math.min(...windows.map((w) => w.start));
  const hi = Math.max(...windows.map((w) => w.cutOff));
  const cases = windows.map((w, i) => `WHEN received_at >= ${ts(w.start)} AND received_at < ${ts(w.cutOff)} THEN ${i}`).join(' ');
  return `(SELECT *, CASE ${cases} END AS idx FROM dossiers
             WHERE counted AND received_at >= ${ts(lo)} AND received_at < ${ts(hi)} AND ${where}) d
          JOIN w ON w.idx = d.idx`;
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
  count(d.fee_required)::INTEGER AS fee_known,
  count(*) FILTER (WHERE d.fee_required)::INTEGER AS fee_required,
  count(*) FILTER (WHERE d.fee_required AND d.paid_online)::INTEGER AS paid_online`;

export function countsFromRow(r: Record<string, unknown>): Counts {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    received: n('received'), online: n('online'), endToEnd: n('end_to_end'), onTime: n('on_time'), overdueOpen: n('overdue_open'),
    completed: n('completed'), processingMs: n('processing_ms'), eResultKnown: n('e_result_known'), eResult: n('e_result'),
    digitizedKnown: n('digitized_known'), digitized: n('digitized'), feeKnown: n('fee_known'), feeRequired: n('fee_required'), paidOnline: n('paid_online'),
  };
}
