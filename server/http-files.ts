import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnalyticsDeps } from './analytics/deps';
import { unitDetail } from './analytics/unit-detail';
import { rankChange } from './analytics/rank-change';
import { warmSoon } from './analytics/warm';
import { auditCsv } from './audit-csv';
import type { AuthService } from './auth/auth-service';
import { attachment } from './content-disposition';
import type { Viewer } from './context';
import { UserError } from './errors';
import { refuseDownload, refuseUserError } from './download-refusal';
import { renderOffThread } from './reports/render-off-thread';
import { FORM06_XLSX_PATH, serveForm06 } from './reports/form06-download';
import { CONTENT_TYPES, reportFileName } from './reports/reports-service';
import { clientAddress, readToken } from './session-cookie';
import { handleUpload, type UploadLimits } from './upload';
import { EXPORTS_PREFIX, serveViewExport } from './exports/view-export';
import { cachedIndicators } from './analytics/definitions';
import { msg } from '../shared/messages/catalogue';
import { EVIDENCE_PREFIX, serveEvidence } from './evidence/evidence-route';

/** Whether a URL is one of the routes outside tRPC: file downloads and uploads. */
export function isFileRoute(url: string): boolean {
  return url.startsWith('/api/imports') || url.startsWith('/api/audit.csv') || url.startsWith('/api/reports/') || url.startsWith(EXPORTS_PREFIX) || url.startsWith(EVIDENCE_PREFIX);
}

/** A unit's annex to the weekly report; a unit head gets their own unit's only. */
async function serveAnnex(deps: AnalyticsDeps, req: IncomingMessage, res: ServerResponse, viewer: Viewer, params: URLSearchParams): Promise<void> {
  const unitCode = params.get('unit') ?? '';
  const period = params.get('period') ?? '';
  if (viewer.role === 'unit_head' && viewer.unitCode !== unitCode) return refuseDownload(req, res, 403, msg('access.otherUnit'));
  try {
    const index = params.get('index') ?? undefined;
    const detail = await unitDetail(deps, { unitCode, period, index });
    const move = await rankChange(deps, { unitCode, period, index });
    const pdf = await renderOffThread({ kind: 'annex-pdf', detail, language: params.get('lang') === 'en' ? 'en' : 'vi', generatedAt: new Date(deps.now()).toISOString(), move, indicators: await cachedIndicators(deps) });
    res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(`chiso-${detail.period.id}-${unitCode}.pdf`), 'Content-Length': pdf.length });
    res.end(pdf);
  } catch (error) {
    if (error instanceof UserError) return refuseUserError(req, res, error);
    throw error;
  }
}

/** A stored report by its id; an id past what the database can hold is simply not one of them. */
async function serveReport(deps: AnalyticsDeps, req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
  const match = /^\/api\/reports\/(\d+)$/.exec(url.split('?')[0] ?? '');
  const id = match ? Number(match[1]) : Number.NaN;
  const found = Number.isSafeInteger(id) ? await deps.store.reportContent(id) : null;
  if (!found) return refuseDownload(req, res, 404, msg('report.unknown'));
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[found.record.format], 'Content-Disposition': attachment(reportFileName(found.record)), 'Content-Length': found.content.length });
  res.end(found.content);
}

/**
 * Routes outside tRPC check the session and role themselves, with the same rules. Their refusals are messages of
 * the catalogue: JSON for the dashboard's requests, a page in the reader's language for a link opened in the browser.
 */
export async function serveFiles(deps: AnalyticsDeps, auth: AuthService, req: IncomingMessage, res: ServerResponse, url: string, uploads?: UploadLimits): Promise<void> {
  const viewer = await auth.viewerFor(readToken(req));
  if (!viewer) return refuseDownload(req, res, 401, msg('auth.signIn'));
  if (url.startsWith(EXPORTS_PREFIX)) return serveViewExport(deps, req, res, url);
  if (url.startsWith(EVIDENCE_PREFIX)) return serveEvidence(deps, req, res, viewer, url, uploads);
  if (url.startsWith('/api/reports/annex')) return serveAnnex(deps, req, res, viewer, new URL(url, 'http://localhost').searchParams);
  if (url.split('?')[0] === FORM06_XLSX_PATH) return serveForm06(deps, req, res, new URL(url, 'http://localhost').searchParams);
  if (url.startsWith('/api/reports/')) return serveReport(deps, req, res, url);
  if (url.startsWith('/api/audit.csv')) {
    if (viewer.role !== 'admin') return refuseDownload(req, res, 403, msg('access.role'));
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment('chiso-audit.csv') });
    res.end(auditCsv(await deps.store.listAudit(1_000_000, 0)));
    return;
  }
  if (viewer.role !== 'data_officer' && viewer.role !== 'admin') return refuseDownload(req, res, 403, msg('access.importRole'));
  if (await handleUpload(req, res, deps.store, viewer.username, clientAddress(req), uploads)) warmSoon(deps);
}
