import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './log';

/** An id a reverse proxy already gave the request is kept, so its logs and ours line up; anything else is replaced. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The path without the query string, which may carry inputs that do not belong in a log. */
export function loggedPath(url: string | undefined): string {
  return (url ?? '/').split('?')[0]?.slice(0, 300) ?? '/';
}

/**
 * Gives the request an id (answered as `X-Request-Id`) and writes one line when its response ends: method, path,
 * status and duration. Returns the id, for error lines about the same request.
 */
export function trackRequest(req: IncomingMessage, res: ServerResponse, log: Logger): string {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  const started = performance.now();
  res.setHeader('X-Request-Id', requestId);
  res.once('close', () => {
    const fields = { requestId, method: req.method, path: loggedPath(req.url), status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    log('info', 'request', res.writableFinished ? fields : { ...fields, aborted: true });
  });
  return requestId;
}
