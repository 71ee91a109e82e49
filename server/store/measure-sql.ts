import type { Counts } from '../../shared/schemas/measure';
import type { Window } from './port';

/** What the measure SQL needs from an engine: the few spellings that differ between dialects. */
export interface MeasureDialect {
  /** An instant (epoch milliseconds) as a timestamp literal. */
  instant(ms: number): string;
  /** Whole epoch milliseconds of a timestamp expression, truncated, as an integer. */
  epochMs(expr: string): string;
  /** The 8-byte floating-point type. */
  double: string;
  /** The continuous (interpolated) quantile `p` of a column, as an aggregate. */
  quantileCont(column: string, p: number): string;
}

/** The windows as a table `w(idx, s, e)`: e is the cut-off E of SPEC §2. Values are our own integers. */
export function windowsCte(d: MeasureDialect, windows: readonly Window[]): string {
  const values = windows.map((w, i) => `(${i}, ${d.instant(w.start)}, ${d.instant(w.cutOff)})`).join(', ');
  return `w(idx, s, e) AS (VALUES ${values})`;
}

/**
 * Groups windows into layers of pairwise disjoint windows, keeping each window's index. Consecutive periods of one
 * kind make one layer; a week asked for with its month makes two.
 */
function disjointLayers(windows: readonly Window[]): { i: number; w: Window }[][] {
  const layers: { end: number; items: { i: number; w: Window }[] }[] = [];
  const sorted = windows.map((w, i) => ({ i, w })).sort((a, b) => a.w.start - b.w.start || a.w.cutOff - b.w.cutOff);
  for (const item of sorted) {
    const layer = layers.find((l) => l.end <= item.w.start);
    if (layer) {
      layer.items.push(item);
      layer.end = Math.max(layer.end, item.w.cutOff);
    } else layers.push({ end: item.w.cutOff, items: [item] });
  }
  return layers.map((l) => l.items);
}

/**
 * Dossiers of the windows as `d` (with the window index `idx`) joined to `w`. Each dossier is put in its window by
 * a CASE and then joined on the index: an equi-join, much cheaper than a range join when there are many windows.
 * A CASE picks one window, so overlapping windows are read in layers of disjoint ones, one scan per layer.
 */
export function windowedDossiers(d: MeasureDialect, windows: readonly Window[], where = 'TRUE'): string {
  const scans = disjointLayers(windows).map((layer) => {
    const lo = Math.min(...layer.map(({ w }) => w.start));
    const hi = Math.max(...layer.map(({ w }) => w.cutOff));
    const cases = layer.map(({ i, w }) => `WHEN received_at >= ${d.instant(w.start)} AND received_at < ${d.instant(w.cutOff)} THEN ${i}`).join(' ');
    return `SELECT *, CASE ${cases} END AS idx FROM dossiers
             WHERE counted AND received_at >= ${d.instant(lo)} AND received_at < ${d.instant(hi)} AND ${where}`;
  });
  return `(${scans.join(' UNION ALL ')}) d
          JOIN w ON w.idx = d.idx`;
}

/** SPEC §2 as aggregates over dossiers `d` joined to their window `w`; a completion after E is open at E. */
export function countColumns(d: MeasureDialect): string {
  return `
  count(*)::INTEGER AS received,
  count(*) FILTER (WHERE d.channel = 'online')::INTEGER AS online,
  count(*) FILTER (WHERE d.end_to_end)::INTEGER AS end_to_end,
  count(*) FILTER (WHERE CASE WHEN d.completed_at <= w.e THEN d.completed_at <= d.due_at ELSE d.due_at >= w.e END)::INTEGER AS on_time,
  count(*) FILTER (WHERE (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e)::INTEGER AS overdue_open,
  count(*) FILTER (WHERE d.completed_at <= w.e)::INTEGER AS completed,
  coalesce(sum(${processingMs(d)}) FILTER (WHERE d.completed_at <= w.e), 0)::${d.double} AS processing_ms,
  count(d.e_result)::INTEGER AS e_result_known,
  count(*) FILTER (WHERE d.e_result)::INTEGER AS e_result,
  count(d.digitized)::INTEGER AS digitized_known,
  count(*) FILTER (WHERE d.digitized)::INTEGER AS digitized,
  count(d.fee_required)::INTEGER AS fee_known,
  count(*) FILTER (WHERE d.fee_required)::INTEGER AS fee_required,
  count(*) FILTER (WHERE d.fee_required AND d.paid_online)::INTEGER AS paid_online`;
}

/** Elapsed milliseconds from receipt to completion of dossier `d`. */
export function processingMs(d: MeasureDialect): string {
  return `(${d.epochMs('d.completed_at')} - ${d.epochMs('d.received_at')})`;
}

/** Median and 90th percentile (continuous) of the processing time of one unit's dossiers completed by the cut-off. */
export function processingQuantiles(d: MeasureDialect, unitParam: string): string {
  return `SELECT ${d.quantileCont('ms', 0.5)} AS median, ${d.quantileCont('ms', 0.9)} AS p90 FROM (
            SELECT ${processingMs(d)}::${d.double} AS ms
              FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
             WHERE d.counted AND d.unit_code = ${unitParam} AND d.completed_at <= w.e) AS completed`;
}

/** Open dossiers of one unit past their due time at the window's cut-off. */
export function overdueOpen(d: MeasureDialect, unitParam: string): string {
  return `SELECT d.dossier_id, d.procedure_code, d.procedure_name, ${d.epochMs('d.received_at')} AS r, ${d.epochMs('d.due_at')} AS due
            FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
           WHERE d.counted AND d.unit_code = ${unitParam} AND (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e
           ORDER BY d.due_at, d.dossier_id`;
}

export function countsFromRow(r: Record<string, unknown>): Counts {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    received: n('received'), online: n('online'), endToEnd: n('end_to_end'), onTime: n('on_time'), overdueOpen: n('overdue_open'),
    completed: n('completed'), processingMs: n('processing_ms'), eResultKnown: n('e_result_known'), eResult: n('e_result'),
    digitizedKnown: n('digitized_known'), digitized: n('digitized'), feeKnown: n('fee_known'), feeRequired: n('fee_required'), paidOnline: n('paid_online'),
  };
}
