import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http';
import { jsonLogger } from './log';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { close, listen, login } from './testing/http-client';

let store: Store;
let server: Server;
let base: string;
const lines: string[] = [];
const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
/** The log lines are written when the response ends, a moment after the client has read it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  const deps = fixtureDeps(store);
  const failing = { ...deps, store: new Proxy(store, { get: (target, key) => (key === 'listReports' ? () => Promise.reject(new Error('disk on fire')) : Reflect.get(target, key)) }) };
  server = createHttpServer({ deps: failing, auth: fixtureAuth(store), clientDir: null, log: jsonLogger((line) => lines.push(line)) });
  base = await listen(server);
});
afterAll(async () => {
  await close(server);
  await store.close();
});

describe('request logs', () => {
  it('answer every request with an X-Request-Id and log one JSON line with it, without the query string', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/trpc/periods.list?input=${encodeURIComponent('{"secret":"hunter2"}')}`);
    await settle();
    const id = res.headers.get('x-request-id') as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('hunter2');
    expect(entries()[0]).toMatchObject({ level: 'info', msg: 'request', requestId: id, method: 'GET', path: '/trpc/periods.list', status: 401, durationMs: expect.any(Number) });
    expect(Date.parse(entries()[0]?.time as string)).not.toBeNaN();
  });

  it('gives each request its own id, and keeps one a proxy sent', async () => {
    const a = await fetch(`${base}/healthz`);
    const b = await fetch(`${base}/healthz`);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    expect((await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'proxy-42.abc' } })).headers.get('x-request-id')).toBe('proxy-42.abc');
    expect((await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id "with" quotes' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a server error with the id of its request, and answers without the stack', async () => {
    const cookie = await login(base, 'leader', 'leader-demo');
    lines.length = 0;
    const res = await fetch(`${base}/trpc/reports.list`, { headers: { cookie } });
    await settle();
    expect(res.status).toBe(500);
    expect(await res.text()).not.toMatch(/disk on fire|\.ts:\d+/);
    const id = res.headers.get('x-request-id');
    const error = entries().find((e) => e.level === 'error');
    expect(error).toMatchObject({ requestId: id, msg: 'error in reports.list', error: 'disk on fire', stack: expect.stringContaining('disk on fire') });
    expect(entries().find((e) => e.msg === 'request')).toMatchObject({ requestId: id, status: 500 });
  });
});
