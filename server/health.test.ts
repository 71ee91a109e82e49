import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readiness } from './health';
import { createHttpServer } from './http';
import type { DuckDbStore } from './store/duckdb/duckdb-store';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStore } from './testing/fixture';
import { close, listen } from './testing/http-client';

let store: Store;
let server: Server;
let base: string;

beforeAll(async () => {
  store = await fixtureStore();
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir: null });
  base = await listen(server);
});
afterAll(() => close(server));

describe('health checks', () => {
  it('GET /healthz answers 200 { ok: true } without a session', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /readyz answers 200 while the database answers with its migrations applied', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('a store with a migration missing is not ready', async () => {
    const other = await fixtureStore();
    try {
      await (other as DuckDbStore).rows('DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)');
      expect(await readiness(other)).toEqual({ ready: false, reason: '1 database migration(s) not applied' });
    } finally {
      await other.close();
    }
  });

  it('a database that does not answer in time is not ready', async () => {
    const stuck = { dataVersion: () => new Promise<number>(() => undefined) } as unknown as Store;
    expect(await readiness(stuck, 50)).toEqual({ ready: false, reason: 'the database did not answer within 50 ms' });
  });

  it('GET /readyz answers 503 once the database is closed, and /healthz still 200', async () => {
    await store.close();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, reason: 'the database does not answer' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
