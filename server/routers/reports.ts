import { z } from 'zod';
import { PeriodIdSchema } from '../../shared/schemas/period';
import { IndexIdSchema } from '../../shared/schemas/index-definition';
import { ReportFormatSchema, ReportLanguageSchema, ReportRecordSchema } from '../../shared/schemas/report';
import { generateOrReuse } from '../reports/reports-service';
import { Form06InputSchema, Form06Schema } from '../../shared/schemas/form06';
import { form06 } from '../analytics/form06';
import { auditBy, roleProcedure, router, viewerProcedure } from '../trpc';

export const reportsRouter = router({
  list: viewerProcedure.output(z.array(ReportRecordSchema)).query(({ ctx }) => ctx.deps.store.listReports()),
  /** Biểu số 06/VPCP/KSTT (SPEC §8); its XLSX is GET /api/reports/form06.xlsx. */
  form06: viewerProcedure.input(Form06InputSchema).output(Form06Schema).query(({ ctx, input }) => form06(ctx.deps, input)),
  generate: roleProcedure('leader', 'data_officer', 'admin')
    .input(z.object({ period: PeriodIdSchema, format: ReportFormatSchema, language: ReportLanguageSchema.default('vi'), regenerate: z.boolean().default(false), index: IndexIdSchema.optional() }))
    .output(ReportRecordSchema.extend({ reused: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      // `reused`: a report of this period, format, language and index exists and `regenerate` was not asked, so the
      // stored one is returned as it is (the page then offers to make a new version explicitly).
      const { record, reused } = await generateOrReuse(ctx.deps, { ...input, trigger: 'manual', actor: ctx.viewer.username });
      if (!reused) await ctx.deps.store.audit(auditBy(ctx, 'report.generate', `${record.period}/${record.format}/${record.language}/v${record.version}`, null, { inputsHash: record.inputsHash }));
      return { ...record, reused };
    }),
});
