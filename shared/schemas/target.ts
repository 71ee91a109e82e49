import { z } from 'zod';
import { MeasureSchema } from './measure';
import { DateStringSchema } from './period';
import { UnitCodeSchema, UnitKindSchema } from './unit';

const scopeRule = (t: { kind?: unknown; unitCode?: unknown }) => (t.kind == null) !== (t.unitCode == null);
const SCOPE_MESSAGE = 'a target applies to either a unit kind or one unit, not both and not neither';

export const TargetSchema = z.object({
  measure: MeasureSchema,
  kind: UnitKindSchema.nullable(),
  unitCode: UnitCodeSchema.nullable(),
  threshold: z.number().finite().nonnegative(),
  effectiveFrom: DateStringSchema,
  deadline: DateStringSchema.nullable(),
});
export type Target = z.infer<typeof TargetSchema>;

export const TargetInputSchema = z
  .object({
    measure: MeasureSchema,
    kind: UnitKindSchema.optional(),
    unitCode: UnitCodeSchema.optional(),
    threshold: z.number().finite().nonnegative(),
    effectiveFrom: DateStringSchema,
    deadline: DateStringSchema.optional(),
  })
  .refine(scopeRule, SCOPE_MESSAGE);
export type TargetInput = z.infer<typeof TargetInputSchema>;

/** The target that applies to a unit for one measure, with where it came from. */
export const TargetInForceSchema = TargetSchema.extend({ scope: z.enum(['unit', 'kind']) });
export type TargetInForce = z.infer<typeof TargetInForceSchema>;
