export const RATE_MEASURES = ['onlineRate', 'endToEndRate', 'onTimeRate', 'eResultRate', 'digitizedRate', 'onlinePaymentRate'] as const;
export const MEASURES = [...RATE_MEASURES, 'avgProcessingDays', 'overdueOpen'] as const;
export type Measure = (typeof MEASURES)[number];
export type RateMeasure = (typeof RATE_MEASURES)[number];

/** The order measures are listed in, everywhere. */
export const MEASURE_ORDER: readonly Measure[] = ['onlineRate', 'endToEndRate', 'onTimeRate', 'avgProcessingDays', 'overdueOpen', 'eResultRate', 'digitizedRate', 'onlinePaymentRate'];

export function byMeasureOrder(a: Measure, b: Measure): number {
  return MEASURE_ORDER.indexOf(a) - MEASURE_ORDER.indexOf(b);
}

export function isMeasure(subject: string): subject is Measure {
  return (MEASURES as readonly string[]).includes(subject);
}

/** Measures in their order, then indicator codes alphabetically: the order of targets and flags everywhere. */
export function bySubjectOrder(a: string, b: string): number {
  const ma = isMeasure(a);
  const mb = isMeasure(b);
  if (ma && mb) return byMeasureOrder(a, b);
  if (ma !== mb) return ma ? -1 : 1;
  return a.localeCompare(b);
}

export function isRateMeasure(measure: Measure): measure is RateMeasure {
  return (RATE_MEASURES as readonly string[]).includes(measure);
}

/** Rates: higher is better; processing days and open overdue dossiers: lower is better (shared/kpi/measure-table.ts). */
export function higherIsBetter(measure: Measure): boolean {
  return isRateMeasure(measure);
}

