import type { Server } from 'node:http';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache';
import { LARGE_BYTES, pack } from './compress';
import { createHttpServer } from './http';
import type { Store } from './store/port';
import { FIXTURE_NOW, fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { close, listen, login, mutate, query } from './testing/http-client';

let store: Store;
let server: Server;
let base: string;
let leader: string;
let admin: string;
let headHoanKiem: string;
let headCuaNam: string;
let versionReads = 0;

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  const deps = fixtureDeps(store);
  const counting = new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'dataVersion') versionReads++;
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  server = createHttpServer({ deps: { ...deps, store: counting }, auth: fixtureAuth(store), clientDir: null });
  base = await listen(server);
  leader = await login(base, 'leader', 'leader-demo');
  admin = await login(base, 'admin', 'admin-demo');
  headHoanKiem = await login(base, 'head-00070', 'head-demo');
  headCuaNam = await login(base, 'head-00082', 'head-demo');
});
afterAll(async () => {
  await close(server);
  await store.close();
});

/** The bytes as sent, with the encoding asked for. */
function raw(path: string, cookie: string, encoding = 'identity'): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: { cookie, 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const path = (procedure: string, input: unknown) => `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

describe('the answer cache over HTTP', () => {
  it('answers a repeated read with the same bytes, compressed or not', async () => {
    const p = path('kpi.ranking', { period: '2025-W31', group: 'commune' });
    const first = await raw(p, leader);
    const again = await raw(p, leader);
    const packed = await raw(p, leader, 'br');
    expect(first.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    expect(packed.encoding).toBe('br');
    expect(brotliDecompressSync(packed.body).equals(first.body)).toBe(true);
  });

  it('answers with new figures as soon as the data changes', async () => {
    const input = { period: '2025-W31', group: 'commune' };
    const before = await query(base, 'kpi.ranking', input, leader);
    const row = (body: any) => body.result.data.rows.find((r: { unitCode: string }) => r.unitCode === '00070');
    const received = row(before.body).received as number;
    const writer = await store.openDossierWriter();
    writer.append({
      dossierId: 'cache-extra-1', unitCode: '00070', procedureCode: '1.001193', procedureCodeRaw: '1.001193', procedureName: null, channel: 'online', endToEnd: true,
      receivedAt: Date.parse('2025-07-29T03:00:00Z'), dueAt: Date.parse('2025-07-31T03:00:00Z'), completedAt: Date.parse('2025-07-30T03:00:00Z'), returnedAt: null,
      status: null, statusRaw: null, serviceLevel: null, eResult: null, digitized: null, feeRequired: null, paidOnline: null,
    });
    await writer.commit({ kind: 'dossiers', fileName: 'extra', rows: 1, outcome: 'imported', errorCount: 0, actor: null, startedAt: FIXTURE_NOW });
    const after = await query(base, 'kpi.ranking', input, leader);
    expect(row(after.body).received).toBe(received + 1);
  });

  it('keeps answers apart by who asks: a unit head never gets another unit’s page, even after it was served', async () => {
    const p = path('units.detail', { unitCode: '00070', period: '2025-W31' });
    expect((await raw(p, headHoanKiem)).status).toBe(200);
    expect((await raw(p, headHoanKiem)).status).toBe(200);
    expect((await raw(p, headCuaNam)).status).toBe(403);
    expect((await raw(p, '')).status).toBe(401);
  });

  it('serves nothing to a session that has ended', async () => {
    const session = await login(base, 'leader', 'leader-demo');
    const p = path('kpi.overview', { period: '2025-W31' });
    expect((await raw(p, session)).status).toBe(200);
    await mutate(base, 'auth.logout', undefined, session);
    expect((await raw(p, session)).status).toBe(401);
  });

  it('shows a new commitment on the flag list at once', async () => {
    const input = { period: '2025-W31', group: 'commune' };
    const flagged = (body: any) => body.result.data.rows.find((r: { unitCode: string }) => r.unitCode === '00082');
    const before = await query(base, 'flags.list', input, leader);
    expect(before.status).toBe(200);
    expect(flagged(before.body)?.commitment ?? null).toBeNull();
    const submitted = await mutate(base, 'commitments.submit', { unitCode: '00082', period: '2025-W31', measure: 'onlineRate', explanation: 'Thiếu cán bộ hướng dẫn', action: 'Bố trí cán bộ', dueDate: '2025-08-20' }, admin);
    expect(submitted.status).toBe(200);
    const after = await query(base, 'flags.list', input, leader);
    expect(flagged(after.body)?.commitment?.action).toBe('Bố trí cán bộ');
  });

  it('reads the data version once for a burst of concurrent requests', async () => {
    const p = path('kpi.ranking', { period: '2025-W31', group: 'department' });
    await raw(p, leader);
    versionReads = 0;
    const answers = await Promise.all(Array.from({ length: 20 }, () => raw(p, leader)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(versionReads).toBeLessThan(20);
  });
});

describe('AnswerCache', () => {
  const fakeRes = () => {
    const headers = new Map<string, unknown>();
    const res = { statusCode: 0, body: null as Buffer | null, setHeader: (k: string, v: unknown) => headers.set(k.toLowerCase(), v), getHeader: (k: string) => headers.get(k.toLowerCase()), end: (b: Buffer) => (res.body = b) };
    return res;
  };
  const req = { url: '/trpc/kpi.ranking?input=x', headers: {} } as never;
  const viewer = { username: 'leader', role: 'leader' as const, unitCode: null };
  const sent = (n: number) => ({ status: 200, body: Buffer.alloc(n, 'a'), packed: null });

  it('serves an answer only under the data version it was computed for, and only within its time', () => {
    let now = 0;
    const cache = new AnswerCache({ ttlMs: 1000, maxBytes: 1e6, now: () => now });
    const key = AnswerCache.keyOf(req, viewer);
    cache.keep(key, 7, 0, sent(10), fakeRes() as never);
    expect(cache.serve(key, 8, req, fakeRes() as never)).toBe(false);
    cache.keep(key, 8, 0, sent(10), fakeRes() as never);
    const res = fakeRes();
    expect(cache.serve(key, 8, req, res as never)).toBe(true);
    expect(res.body?.length).toBe(10);
    now = 1000;
    expect(cache.serve(key, 8, req, fakeRes() as never)).toBe(false);
  });

  it('keeps no refusal, no error and no answer that sets a cookie', () => {
    const cache = new AnswerCache({ ttlMs: 1000, maxBytes: 1e6, now: () => 0 });
    cache.keep('a', 1, 0, { ...sent(10), status: 403 }, fakeRes() as never);
    const withCookie = fakeRes();
    withCookie.setHeader('Set-Cookie', 'x=1');
    cache.keep('b', 1, 0, sent(10), withCookie as never);
    expect(cache.size).toBe(0);
  });

  it('keeps a large answer first sent at the fastest compression at the usual level, made off the event loop, and serves that', async () => {
    const cache = new AnswerCache({ ttlMs: 1000, maxBytes: 64e6, now: () => 0 });
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ unitCode: String(i).padStart(5, '0'), name: `Phường ${i % 300}`, onlineRate: ((i * 7919) % 1000) / 10, rank: i + 1 }));
    const body = Buffer.from(JSON.stringify({ rows }));
    expect(body.length).toBeGreaterThan(LARGE_BYTES);
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const fast = pack(body, encoding);
      cache.keep(encoding, 1, 0, { status: 200, body, packed: { encoding, bytes: fast } }, fakeRes() as never);
      await cache.settled();
      const res = fakeRes();
      expect(cache.serve(encoding, 1, { url: '/trpc/kpi.ranking', headers: { 'accept-encoding': encoding } } as never, res as never)).toBe(true);
      expect(res.body?.length).toBeLessThan(fast.length);
      expect(decode(res.body as Buffer).equals(body)).toBe(true);
    }
  });

  it('drops the least recently used answers beyond its size', () => {
    const cache = new AnswerCache({ ttlMs: 1000, maxBytes: 100, now: () => 0 });
    cache.keep('a', 1, 0, sent(20), fakeRes() as never);
    cache.keep('b', 1, 0, sent(20), fakeRes() as never);
    cache.serve('a', 1, req, fakeRes() as never);
    for (const k of ['c', 'd', 'e']) cache.keep(k, 1, 0, sent(20), fakeRes() as never);
    cache.keep('f', 1, 0, sent(20), fakeRes() as never);
    expect(cache.serve('a', 1, req, fakeRes() as never)).toBe(true);
    expect(cache.serve('b', 1, req, fakeRes() as never)).toBe(false);
  });
});
