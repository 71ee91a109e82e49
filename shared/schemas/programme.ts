import { z } from 'zod';
import { INDICATOR_FREQUENCIES, INDICATOR_UNITS, PILLARS } from '../domain/indicator';
import { PeriodInfoSchema } from './api';
import { FlagStateSchema } from './ranking';
import { UnitKindSchema } from './unit';

const IndicatorHeadSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(['higher', 'lower']),
  frequency: z.enum(INDICATOR_FREQUENCIES),
});

const UnitFigureSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  kind: UnitKindSchema,
  value: z.number().nullable(),
  target: z.number(),
  periodsBelow: z.number().int(),
});

/** One indicator with a target on the overview: the city's figure against the target and the units below it. */
export const PillarIndicatorSchema = IndicatorHeadSchema.extend({
  /** The period the figures are from (the indicator's own frequency, decision 019). */
  period: z.string(),
  /** The thresholds in force, each with the unit kinds it applies to (units with their own target count in theirs). */
  targets: z.array(z.object({ threshold: z.number(), kinds: z.array(UnitKindSchema) })),
  cityValue: z.number().nullable(),
  /** The city's figure judged against the target when one threshold applies to every unit; null otherwise. */
  cityState: FlagStateSchema.nullable(),
  /** Units that must report it, and how many of them have a value. */
  units: z.number().int(),
  reported: z.number().int(),
  states: z.object({ below: z.number().int(), atRisk: z.number().int(), met: z.number().int(), noData: z.number().int() }),
  below: z.array(UnitFigureSchema),
});

export const PillarsSchema = z.object({
  period: PeriodInfoSchema,
  asOf: z.string(),
  pillars: z.array(z.object({ pillar: z.enum(PILLARS), indicators: z.array(PillarIndicatorSchema) })),
});
export type Pillars = z.infer<typeof PillarsSchema>;
export type PillarIndicator = z.infer<typeof PillarIndicatorSchema>;

/** One of a unit's indicators on its page: its figure and target, the state, the last periods and what is missing. */
export const UnitIndicatorSchema = IndicatorHeadSchema.extend({
  pillar: z.enum(PILLARS),
  period: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  state: FlagStateSchema.nullable(),
  periodsBelow: z.number().int(),
  trend: z.array(z.object({ period: z.string(), value: z.number().nullable(), target: z.number().nullable(), state: FlagStateSchema.nullable() })),
});

export const UnitIndicatorsSchema = z.object({
  unitCode: z.string(),
  period: PeriodInfoSchema,
  indicators: z.array(UnitIndicatorSchema),
  /** Closed periods of the trend window with no accepted value: the unit's "chưa báo cáo". */
  unreported: z.array(z.object({ indicator: z.string(), period: z.string(), dueDate: z.string(), late: z.boolean() })),
});
export type UnitIndicators = z.infer<typeof UnitIndicatorsSchema>;
