import { cutOff, mustParsePeriod } from '../../../shared/kpi/periods';

/** Period dates and data cut-off for an output that carries only the period id and `asOf`. */
export function periodInfoOf(out: { period: string; asOf: string }) {
  const p = mustParsePeriod(out.period);
  const asOf = Date.parse(out.asOf);
  return { id: p.id, startDate: p.startDate, endDate: p.endDate, cutOff: new Date(cutOff(p, asOf)).toISOString(), complete: asOf >= p.end };
}
