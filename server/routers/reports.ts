import { z } from 'zod';
import { PeriodIdSchema } from '../../shared/schemas/period';
import { IndexIdSchema } from '../../shared/schemas/index-definition';
import { ReportFormatSchema, ReportLanguageSchema, ReportRecordSchema } from '../../shared/schemas/report';
import { generateReport } from '../reports/reports-service';
import { auditBy, roleProcedure, router, viewerProcedure } from '../trpc';

export const reportsRouter = router({
  list: viewerProcedure.output(z.array(ReportRecordSchema)).query(({ ctx }) => ctx.deps.store.listReports()),
  generate: roleProcedure('leader', 'data_officer', 'admin')
    .input(z.object({ period: PeriodIdSchema, format: ReportFormatSchema, language: ReportLanguageSchema.default('vi'), regenerate: z.boolean().default(false), index: IndexIdSchema.optional() }))
    .output(ReportRecordSchema)
    .mutation(async ({ ctx, input }) => {
      const record = await generateReport(ctx.deps, { ...input, trigger: 'manual', actor: ctx.viewer.username });
      if (record.createdBy === ctx.viewer.username && record.trigger === 'manual') await ctx.deps.store.audit(auditBy(ctx, 'report.generate', `${record.period}/${record.format}/${record.language}/v${record.version}`, null, { inputsHash: record.inputsHash }));
      return record;
    }),
});
