import { z } from 'zod';
import { IndicatorSchema, IndicatorValueSchema } from '../../shared/schemas/indicator';
import { PeriodIdSchema } from '../../shared/schemas/period';
import { UnitCodeSchema } from '../../shared/schemas/unit';
import { cachedIndicators } from '../analytics/definitions';
import { cachedUnits } from '../analytics/deps';
import { UserError } from '../errors';
import { reportingRound, valueFromInput } from '../indicators/reporting-round';
import { auditBy, roleProcedure, router, unitScope, viewerProcedure } from '../trpc';
import { PeriodInputSchema } from '../../shared/schemas/api';
import { PillarsSchema, UnitIndicatorsSchema } from '../../shared/schemas/programme';
import { pillars } from '../analytics/pillars';
import { unitIndicators } from '../analytics/unit-indicators';
import { msg } from '../../shared/messages/catalogue';

/** An evidence file attached to a value (decision 024); its bytes are at `/api/evidence/{id}`. */
const EvidenceSchema = z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), at: z.string(), actor: z.string().nullable() });
const ValueRecordSchema = IndicatorValueSchema.extend({ state: z.enum(['submitted', 'returned']), comment: z.string().nullable(), at: z.string(), actor: z.string().nullable(), evidence: EvidenceSchema.nullable() });
const KeySchema = z.object({ indicator: z.string().min(1).max(100), unitCode: UnitCodeSchema, period: PeriodIdSchema });
const Figure = z.number().finite().nonnegative().max(1e12);
const SubmitSchema = KeySchema.extend({ numerator: Figure.optional(), denominator: Figure.optional(), value: Figure.optional(), note: z.string().max(2000).optional() });

export const indicatorsRouter = router({
  list: viewerProcedure.output(z.array(IndicatorSchema)).query(({ ctx }) => cachedIndicators(ctx.deps)),
  /** Adds or edits a catalogue entry (SPEC §6); the code is its identity. */
  upsert: roleProcedure('admin')
    .input(IndicatorSchema)
    .output(IndicatorSchema)
    .mutation(async ({ ctx, input }) => {
      const entry = { ...input, name: input.name.normalize('NFC').trim(), nameEn: input.nameEn?.trim() || null, description: input.description?.trim() || null };
      const before = (await ctx.deps.store.listIndicators()).find((i) => i.code === entry.code) ?? null;
      await ctx.deps.store.saveIndicators([entry], null, auditBy(ctx, before ? 'indicator.update' : 'indicator.create', entry.code, before, entry));
      return entry;
    }),
  /** Reported values; a unit head sees its own unit's only. */
  values: viewerProcedure
    .input(z.object({ unitCode: UnitCodeSchema.optional(), indicator: z.string().max(100).optional() }).optional())
    .output(z.array(IndicatorValueSchema))
    .query(async ({ ctx, input }) => {
      const own = ctx.viewer.role === 'unit_head' ? ctx.viewer.unitCode : null;
      const unitCode = own ?? input?.unitCode;
      return (await ctx.deps.store.listIndicatorValues()).filter((v) => (!unitCode || v.unitCode === unitCode) && (!input?.indicator || v.indicator === input.indicator));
    }),
  /** A period's reporting round: what each unit must report, and who has, who was asked to correct, who is late. */
  round: viewerProcedure
    .input(z.object({ period: PeriodIdSchema, unitCode: UnitCodeSchema.optional() }))
    .output(z.object({ period: z.string(), dueDate: z.string(), closed: z.boolean(), rows: z.array(z.object({ indicator: z.string(), unitCode: z.string(), unitName: z.string(), status: z.enum(['reported', 'returned', 'missing', 'late']), record: ValueRecordSchema.nullable() })) }))
    .query(async ({ ctx, input }) => {
      const unitCode = ctx.viewer.role === 'unit_head' ? ctx.viewer.unitCode : (input.unitCode ?? null);
      const [catalogue, units, records] = await Promise.all([cachedIndicators(ctx.deps), cachedUnits(ctx.deps), ctx.deps.store.listValueRecords({ unitCode, period: input.period })]);
      return reportingRound(catalogue, units.filter((u) => !unitCode || u.code === unitCode), records, input.period, ctx.deps.now());
    }),
  /** A unit reports (or corrects) one value in the dashboard: its head or the data officers and admins. */
  submit: roleProcedure('unit_head', 'data_officer', 'admin')
    .input(SubmitSchema)
    .use(unitScope)
    .output(IndicatorValueSchema)
    .mutation(async ({ ctx, input }) => {
      const [catalogue, units] = await Promise.all([cachedIndicators(ctx.deps), cachedUnits(ctx.deps)]);
      const value = valueFromInput(input, catalogue, units);
      const before = (await ctx.deps.store.listValueRecords({ unitCode: value.unitCode, period: value.period })).find((r) => r.indicator === value.indicator) ?? null;
      await ctx.deps.store.submitIndicatorValue(value, ctx.viewer.username, auditBy(ctx, before ? 'value.correct' : 'value.report', `${value.indicator}/${value.unitCode}/${value.period}`, before, value));
      return value;
    }),
  /** The city returns a value to its unit with a comment; it counts in no figure until the unit reports it again. */
  returnValue: roleProcedure('leader', 'admin')
    .input(KeySchema.extend({ comment: z.string().trim().min(1).max(2000) }))
    .output(z.object({ returned: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { comment, ...key } = input;
      const done = await ctx.deps.store.returnIndicatorValue(key, comment, ctx.viewer.username, auditBy(ctx, 'value.return', `${key.indicator}/${key.unitCode}/${key.period}`, null, { comment }));
      if (!done) throw new UserError('NOT_FOUND', msg('indicator.noValue'));
      return { returned: true };
    }),
  /** The overview's programme section: per pillar, each indicator with a target, the city's figure and the units below. */
  pillars: viewerProcedure
    .input(PeriodInputSchema)
    .output(PillarsSchema)
    .query(({ ctx, input }) => pillars(ctx.deps, input)),
  /** A unit's indicators with target, state and last periods, and what it has not reported; a head sees their own unit. */
  unit: viewerProcedure
    .input(PeriodInputSchema.pick({ period: true, asOf: true }).extend({ unitCode: UnitCodeSchema }))
    .use(unitScope)
    .output(UnitIndicatorsSchema)
    .query(({ ctx, input }) => unitIndicators(ctx.deps, input)),
  /** Every version of a unit's reported values, newest first. */
  history: viewerProcedure
    .input(z.object({ unitCode: UnitCodeSchema, indicator: z.string().max(100).optional() }))
    .use(unitScope)
    .output(z.array(ValueRecordSchema))
    .query(({ ctx, input }) => ctx.deps.store.listValueHistory(input.unitCode, input.indicator ?? null)),
});
