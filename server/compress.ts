import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

/** Below this, compressing costs more than it saves. */
export const MIN_BYTES = 1024;

export function chooseEncoding(acceptEncoding: string | string[] | undefined): 'br' | 'gzip' | null {
  const accept = String(acceptEncoding ?? '').toLowerCase();
  const allows = (name: string) => new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`).test(accept);
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : null;
}

/** From this size on, a body is compressed at the fastest level: a national ranking is 3 MB of JSON. */
export const LARGE_BYTES = 256 * 1024;

/**
 * The compression of `body` for `encoding`: the usual level — brotli at quality 4 and gzip at level 6, most of their
 * gain at a fraction of their cost on a busy server — or the fastest (brotli 1, gzip 1): for a 3 MB ranking 10 ms and
 * 352 kB instead of 45 ms and 281 kB, 18–25 ms and 418 kB instead of 47 ms and 303 kB, on this project's machine.
 */
function options(body: Buffer, encoding: 'br' | 'gzip', fastest: boolean) {
  return encoding === 'br'
    ? { params: { [constants.BROTLI_PARAM_QUALITY]: fastest ? 1 : 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }
    : { level: fastest ? 1 : 6 };
}

/** Compresses `body` for `encoding`: a large body at the fastest level, any other at the usual one. */
export function pack(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  const opts = options(body, encoding, body.length >= LARGE_BYTES);
  return encoding === 'br' ? brotliCompressSync(body, opts) : gzipSync(body, opts);
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * `body` at the usual level whatever its size, compressed on libuv's thread pool rather than the event loop: for an
 * answer kept in the cache, whose first sending took the fastest level, so that the next ones are smaller (a national
 * ranking: 281 kB instead of 352 kB in brotli, 303 kB instead of 418 kB in gzip) at no cost to anyone's latency.
 */
export function packWell(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const opts = options(body, encoding, false);
  return encoding === 'br' ? brotliAsync(body, opts) : gzipAsync(body, opts);
}

/** What was sent: the body as written, and as sent when compressed. */
export interface SentAnswer {
  status: number;
  body: Buffer;
  packed: { encoding: 'br' | 'gzip'; bytes: Buffer } | null;
}

/**
 * Compresses an API answer on its way out: the handler writes as usual, the body is gathered and sent compressed
 * when the client accepts it and it is worth it (a ranking of 126 units is ~130 kB of JSON, ~10 kB compressed).
 * `onSent` sees what went out (the answer cache keeps it).
 */
export function compressAnswer(req: IncomingMessage, res: ServerResponse, onSent?: (sent: SentAnswer) => void): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  res.setHeader('Vary', 'Accept-Encoding');
  if (!encoding && !onSent) return;
  const chunks: Buffer[] = [];
  const end = res.end.bind(res) as (body?: Buffer) => ServerResponse;
  const toBuffer = (chunk: unknown, enc?: unknown) => (Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array));
  res.write = ((chunk: unknown, enc?: unknown, cb?: unknown) => {
    chunks.push(toBuffer(chunk, enc));
    const done = typeof enc === 'function' ? enc : cb;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, enc?: unknown, cb?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, enc));
    const body = Buffer.concat(chunks);
    const done = [chunk, enc, cb].find((x) => typeof x === 'function') as (() => void) | undefined;
    if (done) res.once('finish', done);
    if (!encoding || body.length < MIN_BYTES || res.headersSent || res.getHeader('Content-Encoding')) {
      if (!res.headersSent) res.setHeader('Content-Length', body.length);
      onSent?.({ status: res.statusCode, body, packed: null });
      return end(body);
    }
    const packed = pack(body, encoding);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', packed.length);
    onSent?.({ status: res.statusCode, body, packed: { encoding, bytes: packed } });
    return end(packed);
  }) as ServerResponse['end'];
}
