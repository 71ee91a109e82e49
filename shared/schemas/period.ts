import { z } from 'zod';

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'range'] as const;
export const PeriodKindSchema = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

export const PERIOD_PATTERN =
  /^(?:\d{4}-W\d{2}|\d{4}-(?:0[1-9]|1[0-2])|\d{4}-Q[1-4]|\d{4}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/;

export const PeriodIdSchema = z
  .string()
  .trim()
  .regex(PERIOD_PATTERN, 'a period is 2025-W30, 2025-07, 2025-Q3, 2025 or 2025-07-01..2025-07-31');

/** A period as [start, end) instants in epoch ms; `startDate`/`endDate` are its inclusive Vietnam dates. */
export const PeriodSchema = z.object({
  id: z.string(),
  kind: PeriodKindSchema,
  start: z.number(),
  end: z.number(),
  startDate: z.string(),
  endDate: z.string(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const DateStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const AsOfSchema = z.iso.datetime({ offset: true }).or(DateStringSchema);
