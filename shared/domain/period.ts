export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_PATTERN =
  /^(?:\d{4}-W\d{2}|\d{4}-(?:0[1-9]|1[0-2])|\d{4}-Q[1-4]|\d{4}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/;

/** A period as [start, end) instants in epoch ms; `startDate`/`endDate` are its inclusive Vietnam dates. */
export interface Period {
  id: string;
  kind: PeriodKind;
  start: number;
  end: number;
  startDate: string;
  endDate: string;
}
