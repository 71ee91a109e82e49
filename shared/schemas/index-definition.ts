import { z } from 'zod';
import { MeasureSchema } from './measure';

/**
 * linear: points × rate / 100; threshold: points × min(1, rate / T) with a fixed T;
 * ratio-to-target: like threshold, with T the unit's target in force (linear when it has none).
 */
export const IndexRuleSchema = z.enum(['linear', 'threshold', 'ratio-to-target']);
export type IndexRule = z.infer<typeof IndexRuleSchema>;

export const IndexComponentSchema = z.object({
  measure: MeasureSchema,
  rule: IndexRuleSchema,
  points: z.number().positive(),
  threshold: z.number().nonnegative().optional(),
});
export type IndexComponent = z.infer<typeof IndexComponentSchema>;

export const RATINGS = ['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu'] as const;
export const RatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof RatingSchema>;

export const RatingBandSchema = z.object({ rating: RatingSchema, min: z.number(), assumed: z.boolean() });
export type RatingBand = z.infer<typeof RatingBandSchema>;

export const IndexDefinitionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  components: z.array(IndexComponentSchema).min(1),
  bands: z.array(RatingBandSchema).min(1),
});
export type IndexDefinition = z.infer<typeof IndexDefinitionSchema>;
