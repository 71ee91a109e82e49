import { z } from 'zod';

import { PERIOD_KINDS, PERIOD_PATTERN } from '../domain/period';

export { PERIOD_KINDS, PERIOD_PATTERN, type Period, type PeriodKind } from '../domain/period';

export const PeriodKindSchema = z.enum(PERIOD_KINDS);

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

export const DateStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const AsOfSchema = z.iso.datetime({ offset: true }).or(DateStringSchema);
