import type { Form06Document } from '../analytics/form06';
import type { RankChangeOutput, UnitDetail } from '../../shared/schemas/api';
import type { ReportLanguage } from './labels';
import type { ReportData } from './report-data';
import type { NamedIndicator } from './subject-label';

/**
 * A document to lay out, with the plain data it is made from (the database work is done before): what the main
 * thread hands to the render worker (docs/decisions/028). Everything here survives a structured clone.
 */
export type RenderJob =
  | { kind: 'pack-pdf'; data: ReportData; language: ReportLanguage; generatedAt: string; demo: boolean }
  | { kind: 'pack-xlsx'; data: ReportData; language: ReportLanguage; generatedAt: string }
  | { kind: 'form06-xlsx'; doc: Form06Document; generatedAt: string }
  | { kind: 'annex-pdf'; detail: UnitDetail; language: ReportLanguage; generatedAt: string; move: RankChangeOutput | null; indicators: readonly NamedIndicator[] };

export interface RenderRequest {
  id: number;
  job: RenderJob;
}

export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: { name: string; message: string; stack?: string | undefined } };
