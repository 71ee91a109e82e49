import { FORM06_COLUMNS, type Form06Field } from '../shared/domain/form06';
import type { Form06 } from '../shared/schemas/form06';

const SHORT: Record<Form06Field, string> = {
  receivedTotal: 'Total', receivedOnline: 'Online', receivedOffline: 'Counter+post', carriedOver: 'Carried',
  resolvedTotal: 'Resolved', resolvedEarly: 'Early', resolvedOnTime: 'On time', resolvedLate: 'Late',
  pendingTotal: 'Pending', pendingWithinDeadline: 'Not due', pendingOverdue: 'Overdue',
};

const pad = (text: string, width: number, right: boolean) => {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
};

/** Biểu 06 as a plain-text table for a terminal, in the form's column order. */
export function form06Table(out: Form06, cutOff: string): string {
  const header = ['Code', 'Unit', ...FORM06_COLUMNS.map((f) => SHORT[f])];
  const rows = [...out.rows.map((r) => [r.unitCode, r.unitName, ...FORM06_COLUMNS.map((f) => String(r[f]))]), ['', 'Total', ...FORM06_COLUMNS.map((f) => String(out.total[f]))]];
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] as number, i >= 2)).join('  ').trimEnd();
  return [`Biểu số 06/VPCP/KSTT · ${out.period} · data as of ${cutOff}`, line(header), ...rows.map(line)].join('\n');
}
