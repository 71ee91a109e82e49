import { z } from 'zod';
import { TargetMeasureSchema } from './target';
import { ComponentScoreSchema, IndexRefSchema, RatingSchema } from './index-definition';
import { GroupSchema, UnitKindSchema } from './unit';

export const FLAG_STATES = ['below', 'at-risk', 'met', 'no-data'] as const;
export const FlagStateSchema = z.enum(FLAG_STATES);
export type FlagState = z.infer<typeof FlagStateSchema>;

export const FlagSchema = z
  .object({
    measure: TargetMeasureSchema,
    target: z.number(),
    value: z.number().nullable(),
    state: FlagStateSchema,
    periodsBelow: z.number().int().nonnegative(),
    /** For an indicator: the period its value was judged on (its own frequency, SPEC §6; decision 019). */
    period: z.string().optional(),
  })
  .strict();
export type Flag = z.infer<typeof FlagSchema>;

export const RankStatusSchema = z.enum(['ranked', 'insufficient-data']);
export type RankStatus = z.infer<typeof RankStatusSchema>;

/** The counts and measures a ranking row and a unit page's procedure row both show. */
export const MeasureFieldsSchema = z.object({
  received: z.number().int(),
  online: z.number().int(),
  endToEnd: z.number().int(),
  onTime: z.number().int(),
  overdueOpen: z.number().int(),
  onlineRate: z.number().nullable(),
  endToEndRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  avgProcessingDays: z.number().nullable(),
});

export const RankingRowSchema = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    kind: UnitKindSchema,
    headName: z.string().nullable(),
    ...MeasureFieldsSchema.shape,
    index: z.number().nullable(),
    rating: RatingSchema.nullable(),
    rank: z.number().int().positive().nullable(),
    rankChange: z.number().int().nullable(),
    status: RankStatusSchema,
    flags: z.array(FlagSchema),
    components: z.array(ComponentScoreSchema),
    indexCoverage: z.number(),
  })
  .strict();
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const RankingOutputSchema = z
  .object({ period: z.string(), group: GroupSchema, asOf: z.string(), index: IndexRefSchema, rows: z.array(RankingRowSchema) })
  .strict();
export type RankingOutput = z.infer<typeof RankingOutputSchema>;
