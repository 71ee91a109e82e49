import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import type { AnalyticsDeps } from './analytics/deps';
import type { AuthService } from './auth/auth-service';
import { auditCsv } from './audit-csv';
import { CONTENT_TYPES, reportFileName } from './reports/reports-service';
import { createInnerContext, type Viewer } from './context';
import { unitDetail } from './analytics/unit-detail';
import { renderAnnex } from './reports/annex-pdf';
import { UserError } from './errors';
import { clientAddress, httpAccess, readToken } from './session-cookie';
import { appRouter } from './routers/_app';
import { handleUpload } from './upload';
import { sendJson } from './http-json';
import { warmCache } from './analytics/warm';
import { MAX_BATCH_CALLS } from '../shared/domain/api-limits';
import { batchRefusal } from './trpc-batch';

export interface HttpOptions {
  deps: AnalyticsDeps;
  auth: AuthService;
  /** The built client (index.html and assets); when absent, only the API is served. */
  clientDir: string | null;
  log?: (message: string) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};


/** One port for everything: the tRPC API under /trpc, a health check, and the built client with SPA fallback. */
export function createHttpServer({ deps, auth, clientDir, log = () => undefined }: HttpOptions): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    /** Backs up batchRefusal, which answers first with a plainer message. */
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: async ({ req, res }) => {
      const http = httpAccess(req, res);
      const viewer = await auth.viewerFor(http.token);
      return createInnerContext(deps, auth, viewer, http);
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log(`error in ${path ?? 'unknown procedure'}: ${error.cause?.stack ?? error.stack ?? error.message}`);
    },
  });
  const assets = clientDir && existsSync(clientDir) ? sirv(clientDir, { single: true, etag: true, gzip: false, immutable: true }) : null;
  /** A unit's annex to the weekly report; a unit head gets their own unit's only. */
  async function serveAnnex(res: ServerResponse, viewer: Viewer, params: URLSearchParams): Promise<void> {
    const unitCode = params.get('unit') ?? '';
    const period = params.get('period') ?? '';
    if (viewer.role === 'unit_head' && viewer.unitCode !== unitCode) return sendJson(res, 403, { error: { message: 'A unit head sees the detail of their own unit only.' } });
    try {
      const detail = await unitDetail(deps, { unitCode, period });
      const pdf = await renderAnnex(detail, params.get('lang') === 'en' ? 'en' : 'vi', new Date(deps.now()).toISOString());
      res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="chiso-${detail.period.id}-${unitCode}.pdf"`, 'Content-Length': pdf.length });
      res.end(pdf);
    } catch (error) {
      if (error instanceof UserError) return sendJson(res, error.code === 'NOT_FOUND' ? 404 : 400, { error: { message: error.message } });
      throw error;
    }
  }

  /** Routes outside tRPC check the session and role themselves, with the same rules. */
  async function serveApi(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const viewer = await auth.viewerFor(readToken(req));
    if (!viewer) return sendJson(res, 401, { error: { message: 'Sign in first.' } });
    if (url.startsWith('/api/reports/annex')) return serveAnnex(res, viewer, new URL(url, 'http://localhost').searchParams);
    const reportId = /^\/api\/reports\/(\d+)$/.exec(url.split('?')[0] ?? '');
    if (url.startsWith('/api/reports/')) {
      const found = reportId ? await deps.store.reportContent(Number(reportId[1])) : null;
      if (!found) return sendJson(res, 404, { error: { message: 'There is no such report.' } });
      res.writeHead(200, { 'Content-Type': CONTENT_TYPES[found.record.format], 'Content-Disposition': `attachment; filename="${reportFileName(found.record)}"`, 'Content-Length': found.content.length });
      res.end(found.content);
      return;
    }
    if (url.startsWith('/api/audit.csv')) {
      if (viewer.role !== 'admin') return sendJson(res, 403, { error: { message: 'Your role does not allow this.' } });
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="chiso-audit.csv"' });
      res.end(auditCsv(await deps.store.listAudit(1_000_000, 0)));
      return;
    }
    if (viewer.role !== 'data_officer' && viewer.role !== 'admin') return sendJson(res, 403, { error: { message: 'Only data officers import data.' } });
    if (await handleUpload(req, res, deps.store, viewer.username, clientAddress(req))) await warmCache(deps);
  }

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (url.startsWith('/api/imports') || url.startsWith('/api/audit.csv') || url.startsWith('/api/reports/')) {
      serveApi(req, res, url).catch((error: unknown) => {
        log(`${url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { error: { message: 'Something went wrong on the server; nothing was written.' } });
        else res.end();
      });
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      sendJson(res, 413, { error: { message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } });
      req.resume();
      return;
    }
    if (url.startsWith('/trpc/')) {
      const refusal = batchRefusal(url);
      if (refusal) {
        sendJson(res, 400, { error: { message: refusal } });
        req.resume();
        return;
      }
      trpc(req, res);
      return;
    }
    if (url === '/api/health') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (url.startsWith('/api/')) {
      sendJson(res, 404, { error: 'No such API route.' });
      return;
    }
    if (!assets) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The dashboard has not been built. Run `npm run build`, or use `npm start`, which builds it.');
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  });
}
