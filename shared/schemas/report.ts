import { z } from 'zod';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;
export const ReportLanguageSchema = z.enum(['vi', 'en']);

export const ReportRecordSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  format: ReportFormatSchema,
  language: ReportLanguageSchema,
  version: z.number().int(),
  cutOff: z.string(),
  generatedAt: z.string(),
  inputsHash: z.string(),
  definitionId: z.string(),
  targets: z.string(),
  trigger: z.enum(['manual', 'schedule', 'cli']),
  createdBy: z.string().nullable(),
  size: z.number().int(),
});
export type ReportRecord = z.infer<typeof ReportRecordSchema>;
