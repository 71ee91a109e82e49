import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAccount } from '../port';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';

const HOUR = 3_600_000;
const account = (username: string, extra: Partial<StoredAccount> = {}): StoredAccount => ({
  username, displayName: `Tài khoản ${username}`, role: 'leader', unitCode: null, passwordHash: `hash-of-${username}`, disabled: false, demo: false,
  createdAt: '2025-07-01T01:02:03.004Z', updatedAt: '2025-07-02T01:02:03.004Z', email: null, language: null, ...extra,
});
const entry = (action: string, target: string | null = null) => ({ actor: 'admin', action, target, before: null, after: null, address: '127.0.0.1' });

describe.each(ENGINES)('accounts, sessions and the audit trail on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it('stores accounts, replaces one by name, and lists them by role and name without their password hashes', async () => {
    await store.saveAccount(account('lanh-dao'), entry('users.create', 'lanh-dao'));
    await store.saveAccount(account('head-00070', { role: 'unit_head', unitCode: '00070', demo: true, email: 'ubnd@hoankiem.vn', language: 'en' }), null);
    await store.saveAccount(account('admin', { role: 'admin' }), null);
    await store.saveAccount(account('lanh-dao', { disabled: true, passwordHash: 'new-hash', updatedAt: '2025-08-01T00:00:00.000Z' }), entry('users.disable', 'lanh-dao'));
    expect(await store.getAccount('lanh-dao')).toEqual(account('lanh-dao', { disabled: true, passwordHash: 'new-hash', updatedAt: '2025-08-01T00:00:00.000Z' }));
    expect(await store.getAccount('nobody')).toBeNull();
    const listed = await store.listAccounts();
    expect(listed.map((a) => a.username)).toEqual(['admin', 'lanh-dao', 'head-00070']);
    expect(listed[2]).toEqual({ ...account('head-00070', { role: 'unit_head', unitCode: '00070', demo: true, email: 'ubnd@hoankiem.vn', language: 'en' }), passwordHash: undefined });
    expect(listed.every((a) => !('passwordHash' in a))).toBe(true);
  });

  it('keeps sessions until deleted, one or all of an account, and drops expired ones when a session is made', async () => {
    const now = Date.parse('2025-08-06T03:00:00.000Z');
    await store.createSession('old', 'admin', now - 20 * HOUR, now - 8 * HOUR);
    expect(await store.findSession('old')).toEqual({ username: 'admin', expiresAt: now - 8 * HOUR });
    await store.createSession('t1', 'admin', now, now + 12 * HOUR);
    await store.createSession('t2', 'admin', now, now + 12 * HOUR);
    await store.createSession('t3', 'lanh-dao', now, now + 12 * HOUR);
    expect(await store.findSession('old')).toBeNull();
    expect(await store.findSession('t1')).toEqual({ username: 'admin', expiresAt: now + 12 * HOUR });
    await store.deleteSession('t1');
    expect(await store.findSession('t1')).toBeNull();
    await store.deleteSessionsOf('admin');
    expect(await store.findSession('t2')).toBeNull();
    expect(await store.findSession('t3')).toEqual({ username: 'lanh-dao', expiresAt: now + 12 * HOUR });
  });

  it('appends to the audit trail, newest first, page by page, with the entries written by other changes', async () => {
    const before = (await store.listAudit(1000, 0)).length;
    const start = Date.now();
    for (let i = 0; i < 5; i++) await store.audit({ actor: i % 2 ? null : 'leader', action: 'auth.login', target: `try-${i}`, before: '{"a":1}', after: null, address: i % 2 ? null : '10.0.0.1' });
    await store.saveUnit({ code: '00070', name: 'Phường Hoàn Kiếm', nameEn: null, kind: 'ward', parentCode: '01', headName: null, headTitle: null, population: 141_687 }, entry('units.upsert', '00070'));
    const all = await store.listAudit(1000, 0);
    expect(all).toHaveLength(before + 6);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ actor: 'admin', action: 'units.upsert', target: '00070' });
    expect(all[1]).toMatchObject({ actor: 'leader', action: 'auth.login', target: 'try-4', before: '{"a":1}', after: null, address: '10.0.0.1' });
    expect(all[2]).toMatchObject({ actor: null, target: 'try-3', address: null });
    expect(Date.parse(all[0]?.at ?? '')).toBeGreaterThanOrEqual(start - 1000);
    expect(await store.listAudit(2, 1)).toEqual(all.slice(1, 3));
    expect(all.some((e) => e.action === 'users.disable')).toBe(true);
  });

  it('stores units, and targets by measure, scope and start date, each change with its audit entry', async () => {
    const unit = { code: '00082', name: 'Phường Cửa Nam', nameEn: 'Cua Nam Ward', kind: 'ward' as const, parentCode: null, headName: 'Chủ tịch UBND', headTitle: 'Chủ tịch', population: null };
    await store.saveUnit(unit, entry('units.upsert', '00082'));
    expect((await store.listUnits()).find((u) => u.code === '00082')).toEqual(unit);
    const target = { measure: 'onlineRate' as const, kind: null, unitCode: '00082', threshold: 60, effectiveFrom: '2025-07-21', deadline: '2025-07-30' };
    await store.upsertTarget(target, entry('targets.upsert'));
    await store.upsertTarget({ ...target, threshold: 65.5 }, entry('targets.upsert'));
    expect(await store.listTargets()).toEqual([{ ...target, threshold: 65.5 }]);
    expect(await store.deleteTarget({ ...target, effectiveFrom: '2025-07-22' }, entry('targets.delete'))).toBe(false);
    expect(await store.deleteTarget(target, entry('targets.delete'))).toBe(true);
    expect(await store.listTargets()).toEqual([]);
    const actions = (await store.listAudit(4, 0)).map((e) => e.action);
    expect(actions).toEqual(['targets.delete', 'targets.upsert', 'targets.upsert', 'units.upsert']);
  });

  it('keeps meta values, replacing by key', async () => {
    expect(await store.getMeta('dataset')).toBeNull();
    await store.setMeta('dataset', 'demo');
    await store.setMeta('dataset', 'real');
    expect(await store.getMeta('dataset')).toBe('real');
  });

  it('clears the data, the sessions and the demo accounts, and keeps real accounts, the import log and the audit trail', async () => {
    const audit = (await store.listAudit(1000, 0)).length;
    await store.recordImport({ kind: 'units', fileName: 'u.csv', rows: 1, outcome: 'refused', errorCount: 1, actor: null, startedAt: Date.now() });
    await store.clearData();
    expect(await store.listUnits()).toEqual([]);
    expect(await store.listTargets()).toEqual([]);
    expect(await store.getMeta('dataset')).toBeNull();
    expect(await store.findSession('t3')).toBeNull();
    expect((await store.listAccounts()).map((a) => a.username)).toEqual(['admin', 'lanh-dao']);
    expect(await store.listImports(10)).toHaveLength(1);
    expect((await store.listAudit(1000, 0)).length).toBe(audit);
  });
});
