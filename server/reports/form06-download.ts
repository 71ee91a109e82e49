import type { IncomingMessage, ServerResponse } from 'node:http';
import { Form06InputSchema } from '../../shared/schemas/form06';
import type { AnalyticsDeps } from '../analytics/deps';
import { form06Document } from '../analytics/form06';
import { attachment } from '../content-disposition';
import { UserError } from '../errors';
import { refuseDownload, refuseUserError } from '../download-refusal';
import { zodErrorMessage } from '../../shared/messages/zod';
import { msg } from '../../shared/messages/catalogue';
import { form06FileName } from './form06-xlsx';
import { renderOffThread } from './render-off-thread';
import { CONTENT_TYPES } from './reports-service';

export const FORM06_XLSX_PATH = '/api/reports/form06.xlsx';

/** `GET /api/reports/form06.xlsx?period=P[&group=G][&asOf=ISO]`: Biểu 06 as of now (or asOf), made on request. */
export async function serveForm06(deps: AnalyticsDeps, req: IncomingMessage, res: ServerResponse, params: URLSearchParams): Promise<void> {
  const input = Form06InputSchema.safeParse({ period: params.get('period') ?? '', group: params.get('group') || undefined, asOf: params.get('asOf') || undefined });
  if (!input.success) {
    const { message, field } = zodErrorMessage(input.error);
    if (field === 'period') return refuseDownload(req, res, 400, msg('period.notPeriod', { text: (params.get('period') ?? '').slice(0, 40) }));
    return refuseDownload(req, res, 400, message, field);
  }
  try {
    const doc = await form06Document(deps, input.data);
    const xlsx = await renderOffThread({ kind: 'form06-xlsx', doc, generatedAt: new Date(deps.now()).toISOString() });
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES.xlsx, 'Content-Disposition': attachment(form06FileName(doc.period.id, doc.group)), 'Content-Length': xlsx.length });
    res.end(xlsx);
  } catch (error) {
    if (error instanceof UserError) return refuseUserError(req, res, error);
    throw error;
  }
}
