import { form06WithTotals } from '../../shared/kpi/form06';
import { DAY_MS, VN_OFFSET_MS } from '../../shared/kpi/vn-time';
import type { Form06Counts } from '../../shared/schemas/form06';
import type { MeasureDialect } from './measure-sql';
import type { Window } from './port';

/**
 * The Vietnam calendar day of a timestamp as a day number, from epoch milliseconds (as shared/kpi/form06.ts's
 * vnDayNumber): the stored instants are UTC, and neither engine's session time zone may decide the day.
 */
function vnDay(d: MeasureDialect, expr: string): string {
  return `floor((${d.epochMs(expr)} + ${VN_OFFSET_MS})::${d.double} / ${DAY_MS})`;
}

/**
 * Biểu số 06 (SPEC §8) per unit, as shared/kpi/form06.ts's form06FromDossiers counts it. Only the cells are
 * counted here; the totals are their sums (form06FromRow). `unitFilter` is a condition on `d.unit_code`.
 * A cut-off before the window's start takes the form as it stood at the cut-off.
 */
export function form06Sql(d: MeasureDialect, window: Window, unitFilter = 'TRUE'): string {
  const s = Math.min(window.start, window.cutOff);
  const open = '(d.completed_at IS NULL OR d.completed_at > w.e)';
  const resolvedInTime = 'd.completed_at <= w.e AND d.completed_at <= d.due_at';
  const earlier = `${vnDay(d, 'd.completed_at')} < ${vnDay(d, 'd.due_at')}`;
  return `WITH w(s, e) AS (VALUES (${d.instant(s)}, ${d.instant(window.cutOff)}))
    SELECT d.unit_code,
      count(*) FILTER (WHERE d.received_at < w.s)::INTEGER AS carried_over,
      count(*) FILTER (WHERE d.received_at >= w.s AND d.channel = 'online')::INTEGER AS received_online,
      count(*) FILTER (WHERE d.received_at >= w.s AND d.channel <> 'online')::INTEGER AS received_offline,
      count(*) FILTER (WHERE ${resolvedInTime} AND ${earlier})::INTEGER AS resolved_early,
      count(*) FILTER (WHERE ${resolvedInTime} AND NOT (${earlier}))::INTEGER AS resolved_on_time,
      count(*) FILTER (WHERE d.completed_at <= w.e AND d.completed_at > d.due_at)::INTEGER AS resolved_late,
      count(*) FILTER (WHERE ${open} AND d.due_at >= w.e)::INTEGER AS pending_within_deadline,
      count(*) FILTER (WHERE ${open} AND d.due_at < w.e)::INTEGER AS pending_overdue
    FROM dossiers d CROSS JOIN w
    WHERE d.counted AND d.received_at < w.e
      AND (d.received_at >= w.s OR d.completed_at IS NULL OR d.completed_at >= w.s)
      AND ${unitFilter}
    GROUP BY d.unit_code`;
}

export function form06FromRow(r: Record<string, unknown>): Form06Counts {
  const n = (k: string) => Number(r[k] ?? 0);
  return form06WithTotals({
    carriedOver: n('carried_over'), receivedOnline: n('received_online'), receivedOffline: n('received_offline'),
    resolvedEarly: n('resolved_early'), resolvedOnTime: n('resolved_on_time'), resolvedLate: n('resolved_late'),
    pendingWithinDeadline: n('pending_within_deadline'), pendingOverdue: n('pending_overdue'),
  });
}

export function form06ByUnit(rows: readonly Record<string, unknown>[]): Map<string, Form06Counts> {
  return new Map(rows.map((r) => [String(r.unit_code), form06FromRow(r)]));
}
