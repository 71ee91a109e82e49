import { createServer, get, type Server } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, compressAnswer, LARGE_BYTES, pack } from './compress';
import { close, listen } from './testing/http-client';

const BIG = JSON.stringify({ rows: Array.from({ length: 500 }, (_, i) => ({ unitCode: String(i).padStart(5, '0'), unitName: 'Phường Hoàn Kiếm', index: 91.21 })) });
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    compressAnswer(req, res);
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/small') return void res.end('{"ok":true}');
    res.write(BIG.slice(0, 1000));
    res.end(BIG.slice(1000));
  });
  base = await listen(server);
});
afterAll(() => close(server));

/** The bytes as sent: fetch would decode them itself. */
function rawGet(url: string, encoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('compressed answers', () => {
  it('chooses brotli, then gzip, and neither when refused', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it.each([['br', brotliDecompressSync], ['gzip', gunzipSync]] as const)('sends %s that decodes to the same bytes, smaller on the wire', async (encoding, decode) => {
    const { headers, body } = await rawGet(`${base}/big`, encoding);
    expect(headers['content-encoding']).toBe(encoding);
    expect(headers.vary).toBe('Accept-Encoding');
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(body.length).toBeLessThan(BIG.length / 5);
    expect(decode(body).toString()).toBe(BIG);
  });

  it('leaves small answers and clients that accept no compression alone', async () => {
    const small = await fetch(`${base}/small`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.text()).toBe('{"ok":true}');
  });

  it.each([['br', brotliDecompressSync], ['gzip', gunzipSync]] as const)('packs a large answer (fastest level) in %s that decodes to the same bytes', (encoding, decode) => {
    const rows = JSON.stringify({ rows: Array.from({ length: 4000 }, (_, i) => ({ unitCode: String(i).padStart(5, '0'), unitName: `Xã ${i % 977}`, index: (i * 7.31) % 100 })) });
    const body = Buffer.from(rows);
    expect(body.length).toBeGreaterThanOrEqual(LARGE_BYTES);
    const packed = pack(body, encoding);
    expect(packed.length).toBeLessThan(body.length / 4);
    // The fastest level: larger than the usual level's output for the same body.
    const usual = encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(body, { level: 6 });
    expect(packed.length).toBeGreaterThan(usual.length);
    expect(decode(packed).equals(body)).toBe(true);
  });
});

