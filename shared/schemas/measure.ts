import { z } from 'zod';

import { MEASURES } from '../domain/measure';

export * from '../domain/measure';

export const MeasureSchema = z.enum(MEASURES);

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
  feeKnown: z.number().int().nonnegative(),
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
