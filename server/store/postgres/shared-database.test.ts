import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustParsePeriod } from '../../../shared/kpi/periods';
import { CountsCache } from '../../analytics/counts-cache';
import { createTestDatabase } from '../testing/engines';
import { outcome, randomDossiers } from '../testing/random-dossiers';
import { PostgresStore } from './postgres-store';

const Q3 = mustParsePeriod('2025-Q3');
const WINDOW = [{ start: Q3.start, cutOff: Q3.end }];

/** Two server processes on one database: each has its own store, pool and caches, and nothing else in common. */
describe('several processes on one PostgreSQL database', () => {
  let drop: () => Promise<void>;
  let a: PostgresStore;
  let b: PostgresStore;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    [a, b] = await Promise.all([PostgresStore.open(database.url), PostgresStore.open(database.url)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await drop?.();
  });

  it('migrate once when they start together', async () => {
    expect(await a.pendingMigrations()).toBe(0);
    expect((await b.listIndicators()).length).toBe(16);
  });

  it('share sessions: one made by one process is found, and ended, by the other', async () => {
    const now = Date.now();
    await a.createSession('token-hash', 'leader', now, now + 3_600_000);
    expect(await b.findSession('token-hash')).toEqual({ username: 'leader', expiresAt: now + 3_600_000 });
    await b.deleteSessionsOf('leader');
    expect(await a.findSession('token-hash')).toBeNull();
  });

  it('see each other’s writes: the data version moves for both, so a cache in the other process starts over', async () => {
    const cache = new CountsCache();
    expect(await cache.countsByUnit(b, WINDOW)).toEqual(new Map());
    const version = await b.dataVersion();
    const writer = await a.openDossierWriter();
    const dossiers = randomDossiers(500, 41);
    dossiers.forEach((d, i) => writer.append(d, i + 2));
    await writer.commit(outcome(dossiers.length));
    expect(await b.dataVersion()).toBeGreaterThan(version);
    expect(await cache.countsByUnit(b, WINDOW)).toEqual(await a.countsByUnit(WINDOW));
    await a.createSession('other', 'leader', Date.now(), Date.now() + 1000);
    expect(await b.dataVersion()).toBe(await a.dataVersion());
  });

  it('give a scheduled run, and a notice, to exactly one process when they race', async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimRun('weekly:2025-W40', `process-${i % 2}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const notice = { recipient: 'leader', period: '2025-W40', kind: 'digest' as const, unitCode: null, payload: '[]', createdAt: new Date().toISOString(), email: null, language: 'vi' as const, mailStatus: 'none' as const };
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).addNotices([notice])));
    expect(made.flat()).toHaveLength(1);
  });

  it('number report versions without collisions when both generate at once', async () => {
    const report = { period: '2025-W40', format: 'pdf' as const, language: 'vi' as const, cutOff: new Date().toISOString(), generatedAt: new Date().toISOString(), inputsHash: 'h', definitionId: 'chiso-v2', targets: '[]', trigger: 'manual' as const, createdBy: null, definitionJson: '{}' };
    const saved = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).saveReport(report, Buffer.from(`r${i}`))));
    expect(saved.map((r) => r.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('replace dossiers imported by both at once, one import after the other, without duplicating any', async () => {
    const ALL = [{ start: 0, cutOff: Date.parse('2030-01-01T00:00:00Z') }];
    const total = async () => [...(await b.countsByUnit(ALL)).values()].reduce((t, series) => ({ received: t.received + (series[0]?.received ?? 0), completed: t.completed + (series[0]?.completed ?? 0) }), { received: 0, completed: 0 });
    const before = await total();
    const dossiers = randomDossiers(3000, 42).map((d) => ({ ...d, status: null }));
    const load = async (store: PostgresStore, completed: boolean) => {
      const writer = await store.openDossierWriter();
      dossiers.forEach((d, i) => writer.append({ ...d, completedAt: completed ? d.dueAt : null }, i + 2));
      await writer.commit(outcome(dossiers.length));
    };
    await Promise.all([load(a, false), load(b, true), load(a, true), load(b, false)]);
    const after = await total();
    expect(after.received).toBe(before.received + 3000);
    expect([before.completed, before.completed + 3000]).toContain(after.completed);
  });
});
