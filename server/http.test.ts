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
    const res = await fetch(`${base}/api/imports?kind=people`, { method: 'POST', body: 'x', headers: { cookie: officer } });
    expect(res.status).toBe(400);
  });
});
