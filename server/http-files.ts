import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnalyticsDeps } from './analytics/deps';
import { unitDetail } from './analytics/unit-detail';
import { rankChange } from './analytics/rank-change';
import { warmCache } from './analytics/warm';
import { auditCsv } from './audit-csv';
import type { AuthService } from './auth/auth-service';
import { attachment } from './content-disposition';
import type { Viewer } from './context';
import { UserError } from './errors';
import { sendJson } from './http-json';
import { renderAnnex } from './reports/annex-pdf';
import { FORM06_XLSX_PATH, serveForm06 } from './reports/form06-download';
import { CONTENT_TYPES, reportFileName } from './reports/reports-service';
import { clientAddress, readToken } from './session-cookie';
import { handleUpload, type UploadLimits } from './upload';

/** Whether a URL is one of the routes outside tRPC: file downloads and uploads. */
export function isFileRoute(url: string): boolean {
  return url.startsWith('/api/imports') || url.startsWith('/api/audit.csv') || url.startsWith('/api/reports/');
}

/** A unit's annex to the weekly report; a unit head gets their own unit's only. */
async function serveAnnex(deps: AnalyticsDeps, res: ServerResponse, viewer: Viewer, params: URLSearchParams): Promise<void> {
  const unitCode = params.get('unit') ?? '';
  const period = params.get('period') ?? '';
  if (viewer.role === 'unit_head' && viewer.unitCode !== unitCode) return sendJson(res, 403, { error: { message: 'A unit head sees the detail of their own unit only.' } });
  try {
    const index = params.get('index') ?? undefined;
    const detail = await unitDetail(deps, { unitCode, period, index });
    const move = await rankChange(deps, { unitCode, period, index });
    const pdf = await renderAnnex(detail, params.get('lang') === 'en' ? 'en' : 'vi', new Date(deps.now()).toISOString(), move);
    res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(`chiso-${detail.period.id}-${unitCode}.pdf`), 'Content-Length': pdf.length });
    res.end(pdf);
  } catch (error) {
    if (error instanceof UserError) return sendJson(res, error.code === 'NOT_FOUND' ? 404 : 400, { error: { message: error.message } });
    throw error;
  }
}

/** A stored report by its id; an id past what the database can hold is simply not one of them. */
async function serveReport(deps: AnalyticsDeps, res: ServerResponse, url: string): Promise<void> {
  const match = /^\/api\/reports\/(\d+)$/.exec(url.split('?')[0] ?? '');
  const id = match ? Number(match[1]) : Number.NaN;
  const found = Number.isSafeInteger(id) ? await deps.store.reportContent(id) : null;
  if (!found) return sendJson(res, 404, { error: { message: 'There is no such report.' } });
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[found.record.format], 'Content-Disposition': attachment(reportFileName(found.record)), 'Content-Length': found.content.length });
  res.end(found.content);
}

/** Routes outside tRPC check the session and role themselves, with the same rules. */
export async function serveFiles(deps: AnalyticsDeps, auth: AuthService, req: IncomingMessage, res: ServerResponse, url: string, uploads?: UploadLimits): Promise<void> {
  const viewer = await auth.viewerFor(readToken(req));
  if (!viewer) return sendJson(res, 401, { error: { message: 'Sign in first.' } });
  if (url.startsWith('/api/reports/annex')) return serveAnnex(deps, res, viewer, new URL(url, 'http://localhost').searchParams);
  if (url.split('?')[0] === FORM06_XLSX_PATH) return serveForm06(deps, res, new URL(url, 'http://localhost').searchParams);
  if (url.startsWith('/api/reports/')) return serveReport(deps, res, url);
  if (url.startsWith('/api/audit.csv')) {
    if (viewer.role !== 'admin') return sendJson(res, 403, { error: { message: 'Your role does not allow this.' } });
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment('chiso-audit.csv') });
    res.end(auditCsv(await deps.store.listAudit(1_000_000, 0)));
    return;
  }
  if (viewer.role !== 'data_officer' && viewer.role !== 'admin') return sendJson(res, 403, { error: { message: 'Only data officers import data.' } });
  if (await handleUpload(req, res, deps.store, viewer.username, clientAddress(req), uploads)) await warmCache(deps);
}
