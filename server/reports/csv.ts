import Papa from 'papaparse';
import { safeRecord } from '../safe-cell';
import type { ReportData } from './report-data';

/** One row per unit and period with the ranking columns; UTF-8 with BOM so Excel shows Vietnamese right. */
export function renderCsv(data: ReportData): Buffer {
  const rows = data.rankings.flatMap((r) =>
    r.rows.map((x) => safeRecord({
      period: data.period, group: r.group, rank: x.rank ?? '', rank_change: x.rankChange ?? '', unit_code: x.unitCode, unit_name: x.unitName, kind: x.kind,
      head_name: x.headName ?? '', received: x.received, online: x.online, end_to_end: x.endToEnd, on_time: x.onTime, overdue_open: x.overdueOpen,
      online_rate: x.onlineRate ?? '', end_to_end_rate: x.endToEndRate ?? '', on_time_rate: x.onTimeRate ?? '', avg_processing_days: x.avgProcessingDays ?? '',
      index: x.index ?? '', rating: x.rating ?? '', status: x.status,
      flags: x.flags.map((f) => `${f.measure}:${f.state}:${f.periodsBelow}`).join(';'),
      as_of: data.cutOff,
    })),
  );
  return Buffer.from(`\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`, 'utf8');
}
