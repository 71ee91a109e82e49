import { z } from 'zod';
import { INDICATOR_FREQUENCIES, INDICATOR_UNITS, PILLARS } from '../domain/indicator';
import { IndicatorCodeSchema } from './index-definition';
import { UnitKindSchema } from './unit';

export * from '../domain/indicator';

export const IndicatorSchema = z.object({
  code: IndicatorCodeSchema,
  name: z.string().min(1).max(1000),
  nameEn: z.string().max(1000).nullable(),
  pillar: z.enum(PILLARS),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(['higher', 'lower']),
  frequency: z.enum(INDICATOR_FREQUENCIES),
  kinds: z.array(UnitKindSchema),
  description: z.string().max(5000).nullable(),
});

export const IndicatorValueSchema = z.object({
  indicator: z.string(),
  unitCode: z.string(),
  period: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  note: z.string().nullable(),
});
