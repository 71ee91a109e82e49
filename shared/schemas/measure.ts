import { z } from 'zod';

export const RATE_MEASURES = ['onlineRate', 'endToEndRate', 'onTimeRate', 'eResultRate', 'digitizedRate', 'onlinePaymentRate'] as const;
export const MEASURES = [...RATE_MEASURES, 'avgProcessingDays', 'overdueOpen'] as const;
export const MeasureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof MeasureSchema>;
export type RateMeasure = (typeof RATE_MEASURES)[number];

/** The order measures are listed in, everywhere. */
export const MEASURE_ORDER: readonly Measure[] = ['onlineRate', 'endToEndRate', 'onTimeRate', 'avgProcessingDays', 'overdueOpen', 'eResultRate', 'digitizedRate', 'onlinePaymentRate'];

export function byMeasureOrder(a: Measure, b: Measure): number {
  return MEASURE_ORDER.indexOf(a) - MEASURE_ORDER.indexOf(b);
}

export function isRateMeasure(measure: Measure): measure is RateMeasure {
  return (RATE_MEASURES as readonly string[]).includes(measure);
}

/** Rates: higher is better; processing days and open overdue dossiers: lower is better. */
export function higherIsBetter(measure: Measure): boolean {
  return isRateMeasure(measure);
}

/** Raw counts of one unit over one period, as the store aggregates them. */
export const CountsSchema = z.object({
  received: z.number().int().nonnegative(),
  online: z.number().int().nonnegative(),
  endToEnd: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  overdueOpen: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  processingMs: z.number().nonnegative(),
  eResultKnown: z.number().int().nonnegative(),
  eResult: z.number().int().nonnegative(),
  digitizedKnown: z.number().int().nonnegative(),
  digitized: z.number().int().nonnegative(),
  feeRequired: z.number().int().nonnegative(),
  paidOnline: z.number().int().nonnegative(),
});
export type Counts = z.infer<typeof CountsSchema>;

export const MeasuresSchema = z.object({
  received: z.number().int(),
  online: z.number().int(),
  endToEnd: z.number().int(),
  onTime: z.number().int(),
  overdueOpen: z.number().int(),
  completed: z.number().int(),
  onlineRate: z.number().nullable(),
  endToEndRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  avgProcessingDays: z.number().nullable(),
  eResultRate: z.number().nullable(),
  digitizedRate: z.number().nullable(),
  onlinePaymentRate: z.number().nullable(),
});
export type Measures = z.infer<typeof MeasuresSchema>;
