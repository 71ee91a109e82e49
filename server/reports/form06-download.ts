import type { ServerResponse } from 'node:http';
import { Form06InputSchema } from '../../shared/schemas/form06';
import type { AnalyticsDeps } from '../analytics/deps';
import { form06Document } from '../analytics/form06';
import { attachment } from '../content-disposition';
import { UserError } from '../errors';
import { sendJson } from '../http-json';
import { form06FileName, renderForm06Xlsx } from './form06-xlsx';
import { CONTENT_TYPES } from './reports-service';

export const FORM06_XLSX_PATH = '/api/reports/form06.xlsx';

/** `GET /api/reports/form06.xlsx?period=P[&group=G][&asOf=ISO]`: Biểu 06 as of now (or asOf), made on request. */
export async function serveForm06(deps: AnalyticsDeps, res: ServerResponse, params: URLSearchParams): Promise<void> {
  const input = Form06InputSchema.safeParse({ period: params.get('period') ?? '', group: params.get('group') || undefined, asOf: params.get('asOf') || undefined });
  if (!input.success) {
    const issue = input.error.issues[0];
    return sendJson(res, 400, { error: { message: `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'is not valid'}` } });
  }
  try {
    const doc = await form06Document(deps, input.data);
    const xlsx = await renderForm06Xlsx(doc, new Date(deps.now()).toISOString());
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES.xlsx, 'Content-Disposition': attachment(form06FileName(doc.period.id, doc.group)), 'Content-Length': xlsx.length });
    res.end(xlsx);
  } catch (error) {
    if (error instanceof UserError) return sendJson(res, error.code === 'NOT_FOUND' ? 404 : 400, { error: { message: error.message } });
    throw error;
  }
}
