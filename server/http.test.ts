import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RankingOutputSchema } from '../shared/schemas/ranking';
import { createInnerContext } from './context';
import { createHttpServer } from './http';
import { appRouter } from './routers/_app';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { close, listen, login, query } from './testing/http-client';
import { createCallerFactory } from './trpc';

let store: Store;
let server: Server;
let base: string;
let leader: string;
let officer: string;

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir: null });
  base = await listen(server);
  leader = await login(base, 'leader', 'leader-demo');
  officer = await login(base, 'officer', 'officer-demo');
});
afterAll(async () => {
  await close(server);
  await store.close();
});

describe('the API over HTTP', () => {
  it('serves kpi.ranking as plain JSON, the same as the router', async () => {
    const input = { period: '2025-W31', group: 'commune' };
    const res = await query(base, 'kpi.ranking', input, leader);
    expect(res.status).toBe(200);
    const data = RankingOutputSchema.parse(res.body.result.data);
    const direct = await createCallerFactory(appRouter)(createInnerContext(fixtureDeps(store), fixtureAuth(store), { username: 'x', role: 'leader', unitCode: null })).kpi.ranking(input as never);
    expect(data).toEqual(direct);
  });

  it.each([
    ['a malformed period', 'kpi.ranking', { period: '2025-W99', group: 'commune' }, 400, '2025 has ISO weeks 1 to 52, not 99'],
    ['an unknown group', 'kpi.ranking', { period: '2025-W31', group: 'province' }, 400, 'The request is not valid: group:'],
    ['an unknown unit', 'units.detail', { unitCode: '99999', period: '2025-W31' }, 404, 'There is no unit with the code "99999".'],
    ['a reversed trend span', 'units.trend', { unitCode: '00070', measure: 'onlineRate', from: '2025-08-01', to: '2025-07-01', granularity: 'week' }, 400, '`from` must not be after `to`'],
  ])('answers %s with a plain message and no stack trace', async (_label, path, input, status, message) => {
    const res = await query(base, path, input, leader);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|\.ts:\d+|at [A-Za-z]+ \(/);
  });

  it('refuses a request body over the limit', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/api/health', '/trpc/periods.list', '/']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});

describe('batched calls', () => {
  const batch = (paths: string[], input: Record<number, unknown> = {}, cookie = leader) =>
    fetch(`${base}/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  const ranking = { period: '2025-W31', group: 'commune' };

  it('answers a batch of up to 10 calls', async () => {
    const res = await batch(Array.from({ length: 10 }, () => 'kpi.ranking'), Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, ranking])));
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(10);
  });

  it.each([
    ['11 calls', 11, (n: number) => Array.from({ length: n }, () => 'periods.list').join(',')],
    ['60 rankings', 60, (n: number) => Array.from({ length: n }, () => 'kpi.ranking').join(',')],
    ['11 calls behind encoded commas', 11, (n: number) => Array.from({ length: n }, () => 'periods.list').join('%2C')],
  ])('refuses a batch of %s with 400 and a plain message, before running any', async (_label, n, path) => {
    const res = await fetch(`${base}/trpc/${path(n)}?batch=1`, { headers: { cookie: leader } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(`One request may carry at most 10 calls; this one carries ${n}.`);
  });

  const logins = (n: number, last = 'leader-demo') => {
    const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { username: 'leader', password: i === n - 1 ? last : `wrong-${i}` }]));
    return fetch(`${base}/trpc/${Array.from({ length: n }, () => 'auth.login').join(',')}?batch=1`, { method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
  };

  it.each([2, 10, 1200])('refuses %i sign-ins in one batch without trying a password', async (n) => {
    const res = await logins(n);
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await res.json()).error.message).toMatch(/Sign in with a request of its own|at most 10 calls/);
  });

  it('refuses a sign-in batched with another call', async () => {
    const res = await fetch(`${base}/trpc/auth.logout,auth.login?batch=1`, { method: 'POST', body: JSON.stringify({ 1: { username: 'leader', password: 'leader-demo' } }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await res.json()).error.message).toBe('Sign in with a request of its own, not batched with other calls.');
  });

  it('still signs in with a batch of one, as tRPC batch links send it', async () => {
    const res = await logins(1);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^chiso_session=/);
  });
});

describe('file upload', () => {
  it('imports a file as the CLI does and answers with the same report', async () => {
    const csv = 'code,name,kind\n00999,Phường Thử Nghiệm,ward\n';
    const res = await fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: csv, headers: { 'x-file-name': encodeURIComponent('đơn vị.csv'), cookie: officer } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rows: 1, fileName: 'đơn vị.csv', record: { outcome: 'imported' } });
  });

  it('refuses a bad file with 422 and the row-by-row report, writing nothing', async () => {
    const csv = 'dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at\nX,00070,1.1,fax,no,2025-07-21,2025-07-22\n';
    const res = await fetch(`${base}/api/imports?kind=dossiers`, { method: 'POST', body: csv, headers: { 'x-file-name': 'bad.csv', cookie: officer } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, issueCount: 1, issues: [{ line: 2, column: 'channel', value: 'fax' }] });
  });

  it('asks what the file holds', async () => {
    const res = await fetch(`${base}/api/imports?kind=people`, { method: 'POST', body: 'x', headers: { 'x-file-name': 'x.csv', cookie: officer } });
    expect(res.status).toBe(400);
  });

  const unitFile = (code: string) => `code,name,kind\n${code},Phường Thử Nghiệm,ward\n`;
  const stored = async (code: string) => (await store.listUnits()).some((u) => u.code === code);

  it.each([
    ['without the X-File-Name header a cross-site form or simple fetch could send', (host: string) => ({ 'content-type': 'text/plain', origin: `http://${host}` }), /lacks the X-File-Name header/],
    ['from a sibling origin of the same site (another port)', (host: string) => ({ 'x-file-name': 'u.csv', origin: `http://${host.replace(/:\d+$/, ':1')}` }), /came from another site \(http:\/\/127\.0\.0\.1:1\)/],
    ['from another host', () => ({ 'x-file-name': 'u.csv', origin: 'https://evil.example' }), /came from another site/],
    ['from an opaque origin', () => ({ 'x-file-name': 'u.csv', origin: 'null' }), /came from another site/],
  ])('refuses an upload %s with 403, writing nothing', async (_label, headers, message) => {
    const host = new URL(base).host;
    const res = await fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: unitFile('00991'), headers: { ...headers(host), cookie: officer } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(message);
    expect(await stored('00991')).toBe(false);
  });

  it("takes an upload from the dashboard's own origin, directly or through a reverse proxy", async () => {
    const direct = await fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: unitFile('00992'), headers: { 'x-file-name': 'u.csv', origin: base, cookie: officer } });
    expect(direct.status).toBe(200);
    expect(await stored('00992')).toBe(true);
    const proxied = await fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: unitFile('00993'), headers: { 'x-file-name': 'u.csv', origin: 'https://chiso.example.gov.vn', 'x-forwarded-host': 'chiso.example.gov.vn', cookie: officer } });
    expect(proxied.status).toBe(200);
  });

  it('answers a malformed file name with 400, not 500', async () => {
    const res = await fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: unitFile('00994'), headers: { 'x-file-name': '%E0%A4%A', cookie: officer } });
    expect(res.status).toBe(400);
    expect(await stored('00994')).toBe(false);
  });
});
