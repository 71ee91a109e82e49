import type { ReportRecord } from '../../../../../shared/schemas/report';

export interface ReportRequest {
  period: string;
  format: ReportRecord['format'];
  language: ReportRecord['language'];
  /** The index definition id; the server's default when absent. */
  definitionId: string;
}

/** The newest stored version of the same report (period, format, language and index), if one exists. */
export function existingReport(reports: readonly ReportRecord[], req: ReportRequest): ReportRecord | null {
  const same = reports.filter((r) => r.period === req.period && r.format === req.format && r.language === req.language && r.definitionId === req.definitionId);
  return same.reduce<ReportRecord | null>((best, r) => (best === null || r.version > best.version ? r : best), null);
}

/** What the page says about the last request: being made, made now, already there (not made again), or failed. */
export type GenerateState =
  | { kind: 'idle' }
  | { kind: 'making'; request: ReportRequest; regenerate: boolean }
  | { kind: 'ready'; record: ReportRecord }
  | { kind: 'reused'; record: ReportRecord }
  | { kind: 'failed'; message: string };

export function generateState(mutation: {
  isPending: boolean;
  error: { message: string } | null;
  data: (ReportRecord & { reused: boolean }) | undefined;
  variables: { period: string; format: ReportRecord['format']; language?: ReportRecord['language'] | undefined; regenerate?: boolean | undefined; index?: string | undefined } | undefined;
}, defaultIndex: string): GenerateState {
  const v = mutation.variables;
  if (mutation.isPending && v) return { kind: 'making', request: { period: v.period, format: v.format, language: v.language ?? 'vi', definitionId: v.index ?? defaultIndex }, regenerate: v.regenerate ?? false };
  if (mutation.error) return { kind: 'failed', message: mutation.error.message };
  if (mutation.data) {
    const { reused, ...record } = mutation.data;
    return reused ? { kind: 'reused', record } : { kind: 'ready', record };
  }
  return { kind: 'idle' };
}
