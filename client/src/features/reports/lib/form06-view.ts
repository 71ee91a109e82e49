import { cutOff, mustParsePeriod } from '../../../../../shared/kpi/periods';
import type { Group } from '../../../../../shared/domain/unit';

/** The period line of a Biểu 06 answer: its span and the cut-off E = min(end, asOf) it was counted at. */
export function form06PeriodInfo(form: { period: string; asOf: string }) {
  const p = mustParsePeriod(form.period);
  const asOf = Date.parse(form.asOf);
  return { id: p.id, startDate: p.startDate, endDate: p.endDate, cutOff: new Date(cutOff(p, asOf)).toISOString(), complete: asOf >= p.end };
}

/** The XLSX of the same form, made by the server on request. */
export function form06DownloadUrl(period: string, group: Group | undefined): string {
  const query = new URLSearchParams({ period });
  if (group) query.set('group', group);
  return `/api/reports/form06.xlsx?${query.toString()}`;
}
