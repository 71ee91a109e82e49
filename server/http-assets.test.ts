import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http';
import { precompressDir } from './precompress';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { close, listen, login } from './testing/http-client';

let dir: string;
let store: Store;
let server: Server;
let base: string;
const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `Phường ${i}`))};`;

function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-assets-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><body>${'<p>chiso</p>'.repeat(200)}</body></html>`);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  precompressDir(dir);
  store = await fixtureStoreWithAccounts();
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir: dir });
  base = await listen(server);
});
afterAll(async () => {
  await close(server);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('what the browser downloads', () => {
  it('caches hashed bundles for a year and sends them precompressed', async () => {
    const res = await rawGet(`${base}/assets/index-abc123.js`, { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBeLessThan(SCRIPT.length / 3);
  });

  it('has the page itself checked every time, so a new build reaches users at once', async () => {
    const res = await rawGet(`${base}/rankings`, { 'accept-encoding': 'gzip' });
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('compresses API answers', async () => {
    const cookie = await login(base, 'leader', 'leader-demo');
    const input = encodeURIComponent(JSON.stringify({ period: '2025-W31', group: 'commune' }));
    const res = await rawGet(`${base}/trpc/kpi.ranking?input=${input}`, { 'accept-encoding': 'gzip', cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});
