import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http';
import { appRouter } from './routers/_app';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { HOSTILE_STRINGS, headerValue, hostileValue, mutated, ODD_COOKIES, pick, seeded, urlPart, type Random } from './testing/hostile';
import { close, listen, login, mutate, query } from './testing/http-client';
import { send, type RawRequest, type RawResponse } from './testing/raw-http';

const SEED = 20_250_806;
const ROUNDS = 600;
const W = '2025-W31';
/** What a response must never show: a stack frame, a source path, a runtime error's name. */
const STACK = /\n\s+at \S|\.[cm]?[jt]sx?:\d+|node_modules|node:internal|\b(?:TypeError|RangeError|ReferenceError|URIError|SyntaxError)\b/;

/** A valid input per procedure, for mutations that get past the first field and reach the code behind it. */
const VALID: Record<string, Record<string, unknown>> = {
  'auth.login': { username: 'leader', password: 'not-the-password' },
  'users.create': { username: 'fuzz-user', role: 'leader', unitCode: null, displayName: 'Fuzz', password: 'mây trắng bay qua đèo' },
  'users.update': { username: 'leader', displayName: 'Lãnh đạo' },
  'users.resetPassword': { username: 'officer', password: 'mây trắng bay qua đèo' },
  'audit.list': { limit: 10, offset: 0 },
  'periods.list': { kind: 'week' },
  'kpi.overview': { period: W },
  'kpi.ranking': { period: W, group: 'commune' },
  'kpi.whatIf': { unitCode: '00082', period: W, changes: [{ code: 'online', value: 80 }] },
  'units.detail': { unitCode: '00070', period: W },
  'units.rankChange': { unitCode: '00070', period: W },
  'units.upsert': { code: '00990', name: 'Phường Thử', nameEn: null, kind: 'ward', parentCode: '01', headName: null, headTitle: null, population: null },
  'units.trend': { unitCode: '00070', measure: 'onlineRate', from: '2025-07-01', to: '2025-08-05', granularity: 'week' },
  'flags.list': { period: W, group: 'commune' },
  'targets.upsert': { measure: 'onlineRate', kind: 'ward', threshold: 60, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
  'targets.delete': { measure: 'onlineRate', kind: 'ward', unitCode: null, effectiveFrom: '2025-07-21' },
  'imports.list': { limit: 10 },
  'reports.generate': { period: W, format: 'csv', language: 'vi' },
  'indicators.values': { unitCode: '00070' },
};
/** tRPC types the procedures as the nested router; at run time they are flat, keyed by their dotted path. */
const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>).map(([path, p]) => ({ path, type: p._def.type }));
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const CONTENT_TYPES = ['application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/octet-stream'];
const BAD_BODIES = ['{"a":', '[]]', 'undefined', '\u0000', '{"0":{"__proto__":{"admin":true}}}', '['.repeat(5000), '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--', 'PK\u0003\u0004garbage'];

let store: Store;
let server: Server;
let base: string;
let admin: string;
let clientDir: string;

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  clientDir = mkdtempSync(join(tmpdir(), 'chiso-fuzz-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>chiso</title>');
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir });
  base = await listen(server);
  admin = await login(base, 'admin', 'admin-demo');
});
afterAll(async () => {
  await close(server);
  await store.close();
  rmSync(clientDir, { recursive: true, force: true });
});

/** Why a response breaks the rule (a 5xx, or a stack trace in the body), or null. */
function problem(res: RawResponse): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  const type = String(res.headers['content-type'] ?? '');
  if (!/pdf|spreadsheet|octet/.test(type) && STACK.test(res.body.toString('utf8'))) return 'a stack trace in the body';
  return null;
}

