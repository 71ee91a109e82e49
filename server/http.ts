import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import type { AnalyticsDeps } from './analytics/deps';
import { createInnerContext, PROVISIONAL_VIEWER } from './context';
import { appRouter } from './routers/_app';
import { handleUpload } from './upload';
import { warmCache } from './analytics/warm';

export interface HttpOptions {
  deps: AnalyticsDeps;
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

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** One port for everything: the tRPC API under /trpc, a health check, and the built client with SPA fallback. */
export function createHttpServer({ deps, clientDir, log = () => undefined }: HttpOptions): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    createContext: () => createInnerContext(deps, PROVISIONAL_VIEWER),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log(`error in ${path ?? 'unknown procedure'}: ${error.cause?.stack ?? error.stack ?? error.message}`);
    },
  });
  const assets = clientDir && existsSync(clientDir) ? sirv(clientDir, { single: true, etag: true, gzip: false, immutable: true }) : null;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (url.startsWith('/api/imports')) {
      handleUpload(req, res, deps.store, PROVISIONAL_VIEWER.username)
        .then((imported) => (imported ? warmCache(deps) : undefined))
        .catch((error: unknown) => {
        log(`upload failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { error: { message: 'The file could not be imported; nothing was written.' } });
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
