import { z } from 'zod';
import { FlagSchema, MeasureFieldsSchema, RankingRowSchema } from './ranking';
import { MeasureSchema, MeasuresSchema } from './measure';
import { AsOfSchema, DateStringSchema, PeriodIdSchema, PeriodKindSchema } from './period';
import { GroupSchema, UnitCodeSchema, UnitKindSchema, UnitSchema } from './unit';
import { TargetInForceSchema, TargetMeasureSchema } from './target';
import { OverdueDossierSchema } from './dossier';
import { ComponentScoreSchema, IndexIdSchema, RatingSchema } from './index-definition';
import { CommitmentSchema, EscalationLevelSchema, LadderVersionSchema } from './accountability';

export const PeriodInputSchema = z.object({ period: PeriodIdSchema, asOf: AsOfSchema.optional(), index: IndexIdSchema.optional() });

/** Which index definition a figure was computed with. */
export const DefinitionInfoSchema = z.object({ id: z.string(), version: z.number().int(), name: z.string(), nameEn: z.string().nullable(), maxPoints: z.number() });
export type DefinitionInfo = z.infer<typeof DefinitionInfoSchema>;
export const RankingInputSchema = PeriodInputSchema.extend({ group: GroupSchema });
export const FlagsInputSchema = PeriodInputSchema.extend({ group: GroupSchema.optional() });
export const UnitDetailInputSchema = PeriodInputSchema.extend({ unitCode: UnitCodeSchema });
/** A trend spans years the dashboard has data for; the period maths refuses dates far outside them. */
const TrendDateSchema = DateStringSchema.refine((d) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100, 'a trend date is in the years 2000 to 2100');
export const TrendInputSchema = z
  .object({ unitCode: UnitCodeSchema, measure: MeasureSchema, from: TrendDateSchema, to: TrendDateSchema, granularity: z.enum(['week', 'month']) })
  .refine((t) => t.from <= t.to, { message: '`from` must not be after `to`', path: ['to'] });
export const PeriodsInputSchema = z.object({ kind: PeriodKindSchema.exclude(['range']).optional() }).optional();

export const PeriodInfoSchema = z.object({
  id: z.string(),
  kind: PeriodKindSchema,
  startDate: z.string(),
  endDate: z.string(),
  /** The data cut-off the figures are taken at: min(period end, asOf), ISO 8601. */
  cutOff: z.string(),
  complete: z.boolean(),
});
export type PeriodInfo = z.infer<typeof PeriodInfoSchema>;

export const PeriodListSchema = z.object({
  kind: PeriodKindSchema,
  /** The data set is the synthetic demo: every page says so. */
  demo: z.boolean(),
  /** The period a dashboard opens on: the last complete one with data. */
  defaultPeriod: z.string().nullable(),
  periods: z.array(PeriodInfoSchema.omit({ cutOff: true })),
});

export const GroupTargetSchema = z.object({ measure: MeasureSchema, threshold: z.number(), kinds: z.array(UnitKindSchema), deadline: z.string().nullable(), deadlinePassed: z.boolean() });

export const GroupOverviewSchema = z.object({
  group: GroupSchema,
  unitCount: z.number().int(),
  measures: MeasuresSchema,
  previous: MeasuresSchema.nullable(),
  targets: z.array(GroupTargetSchema),
  states: z.object({ below: z.number().int(), atRisk: z.number().int(), met: z.number().int(), noData: z.number().int() }),
  insufficientData: z.number().int(),
  longestBelow: z.array(
    z.object({ unitCode: z.string(), unitName: z.string(), headName: z.string().nullable(), periodsBelow: z.number().int(), measures: z.array(TargetMeasureSchema) }),
  ),
  /** The mean index of the group's ranked units, now and in the previous period (null when not compared). */
  index: z.object({ average: z.number().nullable(), previousAverage: z.number().nullable() }),
  best: z.array(z.object({ unitCode: z.string(), unitName: z.string(), index: z.number().nullable(), rank: z.number().int().nullable() })),
  worst: z.array(z.object({ unitCode: z.string(), unitName: z.string(), index: z.number().nullable(), rank: z.number().int().nullable() })),
  /** The group's measures over the last periods of the same kind, oldest first (the current one last). */
  series: z.array(z.object({ period: z.string(), measures: MeasuresSchema })),
});