describe('known hostile inputs', () => {
  it('answers a report id past 64 bits with 404', async () => {
    const res = await fetch(`${base}/api/reports/99999999999999999999999`, { headers: { cookie: admin } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'There is no such report.', detail: { code: 'report.unknown', params: {} } } });
  });

  it('takes a session cookie that is not valid URL-encoding as no session (401), on tRPC and file routes', async () => {
    expect((await query(base, 'periods.list', undefined, 'chiso_session=%ZZ')).status).toBe(401);
    expect((await fetch(`${base}/api/reports/1`, { headers: { cookie: 'chiso_session=%ZZ' } })).status).toBe(401);
  });

  it('answers a malformed X-File-Name with 400', async () => {
    const res = await fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: 'code,name,kind\n', headers: { 'x-file-name': '%E0%A4%A', cookie: admin } });
    expect(res.status).toBe(400);
  });

  it.each([
    ['from', { from: '0000-01-01', to: '2025-08-01' }],
    ['to', { from: '2025-07-01', to: '9999-12-31' }],
  ])('answers a trend whose `%s` year is outside 2000–2100 with 400 and a plain message', async (field, span) => {
    const res = await query(base, 'units.trend', { unitCode: '00070', measure: 'onlineRate', granularity: 'month', ...span }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`The request is not valid: ${field}: a trend date is in the years 2000 to 2100`);
  });

  it('sends the annex of a unit whose code has Đ, with an ASCII file name and the exact one in filename*', async () => {
    const unit = { code: 'ĐN-01', name: 'Phường Đông Ngạc', nameEn: null, kind: 'ward', parentCode: '01', headName: null, headTitle: null, population: null };
    expect((await mutate(base, 'units.upsert', unit, admin)).status).toBe(200);
    const res = await fetch(`${base}/api/reports/annex?unit=${encodeURIComponent('ĐN-01')}&period=${W}`, { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="chiso-${W}-DN-01.pdf"; filename*=UTF-8''chiso-${W}-%C4%90N-01.pdf`);
  });
});

/** One random request: a tRPC call in any of the ways a client (or an attacker) could send it. */
function trpcRequest(random: Random): RawRequest {
  const { path, type } = pick(random, PROCEDURES);
  const valid = VALID[path];
  const r = random();
  const input = valid && r < 0.1 ? valid : valid && r < 0.6 ? mutated(random, valid) : hostileValue(random);
  const json = JSON.stringify(input) ?? 'null';
  /** Signing out with the fuzz session would sign the rest of the run out. */
  const cookie = path === 'auth.logout' || random() < 0.2 ? pick(random, ODD_COOKIES) : admin;
  const headers: Record<string, string> = { cookie: headerValue(cookie) };
  const wrongMethod = random() < 0.15;
  const get = (type === 'query') !== wrongMethod;
  const batch = random() < 0.15;
  const paths = batch ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => path).join(',') : path;
  const payload = batch ? JSON.stringify(Object.fromEntries(paths.split(',').map((_, i) => [i, input]))) : json;
  const raw = random() < 0.12;
  if (random() < 0.3) headers[pick(random, ['origin', 'host', 'x-forwarded-host', 'x-forwarded-proto', 'x-request-id', 'accept-language', 'trpc-accept', 'content-encoding'])] = headerValue(pick(random, [...HOSTILE_STRINGS, 'application/jsonl', 'gzip']));
  if (get) {
    const param = raw ? pick(random, ['%ZZ', '%7B', urlPart(random, pick(random, BAD_BODIES)), '']) : urlPart(random, payload);
    return { method: 'GET', path: `/trpc/${paths}?${batch ? 'batch=1&' : ''}input=${param}`, headers };
  }
  headers['content-type'] = random() < 0.75 ? 'application/json' : pick(random, CONTENT_TYPES);
  const body = raw ? (random() < 0.2 ? Buffer.from([0xff, 0xfe, 0x00, 0xc3]) : pick(random, BAD_BODIES)) : payload;
  return { method: 'POST', path: `/trpc/${paths}${batch ? '?batch=1' : ''}`, headers, body };
}

/** One random request to a route outside tRPC: downloads, the upload, health checks, the client, unknown paths. */
function routeRequest(random: Random): RawRequest {
  const value = () => urlPart(random, pick(random, HOSTILE_STRINGS));
  const path = pick(random, [
    () => `/api/reports/${pick(random, ['1', '0', '-1', '99999999999999999999999', '1e3', '0x10', '01', value()])}`,
    () => `/api/reports/annex?unit=${pick(random, ['00070', '%C4%90N-01', value()])}&period=${pick(random, [W, value()])}&lang=${value()}`,
    () => `/api/reports/annex${pick(random, ['', '?', '?unit', '/x', value()])}`,
    () => `/api/audit.csv${pick(random, ['', `?${value()}`])}`,
    () => `/api/imports?kind=${pick(random, ['units', 'targets', 'dossiers', 'indicators', 'values', value()])}`,
    () => `/api/evidence?indicator=${pick(random, ['PUBLISH_ON_TIME', value()])}&unit=${pick(random, ['00070', '%C4%90N-01', value()])}&period=${pick(random, ['2025-07', value()])}`,
    () => `/api/evidence/${pick(random, ['1', '0', '-1', '99999999999999999999999', '1e3', '0x10', value()])}`,
    () => pick(random, ['/healthz', '/readyz', '/api/health', '/healthz?x=%ZZ', '/readyz/']),
    () => `/api/${value()}`,
    () => `/${value()}`,
    () => `/assets/${value()}`,
    () => `/trpc/${value()}`,
    () => pick(random, ['/trpc/', '/trpc', '/trpc/?batch=1', '/trpc/kpi.ranking,kpi.ranking?batch=1&input=%ZZ', '/trpc/%2C%2C%2C?batch=1']),
  ])();
  const headers: Record<string, string> = { cookie: headerValue(random() < 0.7 ? admin : pick(random, ODD_COOKIES)) };
  if (random() < 0.6) headers['x-file-name'] = headerValue(pick(random, HOSTILE_STRINGS));
  if (random() < 0.3) headers[pick(random, ['origin', 'host', 'x-forwarded-host', 'content-type', 'x-request-id', 'range', 'if-none-match'])] = headerValue(pick(random, HOSTILE_STRINGS));
  const method = random() < 0.5 ? 'GET' : pick(random, METHODS);
  const body = method === 'GET' || method === 'HEAD' ? undefined : pick(random, [...BAD_BODIES, 'code,name,kind\n00991,=cmd|x,ward\n', 'dossier_id,unit_code\n\u0000,%ZZ\n', '']);
  return { method, path, headers, body };
}

describe('hostile traffic', () => {
  it(`answers ${ROUNDS} random and hostile requests to every route and procedure without a 5xx or a stack trace`, async () => {
    const random = seeded(SEED);
    const agent = new Agent({ keepAlive: true });
    const failures: string[] = [];
    const seen = new Set<string>();
    try {
      for (let i = 0; i < ROUNDS; i++) {
        const req = i % 5 < 3 ? trpcRequest(random) : routeRequest(random);
        seen.add(req.path.split('?')[0]?.split(',')[0] ?? '');
        const res = await send(base, agent, req).catch((error: unknown) => ({ status: 0, headers: {}, body: Buffer.from(String(error)) }));
        const why = res.status === 0 ? `no answer: ${res.body.toString()}` : problem(res);
        if (why) failures.push(`#${i} ${req.method} ${req.path.slice(0, 160)} ${JSON.stringify(req.headers).slice(0, 300)} ${String(req.body).slice(0, 100)} → ${why}: ${res.body.toString("utf8").slice(0, 300)}`);
      }
    } finally {
      agent.destroy();
    }
    expect(failures).toEqual([]);
    for (const { path } of PROCEDURES) expect(seen, `no request reached ${path}`).toContain(`/trpc/${path}`);
  }, 60_000);
});
