import { z } from 'zod';
import { MEASURES } from '../domain/measure';
import { INDICATOR_CODE_PATTERN } from './index-definition';
import { DateStringSchema } from './period';
import { UnitCodeSchema, UnitKindSchema } from './unit';

/**
 * What a target (and a flag) is about: a measure of SPEC §2 (`onlineRate` …) or an indicator code of the catalogue
 * (`VNEID_ACTIVATED` …, SPEC §6). The two spellings cannot collide: measures are camelCase, codes A–Z, 0–9 and _.
 */
export const TargetMeasureSchema = z
  .string()
  .max(100)
  .refine((s) => (MEASURES as readonly string[]).includes(s) || INDICATOR_CODE_PATTERN.test(s), 'is neither a measure (onlineRate, endToEndRate, onTimeRate …) nor an indicator code (A–Z, 0–9, _)');
export type TargetMeasure = z.infer<typeof TargetMeasureSchema>;

const scopeRule = (t: { kind?: unknown; unitCode?: unknown }) => (t.kind == null) !== (t.unitCode == null);
const SCOPE_MESSAGE = 'a target applies to either a unit kind or one unit, not both and not neither';

export const TargetSchema = z.object({
  measure: TargetMeasureSchema,
  kind: UnitKindSchema.nullable(),
  unitCode: UnitCodeSchema.nullable(),
  threshold: z.number().finite().nonnegative(),
  effectiveFrom: DateStringSchema,
  deadline: DateStringSchema.nullable(),
});
export type Target = z.infer<typeof TargetSchema>;

export const TargetInputSchema = z
  .object({
    measure: TargetMeasureSchema,
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
