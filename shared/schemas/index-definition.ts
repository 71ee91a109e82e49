import { z } from 'zod';
import { INDEX_BASES } from '../domain/index-basis';

/**
 * Rules for a rate r in % (SPEC §3): linear = points × r / 100; threshold = points × min(1, r / T) with a fixed T;
 * ratio-to-target = threshold with T the unit's target in force; target-plus = 80 % of the points for reaching the
 * target in force and the rest earned between the target and 100 %. Without a target in force the last two are
 * linear.
 */
export const INDEX_RULES = ['linear', 'threshold', 'ratio-to-target', 'target-plus'] as const;
export const IndexRuleSchema = z.enum(INDEX_RULES);
export type IndexRule = z.infer<typeof IndexRuleSchema>;

/** What a component scores when its denominator is 0: nothing known (null), 0 points, or full points. */
export const EmptyRuleSchema = z.enum(['null', 'zero', 'full']);
export type EmptyRule = z.infer<typeof EmptyRuleSchema>;

export const IndexBasisSchema = z.enum(INDEX_BASES);

export const INDICATOR_CODE_PATTERN = /^[A-Z0-9_]+$/;
export const IndicatorCodeSchema = z.string().regex(INDICATOR_CODE_PATTERN, 'an indicator code is written with A–Z, 0–9 and _').max(100);

export const IndexComponentSchema = z
  .object({
    code: z.string().min(1).max(100),
    group: z.string().min(1).max(100),
    /** A dossier measure (§2) or one of the index bases derived from the same counts. */
    measure: IndexBasisSchema.optional(),
    /** An indicator code (§6): scored on the unit's reported value. */
    indicator: IndicatorCodeSchema.optional(),
    rule: IndexRuleSchema,
    points: z.number().positive().max(1000),
    threshold: z.number().nonnegative().max(100).optional(),
    whenEmpty: EmptyRuleSchema.default('null'),
  })
  .strict()
  .refine((c) => (c.measure === undefined) !== (c.indicator === undefined), { message: 'a component names either a measure or an indicator', path: ['measure'] })
  .refine((c) => (c.rule === 'threshold') === (c.threshold !== undefined), { message: 'the threshold rule needs a threshold, and only it', path: ['threshold'] });
export type IndexComponent = z.infer<typeof IndexComponentSchema>;

export const RATINGS = ['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu'] as const;
export const RatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof RatingSchema>;

export const RatingBandSchema = z.object({ rating: RatingSchema, min: z.number(), assumed: z.boolean() }).strict();
export type RatingBand = z.infer<typeof RatingBandSchema>;

/** total: points summed unrounded and the total rounded; components: each component rounded, then summed. */
export const RoundingSchema = z.enum(['total', 'components']);

export const INDEX_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const IndexIdSchema = z.string().regex(INDEX_ID_PATTERN, 'an index id is written with a–z, 0–9 and -');

export const IndexDefinitionSchema = z
  .object({
    id: IndexIdSchema,
    name: z.string().min(1).max(200),
    nameEn: z.string().min(1).max(200).optional(),
    version: z.number().int().positive(),
    description: z.string().max(2000).optional(),
    rounding: RoundingSchema,
    components: z.array(IndexComponentSchema).min(1).max(50),
    bands: z.array(RatingBandSchema).min(1),
  })
  .strict()
  .refine((d) => new Set(d.components.map((c) => c.code)).size === d.components.length, { message: 'component codes must be unique', path: ['components'] });
export type IndexDefinition = z.infer<typeof IndexDefinitionSchema>;
/** A definition as written, before defaults are filled in. */
export type IndexDefinitionInput = z.input<typeof IndexDefinitionSchema>;

export const IndexRefSchema = z.object({ id: z.string(), version: z.number().int() }).strict();
export type IndexRef = z.infer<typeof IndexRefSchema>;

export const ComponentScoreSchema = z
  .object({
    code: z.string(),
    group: z.string(),
    points: z.number().nullable(),
    maxPoints: z.number(),
    ratio: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    source: z.enum(['dossiers', 'reported', 'missing']),
  })
  .strict();
export type ComponentScore = z.infer<typeof ComponentScoreSchema>;
