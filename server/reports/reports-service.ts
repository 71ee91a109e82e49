import { createHash } from 'node:crypto';
import { cutOff, mustParsePeriod } from '../../shared/kpi/periods';
import type { ReportFormat, ReportRecord } from '../../shared/schemas/report';
import type { AnalyticsDeps } from '../analytics/deps';
import { periodOrThrow } from '../analytics/deps';
import { definitionOrThrow } from '../analytics/definitions';
import { renderCsv } from './csv';
import type { ReportLanguage } from './labels';
import { reportData, type ReportData } from './report-data';
import { renderOffThread } from './render-off-thread';

export interface GenerateRequest {
  period: string;
  format: ReportFormat;
  language: ReportLanguage;
  /** Make a new version even when one exists. */
  regenerate: boolean;
  trigger: ReportRecord['trigger'];
  actor: string | null;
  /** The index definition id; the default when absent. */
  index?: string | undefined;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The pack's file: the PDF and the XLSX are laid out on the render worker (decision 028), the CSV here. */
export function render(data: ReportData, format: ReportFormat, language: ReportLanguage, generatedAt: string, demo: boolean): Promise<Buffer> {
  if (format === 'pdf') return renderOffThread({ kind: 'pack-pdf', data, language, generatedAt, demo });
  if (format === 'xlsx') return renderOffThread({ kind: 'pack-xlsx', data, language, generatedAt });
  return Promise.resolve(renderCsv(data));
}

/**
 * Generates a report and stores it as a frozen snapshot (its bytes, cut-off, targets, definition and a hash of its
 * inputs). Asking again returns the stored snapshot, whatever has been imported since, unless `regenerate`.
 */
export async function generateReport(deps: AnalyticsDeps, req: GenerateRequest): Promise<ReportRecord> {
  return (await generateOrReuse(deps, req)).record;
}

/** As `generateReport`, and says whether the report returned was already stored (`reused`) rather than made now. */
export async function generateOrReuse(deps: AnalyticsDeps, req: GenerateRequest): Promise<{ record: ReportRecord; reused: boolean }> {
  const period = periodOrThrow(req.period);
  const definition = await definitionOrThrow(deps, req.index);
  if (!req.regenerate) {
    const existing = (await deps.store.listReports()).find((r) => r.period === period.id && r.format === req.format && r.language === req.language && r.definitionId === definition.id);
    if (existing) return { record: existing, reused: true };
  }
  return { record: await makeReport(deps, req, period.id, definition.id), reused: false };
}

async function makeReport(deps: AnalyticsDeps, req: GenerateRequest, periodId: string, definitionId: string): Promise<ReportRecord> {
  const asOf = deps.now();
  const data = await reportData(deps, periodId, asOf, definitionId);
  const generatedAt = new Date(asOf).toISOString();
  const demo = (await deps.store.getMeta('dataset')) === 'demo';
  const content = await render(data, req.format, req.language, generatedAt, demo);
  const inputsHash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  return deps.store.saveReport(
    {
      period: periodId, format: req.format, language: req.language, cutOff: new Date(cutOff(mustParsePeriod(periodId), asOf)).toISOString(), generatedAt,
      inputsHash, definitionId: data.definition.id, definitionJson: JSON.stringify(data.definition), targets: JSON.stringify(data.targets), trigger: req.trigger, createdBy: req.actor,
    },
    content,
  );
}

export function reportFileName(r: Pick<ReportRecord, 'period' | 'format' | 'language' | 'version'>): string {
  return `chiso-${r.period}-${r.language}-v${r.version}.${r.format}`;
}
