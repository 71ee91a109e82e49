import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { AnswerCache, cacheableProcedures } from './answer-cache';
import { compressAnswer } from './compress';
import type { AnalyticsDeps } from './analytics/deps';
import type { AuthService } from './auth/auth-service';
import { createInnerContext, type Viewer } from './context';
import { readiness, type Readiness } from './health';
import { isFileRoute, serveFiles } from './http-files';
import { errorFields, SILENT, type Logger } from './log';
import { httpAccess, readToken } from './session-cookie';
import { appRouter } from './routers/_app';
import { sendJson } from './http-json';
import { refuseDownload } from './download-refusal';
import { msg } from '../shared/messages/catalogue';
import { MAX_BATCH_CALLS } from '../shared/domain/api-limits';
import { trackRequest } from './request-log';
import { batchRefusal } from './trpc-batch';
import type { UploadLimits } from './upload';

export interface HttpOptions {
  deps: AnalyticsDeps;
  auth: AuthService;
  /** The built client (index.html and assets); when absent, only the API is served. */
  clientDir: string | null;
  /** One JSON line per request and per error; silent when absent. */
  log?: Logger;
  /** Whether to take traffic (`/readyz`); by default, whether the database answers with its migrations applied. */
  ready?: () => Promise<Readiness>;
  /** The largest upload and the most rows an imported file may have; by default 200 MB and 5,000,000 rows. */
  uploads?: UploadLimits;
  /** Serialised answers of read procedures kept per data version: for how long, and how many bytes at most. */
  answers?: { ttlMs: number; maxBytes: number };
}

const DEFAULT_ANSWERS = { ttlMs: 30_000, maxBytes: 64 * 1024 * 1024 };

const MAX_BODY_BYTES = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};


/** One port for everything: the tRPC API under /trpc, file routes under /api, health checks, and the built client with SPA fallback. */
export function createHttpServer({ deps, auth, clientDir, log = SILENT, ready = () => readiness(deps.store), uploads, answers = DEFAULT_ANSWERS }: HttpOptions): Server {
  /** Which request an error belongs to, for tRPC's error hook, which sees the request but not our handler. */
  const requestIds = new WeakMap<IncomingMessage, string>();
  /** The viewer already resolved for a request (by the answer cache), so the session is looked up once. */
  const viewers = new WeakMap<IncomingMessage, Viewer | null>();
  const answerCache = new AnswerCache({ ...answers, now: deps.now });
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    /** Backs up batchRefusal, which answers first with a plainer message. */
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: async ({ req, res }) => {
      const http = httpAccess(req, res);
      const viewer = viewers.has(req) ? (viewers.get(req) ?? null) : await auth.viewerFor(http.token);
      return createInnerContext(deps, auth, viewer, http);
    },
    onError: ({ error, path, req }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log('error', `error in ${path ?? 'unknown procedure'}`, { requestId: requestIds.get(req), ...errorFields(error.cause ?? error) });
    },
  });
  // Hashed bundles never change under their name: cached for a year. The page itself is checked every time, so a
  // new build reaches users at once. The build writes .br and .gz beside each file; sirv sends what the client takes.
  const assets = clientDir && existsSync(clientDir)
    ? sirv(clientDir, {
        single: true, etag: true, gzip: true, brotli: true,
        setHeaders: (res, pathname) => res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
      })
    : null;

  /**
   * A read answered from the answer cache when the data has not changed since it was computed for the same request
   * and the same role and unit; otherwise computed by tRPC, and kept.
   */
  async function answerRead(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const viewer = await auth.viewerFor(readToken(req));
    viewers.set(req, viewer);
    if (viewer) {
      const version = await deps.cache.version(deps.store);
      const key = AnswerCache.keyOf(req, viewer);
      if (answerCache.serve(key, version, req, res)) return;
      const at = deps.now();
      compressAnswer(req, res, (sent) => answerCache.keep(key, version, at, sent, res));
    } else compressAnswer(req, res);
    trpc(req, res);
  }

  /** Ready to take traffic: not shutting down, and the database answers. */
  async function serveReadiness(res: ServerResponse, requestId: string): Promise<void> {
    const state: Readiness = server.listening ? await ready() : { ready: false, reason: 'shutting down' };
    if (state.ready) return sendJson(res, 200, { ok: true });
    log('warn', 'not ready', { requestId, reason: state.reason, detail: state.detail });
    sendJson(res, 503, { ok: false, reason: state.reason });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const requestId = trackRequest(req, res, log);
    requestIds.set(req, requestId);
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (path === '/healthz' || path === '/api/health') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (path === '/readyz') {
      serveReadiness(res, requestId).catch((error: unknown) => {
        log('error', 'readiness check failed', { requestId, ...errorFields(error) });
        if (!res.headersSent) sendJson(res, 503, { ok: false, reason: 'the readiness check failed' });
      });
      return;
    }
    if (isFileRoute(url)) {
      serveFiles(deps, auth, req, res, url, uploads).catch((error: unknown) => {
        log('error', `${path} failed`, { requestId, ...errorFields(error) });
        if (!res.headersSent) refuseDownload(req, res, 500, msg('server.internalQuote', { id: requestId }));
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
      if (cacheableProcedures(req)) {
        answerRead(req, res).catch((error: unknown) => {
          log('error', `${path} failed`, { requestId, ...errorFields(error) });
          if (!res.headersSent) sendJson(res, 500, { error: { message: `Something went wrong on the server. Quote ${requestId} when you report it.` } });
          else res.end();
        });
        return;
      }
      compressAnswer(req, res);
      trpc(req, res);
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
  return server;
}
