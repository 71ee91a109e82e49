import { z } from 'zod';
import { AsOfSchema, PeriodIdSchema } from './period';
import { GroupSchema } from './unit';

export { FORM06_COLUMNS, FORM06_FIELDS, FORM06_HEAD, type Form06Field } from '../domain/form06';

const count = () => z.number().int().nonnegative();

/** The figures of one row of Biểu số 06 (SPEC §8), in the order of the JSON output. */
export const Form06CountsSchema = z
  .object({
    carriedOver: count(),
    receivedOnline: count(),
    receivedOffline: count(),
    receivedTotal: count(),
    resolvedTotal: count(),
    resolvedEarly: count(),
    resolvedOnTime: count(),
    resolvedLate: count(),
    pendingTotal: count(),
    pendingWithinDeadline: count(),
    pendingOverdue: count(),
  })
  .strict();
export type Form06Counts = z.infer<typeof Form06CountsSchema>;

export const Form06RowSchema = z.object({ unitCode: z.string(), unitName: z.string(), ...Form06CountsSchema.shape }).strict();
export type Form06Row = z.infer<typeof Form06RowSchema>;

/** `reports.form06` and `chiso form06 --json`: one row per unit (those without dossiers included) and the total. */
export const Form06Schema = z
  .object({ period: z.string(), asOf: z.string(), rows: z.array(Form06RowSchema), total: Form06CountsSchema })
  .strict();
export type Form06 = z.infer<typeof Form06Schema>;

export const Form06InputSchema = z.object({ period: PeriodIdSchema, group: GroupSchema.optional(), asOf: AsOfSchema.optional() });
export type Form06Input = z.infer<typeof Form06InputSchema>;
