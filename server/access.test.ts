/**
 * Every procedure, every role, over real HTTP. A procedure added without a row here fails the first test, so no
 * router can go out without an access rule.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http';
import { appRouter } from './routers/_app';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { close, listen, login, mutate, query } from './testing/http-client';
import { CHISO_V2 } from '../shared/kpi/definitions';

type Who = 'anonymous' | 'leader' | 'head' | 'officer' | 'admin';
type Outcome = 200 | 401 | 403;
const WHO: Who[] = ['anonymous', 'leader', 'head', 'officer', 'admin'];
const PASSWORDS: Record<Exclude<Who, 'anonymous'>, [string, string]> = {
  leader: ['leader', 'leader-demo'], head: ['head-00070', 'head-demo'], officer: ['officer', 'officer-demo'], admin: ['admin', 'admin-demo'],
};
const everyone = (anonymous: Outcome = 401): Record<Who, Outcome> => ({ anonymous, leader: 200, head: 200, officer: 200, admin: 200 });
const only = (...allowed: Who[]): Record<Who, Outcome> => Object.fromEntries(WHO.map((w) => [w, w === 'anonymous' ? 401 : allowed.includes(w) ? 200 : 403])) as Record<Who, Outcome>;

interface Rule {
  kind: 'query' | 'mutation';
  input: (who: Who) => unknown;
  expect: Record<Who, Outcome>;
}

const period = { period: '2025-W31' };
const RULES: Record<string, Rule> = {
  'auth.login': { kind: 'mutation', input: (w) => ({ username: w === 'anonymous' ? 'leader' : PASSWORDS[w][0], password: w === 'anonymous' ? 'leader-demo' : PASSWORDS[w][1] }), expect: everyone(200) },
  'auth.logout': { kind: 'mutation', input: () => undefined, expect: everyone(200) },
  'auth.me': { kind: 'query', input: () => undefined, expect: everyone() },
  'periods.list': { kind: 'query', input: () => ({ kind: 'week' }), expect: everyone() },
  'kpi.overview': { kind: 'query', input: () => period, expect: everyone() },
  'kpi.ranking': { kind: 'query', input: () => ({ ...period, group: 'commune' }), expect: everyone() },
  'flags.list': { kind: 'query', input: () => period, expect: everyone() },
  'units.list': { kind: 'query', input: () => undefined, expect: everyone() },
  'units.detail': { kind: 'query', input: () => ({ ...period, unitCode: '00070' }), expect: everyone() },
  'units.trend': { kind: 'query', input: () => ({ unitCode: '00070', measure: 'onlineRate', from: '2025-07-01', to: '2025-08-03', granularity: 'week' }), expect: everyone() },
  'units.upsert': { kind: 'mutation', input: (w) => ({ code: `T-${w}`, name: `Phường Thử ${w}`, nameEn: null, kind: 'ward', parentCode: '01', headName: null, headTitle: null, population: null }), expect: only('admin') },
  'targets.list': { kind: 'query', input: () => undefined, expect: everyone() },
  'targets.upsert': { kind: 'mutation', input: () => ({ measure: 'onTimeRate', kind: 'department', threshold: 100, effectiveFrom: '2025-07-21' }), expect: only('admin') },
  'targets.delete': { kind: 'mutation', input: () => ({ measure: 'onTimeRate', kind: 'department', unitCode: null, effectiveFrom: '2025-07-21' }), expect: only('admin') },
  'imports.list': { kind: 'query', input: () => undefined, expect: only('officer', 'admin') },
  'users.list': { kind: 'query', input: () => undefined, expect: only('admin') },
  'users.create': { kind: 'mutation', input: (w) => ({ username: `new-${w}`, role: 'leader', password: 'a-long-secret-1' }), expect: only('admin') },
  'users.update': { kind: 'mutation', input: () => ({ username: 'officer', displayName: 'Cán bộ dữ liệu' }), expect: only('admin') },
  'users.resetPassword': { kind: 'mutation', input: () => ({ username: 'new-admin', password: 'another-secret-2' }), expect: only('admin') },
  'audit.list': { kind: 'query', input: () => undefined, expect: only('admin') },
  'reports.list': { kind: 'query', input: () => undefined, expect: everyone() },
  'reports.form06': { kind: 'query', input: () => ({ ...period, group: 'commune' }), expect: everyone() },
  'kpi.whatIf': { kind: 'query', input: () => ({ ...period, unitCode: '00070', changes: [{ code: 'onlineRate', value: 90 }] }), expect: everyone() },
  'units.rankChange': { kind: 'query', input: () => ({ ...period, unitCode: '00070' }), expect: everyone() },
  'indexes.list': { kind: 'query', input: () => undefined, expect: everyone() },
  'indexes.versions': { kind: 'query', input: () => undefined, expect: only('admin') },
  'indexes.save': { kind: 'mutation', input: () => ({ ...CHISO_V2, id: 'access-test', version: 1 }), expect: only('admin') },
  'indicators.list': { kind: 'query', input: () => undefined, expect: everyone() },
  'indicators.values': { kind: 'query', input: () => ({ unitCode: '00070' }), expect: everyone() },
  'indicators.upsert': { kind: 'mutation', input: () => ({ code: 'ACCESS_TEST', name: 'Chỉ số thử', nameEn: null, pillar: 'other', unit: 'count', direction: 'higher', frequency: 'month', kinds: [], description: null }), expect: only('admin') },
  'indicators.round': { kind: 'query', input: () => ({ period: '2025-07' }), expect: everyone() },
  'indicators.submit': { kind: 'mutation', input: () => ({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 9, denominator: 10 }), expect: only('head', 'officer', 'admin') },
  'indicators.returnValue': { kind: 'mutation', input: () => ({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', comment: 'Xin kiểm tra lại mẫu số.' }), expect: only('leader', 'admin') },
  'indicators.history': { kind: 'query', input: () => ({ unitCode: '00070' }), expect: everyone() },
  'indicators.pillars': { kind: 'query', input: () => period, expect: everyone() },
  'indicators.unit': { kind: 'query', input: () => ({ ...period, unitCode: '00070' }), expect: everyone() },
  'reports.generate': { kind: 'mutation', input: () => ({ period: '2025-W31', format: 'csv' }), expect: only('leader', 'officer', 'admin') },
  // Cửa Nam (00082) is below target; the head signed in here is Hoàn Kiếm's, so a commitment for Cửa Nam is not theirs to write.
  'commitments.submit': {
    kind: 'mutation',
    input: () => ({ unitCode: '00082', period: '2025-W31', measure: 'onlineRate', explanation: 'Thiếu cán bộ hướng dẫn nộp trực tuyến', action: 'Bố trí 2 cán bộ hướng dẫn tại bộ phận một cửa', dueDate: '2025-08-31' }),
    expect: only('admin'),
  },
  'commitments.list': { kind: 'query', input: () => ({ unitCode: '00070' }), expect: everyone() },
  'decisions.add': { kind: 'mutation', input: () => ({ unitCode: '00082', period: '2025-W31', decision: 'Chủ tịch phường báo cáo tại giao ban tuần sau', owner: 'Văn phòng UBND Thành phố', dueDate: '2025-08-31' }), expect: only('leader', 'admin') },
  'decisions.list': { kind: 'query', input: () => ({ unitCode: '00070' }), expect: everyone() },
  'notices.list': { kind: 'query', input: () => undefined, expect: everyone() },
  'notices.setLanguage': { kind: 'mutation', input: () => ({ language: 'vi' }), expect: everyone() },
  'escalation.ladder': { kind: 'query', input: () => period, expect: everyone() },
  'escalation.versions': { kind: 'query', input: () => undefined, expect: only('admin') },
  'escalation.save': { kind: 'mutation', input: () => ({ effectiveFrom: '2025-09-01', steps: [{ level: 'reminder', minPeriods: 2, name: 'Nhắc nhở', nameEn: 'Reminder' }] }), expect: only('admin') },
};

let store: Store;
let server: Server;
let base: string;
const cookies: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir: null });
  base = await listen(server);
  for (const w of WHO) if (w !== 'anonymous') cookies[w] = await login(base, ...PASSWORDS[w]);
});
afterAll(async () => {
  await close(server);
  await store.close();
});

const call = (path: string, rule: Rule, who: Who, input = rule.input(who)) =>
  rule.kind === 'query' ? query(base, path, input, cookies[who] ?? '') : mutate(base, path, input, cookies[who] ?? '');

describe('access, procedure by procedure', () => {
  it('has a rule for every procedure the API serves', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(RULES).sort());
  });

  const order = Object.entries(RULES).filter(([p]) => p !== 'auth.logout');
  it.each(order.flatMap(([path, rule]) => WHO.map((who) => [path, who, rule.expect[who]] as const)))('%s as %s → %i', async (path, who, status) => {
    const res = await call(path, RULES[path] as Rule, who);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    // A refusal carries its message as a code, which the dashboard renders in the reader's language (decision 023).
    if (status === 401) expect(res.body.error.data.detail).toEqual({ code: 'auth.signIn', params: {} });
    if (status === 403) expect(res.body.error.data.detail.code).toMatch(/^access\./);
  });

  it('checks the session and role before the input: a malformed request gets 401/403, not 400', async () => {
    expect((await query(base, 'kpi.ranking', { period: 'garbage' })).status).toBe(401);
    expect((await mutate(base, 'users.create', { nonsense: true }, cookies.leader)).status).toBe(403);
    expect((await mutate(base, 'targets.upsert', 'not even an object', cookies.head)).status).toBe(403);
  });

  it("refuses a unit head another unit's detail and trend, whatever the request says", async () => {
    for (const code of ['00082', '04144', 'SO-TP', '99999']) {
      expect((await query(base, 'units.detail', { ...period, unitCode: code }, cookies.head)).status).toBe(403);
      expect((await query(base, 'units.trend', { unitCode: code, measure: 'onlineRate', from: '2025-07-01', to: '2025-08-03', granularity: 'week' }, cookies.head)).status).toBe(403);
      expect((await query(base, 'indicators.unit', { ...period, unitCode: code }, cookies.head)).status).toBe(403);
    }
    expect((await query(base, 'units.detail', { ...period, unitCode: '00082' }, cookies.leader)).status).toBe(200);
  });

  it('lets only data officers and admins upload, and only admins export the audit trail', async () => {
    const upload = (who: Who) => fetch(`${base}/api/imports?kind=units`, { method: 'POST', body: 'code,name,kind\n00998,Phường Mới,ward\n', headers: { 'x-file-name': 'units.csv', ...(cookies[who] ? { cookie: cookies[who] as string } : {}) } });
    expect((await upload('anonymous')).status).toBe(401);
    expect((await upload('leader')).status).toBe(403);
    expect((await upload('head')).status).toBe(403);
    expect((await upload('officer')).status).toBe(200);
    const audit = (who: Who) => fetch(`${base}/api/audit.csv`, { headers: cookies[who] ? { cookie: cookies[who] as string } : {} });
    expect((await audit('officer')).status).toBe(403);
    const csv = await audit('admin');
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('id,at,actor,action,target,before,after,address')).toBe(true);
    expect(text).toContain('import.units');
    expect(text).toContain('auth.login');
  });

  it('lets every signed-in role, and no one signed out, export the rankings and flags views (as the pages)', async () => {
    for (const path of ['/api/exports/rankings.xlsx?period=2025-W31&group=department', '/api/exports/flags.xlsx?period=2025-W31&group=commune']) {
      for (const who of WHO) {
        const res = await fetch(`${base}${path}`, { headers: cookies[who] ? { cookie: cookies[who] as string } : {} });
        expect(res.status, `${who} ${path}`).toBe(who === 'anonymous' ? 401 : 200);
      }
    }
  });

  it('ends a session on logout', async () => {
    const cookie = await login(base, 'leader', 'leader-demo');
    expect((await query(base, 'auth.me', undefined, cookie)).status).toBe(200);
    const out = await mutate(base, 'auth.logout', undefined, cookie);
    expect(out.headers.get('set-cookie')).toMatch(/chiso_session=; Max-Age=0/);
    expect((await query(base, 'auth.me', undefined, cookie)).status).toBe(401);
  });
});