export const OverviewSchema = z.object({
  period: PeriodInfoSchema,
  previousPeriod: z.string(),
  /** full: the previous period whole; same-elapsed: a period in progress against the previous one cut at the same point. */
  comparison: z.enum(['full', 'same-elapsed']),
  asOf: z.string(),
  demo: z.boolean(),
  definition: DefinitionInfoSchema,
  city: z.object({ measures: MeasuresSchema, previous: MeasuresSchema.nullable() }),
  groups: z.array(GroupOverviewSchema),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const ProcedureRowSchema = z.object({
  procedureCode: z.string(),
  procedureName: z.string().nullable(),
  ...MeasureFieldsSchema.shape,
});

export const ForecastSchema = z.object({
  measure: MeasureSchema,
  threshold: z.number(),
  deadline: z.string(),
  slope: z.number().nullable(),
  basis: z.number().int(),
  outcome: z.enum(['reaches', 'not-before-deadline', 'no-progress', 'deadline-passed']),
  reachedIn: z.string().nullable(),
});

export const UnitDetailSchema = z.object({
  period: PeriodInfoSchema,
  asOf: z.string(),
  unit: UnitSchema,
  group: GroupSchema,
  measures: MeasuresSchema.extend({ medianProcessingDays: z.number().nullable(), p90ProcessingDays: z.number().nullable() }),
  previous: MeasuresSchema.nullable(),
  targets: z.array(TargetInForceSchema),
  flags: z.array(FlagSchema),
  escalation: EscalationLevelSchema.nullable(),
  forecasts: z.array(ForecastSchema),
  definition: DefinitionInfoSchema,
  index: z.number().nullable(),
  components: z.array(ComponentScoreSchema),
  indexCoverage: z.number(),
  rating: RatingSchema.nullable(),
  rank: z.number().int().nullable(),
  rankChange: z.number().int().nullable(),
  rankedUnits: z.number().int(),
  status: RankingRowSchema.shape.status,
  procedures: z.array(ProcedureRowSchema),
  overdue: z.array(OverdueDossierSchema),
  overdueTotal: z.number().int(),
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

export const TrendSchema = z.object({
  unitCode: z.string(),
  measure: MeasureSchema,
  granularity: z.enum(['week', 'month']),
  points: z.array(z.object({ period: z.string(), startDate: z.string(), endDate: z.string(), received: z.number().int(), value: z.number().nullable(), target: z.number().nullable() })),
  deadlines: z.array(z.object({ date: z.string(), threshold: z.number() })),
});
export type Trend = z.infer<typeof TrendSchema>;

export const FlagListSchema = z.object({
  period: PeriodInfoSchema,
  asOf: z.string(),
  definition: DefinitionInfoSchema,
  /** The escalation ladder in force for the period, which `escalation` was computed with. */
  ladder: LadderVersionSchema,
  rows: z.array(
    RankingRowSchema.pick({ unitCode: true, unitName: true, kind: true, headName: true, received: true, index: true, rank: true, status: true, flags: true }).extend({
      group: GroupSchema,
      headTitle: z.string().nullable(),
      periodsBelow: z.number().int(),
      forecasts: z.array(ForecastSchema),
      failed: z.array(z.object({ measure: TargetMeasureSchema, target: z.number(), value: z.number().nullable(), gap: z.number().nullable(), periodsBelow: z.number().int() })),
      /** SPEC §9: the highest escalation level over the unit's below measures. */
      escalation: EscalationLevelSchema.nullable(),
      /** The unit's latest commitment, with its state at read time; null: no explanation yet. */
      commitment: CommitmentSchema.nullable(),
    }),
  ),
});
export type FlagList = z.infer<typeof FlagListSchema>;

const IndexStandingSchema = z.object({
  index: z.number().nullable(), rank: z.number().int().nullable(), rating: RatingSchema.nullable(), status: RankingRowSchema.shape.status,
  onlineRate: z.number().nullable(), endToEndRate: z.number().nullable(), onTimeRate: z.number().nullable(),
  components: z.array(ComponentScoreSchema), indexCoverage: z.number(),
});

export const WhatIfChangeSchema = z.object({ code: z.string().min(1).max(100), value: z.number().finite().min(-1_000_000).max(1_000_000) });
export const WhatIfInputSchema = UnitDetailInputSchema.extend({ changes: z.array(WhatIfChangeSchema).min(1).max(20) });
export const WhatIfOutputSchema = z.object({
  period: PeriodInfoSchema, definition: DefinitionInfoSchema, unitCode: z.string(), changes: z.array(WhatIfChangeSchema),
  before: IndexStandingSchema, after: IndexStandingSchema,
});
export type WhatIfOutput = z.infer<typeof WhatIfOutputSchema>;

const PeerMoveSchema = z.object({ unitCode: z.string(), unitName: z.string(), rank: z.number().int().nullable(), previousRank: z.number().int().nullable(), index: z.number().nullable(), previousIndex: z.number().nullable() });
export const RankChangeOutputSchema = z.object({
  unitCode: z.string(), period: PeriodInfoSchema, previousPeriod: z.string(), definition: DefinitionInfoSchema,
  index: z.number().nullable(), previousIndex: z.number().nullable(), indexChange: z.number().nullable(),
  rank: z.number().int().nullable(), previousRank: z.number().int().nullable(), rankChange: z.number().int().nullable(),
  components: z.array(z.object({ code: z.string(), group: z.string(), points: z.number().nullable(), previousPoints: z.number().nullable(), change: z.number().nullable(), ratio: z.number().nullable(), previousRatio: z.number().nullable() })),
  overtook: z.array(PeerMoveSchema),
  overtakenBy: z.array(PeerMoveSchema),
});
export type RankChangeOutput = z.infer<typeof RankChangeOutputSchema>;

export const UnitListSchema = z.array(UnitSchema.extend({ group: GroupSchema }));
