import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpServer } from '../http';
import type { Store } from '../store/port';
import { FIXTURE_NOW, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { close, listen, login, mutate, query } from '../testing/http-client';
import { AuthService, SESSION_TTL_MS } from './auth-service';
import type * as PasswordModule from './password';
import { hashPassword, verifyPassword } from './password';

/** Counts the scrypt checks a burst of sign-ins costs, while still checking for real. */
vi.mock('./password', async (importOriginal) => {
  const actual: typeof PasswordModule = await importOriginal();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const passwordChecks = () => vi.mocked(verifyPassword).mock.calls.length;

let store: Store | null = null;
let server: Server | null = null;
let base: string;
let clock = FIXTURE_NOW;
let auth: AuthService;

async function start(production = false): Promise<Store> {
  const s = await fixtureStoreWithAccounts();
  store = s;
  auth = new AuthService(s, { production, now: () => clock });
  server = createHttpServer({ deps: fixtureDeps(s), auth, clientDir: null });
  base = await listen(server);
  return s;
}
beforeEach(() => {
  clock = FIXTURE_NOW;
});
afterEach(async () => {
  if (server) await close(server);
  await store?.close();
  server = null;
  store = null;
});

describe('passwords', () => {
  it('are hashed with scrypt, salted, and verified', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });
});

describe('signing in', () => {
  it('says the same thing whether the user exists or not', async () => {
    await start();
    const unknown = await mutate(base, 'auth.login', { username: 'nobody', password: 'whatever-pass' });
    const wrong = await mutate(base, 'auth.login', { username: 'leader', password: 'whatever-pass' });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body.error.message).toBe('Wrong username or password.');
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure behind HTTPS', async () => {
    await start();
    const plain = await mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' });
    expect(plain.headers.get('set-cookie')).toMatch(/^chiso_session=[\w-]{40,}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', body: JSON.stringify({ username: 'leader', password: 'leader-demo' }), headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('throttles repeated failures per account (429), even with the right password afterwards', async () => {
    await start();
    for (let i = 0; i < 5; i++) expect((await mutate(base, 'auth.login', { username: 'admin', password: `wrong-${i}` })).status).toBe(401);
    const blocked = await mutate(base, 'auth.login', { username: 'admin', password: 'admin-demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/Too many failed sign-ins/);
    expect((await mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' })).status).toBe(200);
    clock += 16 * 60_000;
    expect((await mutate(base, 'auth.login', { username: 'admin', password: 'admin-demo' })).status).toBe(200);
  });

  it('throttles repeated failures from one address across accounts', async () => {
    await start();
    for (let i = 0; i < 20; i++) await mutate(base, 'auth.login', { username: `someone-${i}`, password: 'nope-nope' });
    expect((await mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' })).status).toBe(429);
  });

  it('counts a try before checking its password, so concurrent wrong tries cannot outrun the limit', async () => {
    await start();
    vi.mocked(verifyPassword).mockClear();
    const tries = await Promise.all(Array.from({ length: 40 }, (_, i) => mutate(base, 'auth.login', { username: 'admin', password: `wrong-${i}` })));
    expect(passwordChecks()).toBeLessThanOrEqual(5);
    expect(tries.filter((t) => t.status === 401)).toHaveLength(5);
    expect(tries.filter((t) => t.status === 429)).toHaveLength(35);
    const right = await mutate(base, 'auth.login', { username: 'admin', password: 'admin-demo' });
    expect(right.status).toBe(429);
    expect(right.body.error.data.code).toBe('TOO_MANY_REQUESTS');
    expect(right.headers.get('set-cookie')).toBeNull();
  });

  it('lets in every one of concurrent right sign-ins to one account: those beyond the limit wait for the checks under way', async () => {
    await start();
    const tries = await Promise.all(Array.from({ length: 8 }, () => mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' })));
    // The eight arrive within milliseconds and a check takes about 0.1 s: three find five being checked and wait.
    expect(tries.map((t) => t.status)).toEqual(new Array(8).fill(200));
  });

  it('spends no password check on a sign-in whose client left while it waited for the checks under way', async () => {
    await start();
    vi.mocked(verifyPassword).mockClear();
    // The five checks under way are held until the three waiting clients have gone.
    const real = vi.mocked(verifyPassword).getMockImplementation() as typeof verifyPassword;
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    vi.mocked(verifyPassword).mockImplementation(async (password, hash) => (await gate, real(password, hash)));
    const until = async (done: () => boolean, ms = 10_000) => {
      for (const end = Date.now() + ms; !done(); await new Promise((resolve) => setTimeout(resolve, 1))) {
        if (Date.now() > end) throw new Error(`still ${passwordChecks()} checks and ${auth.throttle.waiting} waiting`);
      }
    };
    try {
      const body = JSON.stringify({ username: 'leader', password: 'leader-demo' });
      const post = (signal?: AbortSignal) => fetch(`${base}/trpc/auth.login`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal });
      const checked = Array.from({ length: 5 }, () => post());
      await until(() => passwordChecks() === 5);
      const gone = new AbortController();
      const left = Array.from({ length: 3 }, () => post(gone.signal).catch((e: Error) => e.name));
      await until(() => auth.throttle.waiting === 3);
      gone.abort();
      expect(await Promise.all(left)).toEqual(['AbortError', 'AbortError', 'AbortError']);
      // They stop waiting as their clients go, well before a wait's own limit (5 s) would end it.
      await until(() => auth.throttle.waiting === 0, 2_000);
      open();
      expect((await Promise.all(checked)).map((r) => r.status)).toEqual(new Array(5).fill(200));
      // The waiting tries were released unchecked: the server does not go on to check them once the way clears.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(passwordChecks()).toBe(5);
    } finally {
      open();
      vi.mocked(verifyPassword).mockImplementation(real);
    }
    expect((await mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' })).status).toBe(200);
  });

  it('counts concurrent tries from one address across accounts before checking them', async () => {
    await start();
    vi.mocked(verifyPassword).mockClear();
    await Promise.all(Array.from({ length: 40 }, (_, i) => mutate(base, 'auth.login', { username: `someone-${i}`, password: 'nope-nope' })));
    expect(passwordChecks()).toBeLessThanOrEqual(20);
    expect((await mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' })).status).toBe(429);
  });

  it('does not hold successful sign-ins against the address', async () => {
    await start();
    for (let i = 0; i < 25; i++) expect((await mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' })).status).toBe(200);
    await Promise.all(Array.from({ length: 4 }, (_, i) => mutate(base, 'auth.login', { username: 'officer', password: `wrong-${i}` })));
    expect((await mutate(base, 'auth.login', { username: 'officer', password: 'officer-demo' })).status).toBe(200);
  });

  it('ends a session when it expires', async () => {
    await start();
    const cookie = await login(base, 'leader', 'leader-demo');
    expect((await query(base, 'auth.me', undefined, cookie)).status).toBe(200);
    clock += SESSION_TTL_MS + 1;
    expect((await query(base, 'auth.me', undefined, cookie)).status).toBe(401);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    await start();
    const officer = await login(base, 'officer', 'officer-demo');
    const admin = await login(base, 'admin', 'admin-demo');
    expect((await mutate(base, 'users.update', { username: 'officer', disabled: true }, admin)).status).toBe(200);
    expect((await query(base, 'auth.me', undefined, officer)).status).toBe(401);
    expect((await mutate(base, 'auth.login', { username: 'officer', password: 'officer-demo' })).status).toBe(401);
  });
});

describe('in production', () => {
  it('starts on demo data but refuses demo passwords, and accepts real accounts', async () => {
    const s = await start(true);
    const demo = await mutate(base, 'auth.login', { username: 'leader', password: 'leader-demo' });
    expect(demo.status).toBe(403);
    expect(demo.body.error.message).toMatch(/Demo accounts and demo passwords are refused in production/);
    const now = new Date().toISOString();
    await s.saveAccount({ username: 'chutich', displayName: null, role: 'leader', unitCode: null, passwordHash: await hashPassword('a real secret 42'), disabled: false, demo: false, createdAt: now, updatedAt: now }, null);
    const real = await login(base, 'chutich', 'a real secret 42');
    expect((await query(base, 'kpi.ranking', { period: '2025-W31', group: 'commune' }, real)).status).toBe(200);
  });
});

describe('the audit trail', () => {
  it('records logins, failures, imports and changes with who, when and before/after', async () => {
    await start();
    await mutate(base, 'auth.login', { username: 'admin', password: 'not-it-at-all' });
    const admin = await login(base, 'admin', 'admin-demo');
    await mutate(base, 'targets.upsert', { measure: 'onlineRate', kind: 'ward', threshold: 65, effectiveFrom: '2025-07-21', deadline: '2025-07-30' }, admin);
    await fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: 'code,name,kind\n00997,Phường Nhật Ký,ward\n', headers: { cookie: admin, 'x-file-name': 'units.csv' } });
    await mutate(base, 'units.upsert', { code: '00997', name: 'Phường Nhật Ký Mới', nameEn: null, kind: 'ward', parentCode: null, headName: null, headTitle: null, population: null }, admin);
    const entries = (await query(base, 'audit.list', undefined, admin)).body.result.data as { action: string; actor: string; before: string | null; after: string | null }[];
    const actions = entries.map((e) => e.action).reverse();
    expect(actions).toEqual(['auth.login-failed', 'auth.login', 'target.upsert', 'import.units', 'unit.update']);
    const target = entries.find((e) => e.action === 'target.upsert');
    expect(JSON.parse(target?.before ?? 'null')).toMatchObject({ threshold: 60 });
    expect(JSON.parse(target?.after ?? 'null')).toMatchObject({ threshold: 65 });
    expect(target?.actor).toBe('admin');
    const unit = entries.find((e) => e.action === 'unit.update');
    expect(JSON.parse(unit?.before ?? '{}').name).toBe('Phường Nhật Ký');
    expect(JSON.parse(unit?.after ?? '{}').name).toBe('Phường Nhật Ký Mới');
  });
});
