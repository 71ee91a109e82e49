import { CountsCache } from '../analytics/counts-cache';
import { AuthService } from '../auth/auth-service';
import { seedDemoAccounts } from '../auth/demo-accounts';
import type { DossierRecord } from '../../shared/schemas/dossier';
import type { Target } from '../../shared/schemas/target';
import type { Unit } from '../../shared/schemas/unit';
import type { AnalyticsDeps } from '../analytics/deps';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';

export const FIXTURE_NOW = Date.parse('2025-08-06T03:00:00Z');
const HOUR = 3_600_000;

export const FIXTURE_UNITS: Unit[] = [
  { code: '00070', name: 'Phường Hoàn Kiếm', nameEn: 'Hoan Kiem Ward', kind: 'ward', parentCode: '01', headName: 'Chủ tịch UBND Phường Hoàn Kiếm', headTitle: 'Chủ tịch UBND', population: null },
  { code: '00082', name: 'Phường Cửa Nam', nameEn: null, kind: 'ward', parentCode: '01', headName: 'Chủ tịch UBND Phường Cửa Nam', headTitle: 'Chủ tịch UBND', population: null },
  { code: '04144', name: 'Xã Sóc Sơn', nameEn: null, kind: 'commune', parentCode: '01', headName: null, headTitle: null, population: null },
  { code: 'SO-TP', name: 'Sở Tư pháp', nameEn: 'Department of Justice', kind: 'department', parentCode: '01', headName: 'Giám đốc Sở Tư pháp', headTitle: 'Giám đốc', population: null },
];

export const FIXTURE_TARGETS: Target[] = [
  { measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 60, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
  { measure: 'onlineRate', kind: 'commune', unitCode: null, threshold: 60, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
  { measure: 'onTimeRate', kind: 'ward', unitCode: null, threshold: 100, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
  { measure: 'onlineRate', kind: 'department', unitCode: null, threshold: 80, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
];

/** 40 dossiers a week per unit for W30–W32: Hoàn Kiếm 75 % online, Cửa Nam 50 %, Sóc Sơn 10 a week. */
export function fixtureDossiers(): DossierRecord[] {
  const out: DossierRecord[] = [];
  const weekStarts = ['2025-07-20T17:00:00Z', '2025-07-27T17:00:00Z', '2025-08-03T17:00:00Z'].map(Date.parse);
  const plan: [string, number, number, string][] = [['00070', 40, 0.75, '1.001193'], ['00082', 40, 0.5, '1.004227'], ['04144', 10, 0.9, '1.001193'], ['SO-TP', 40, 0.85, '2.001417']];
  for (const [unitCode, perWeek, online, procedureCode] of plan) {
    weekStarts.forEach((start, w) => {
      for (let i = 0; i < perWeek; i++) {
        const receivedAt = start + 2 * HOUR + i * 3 * HOUR;
        const late = unitCode === '00082' && i === 0;
        const dueAt = receivedAt + 48 * HOUR;
        const completedAt = receivedAt + (late ? 72 : 24) * HOUR;
        out.push({
          dossierId: `${unitCode}-${w}-${i}`, unitCode, procedureCode: i % 4 === 0 ? '1.000894' : procedureCode, procedureCodeRaw: procedureCode,
          procedureName: i % 4 === 0 ? 'Đăng ký kết hôn' : null, channel: i < perWeek * online ? 'online' : 'counter', endToEnd: i < perWeek * online * 0.5,
          receivedAt, dueAt, completedAt: completedAt <= FIXTURE_NOW ? completedAt : null, returnedAt: null, status: null, statusRaw: null,
          serviceLevel: null, eResult: null, digitized: null, feeRequired: null, paidOnline: null,
        });
      }
    });
  }
  return out;
}

/** The fixture with SPEC's demo accounts (leader, admin, officer, head-<code>). */
export async function fixtureStoreWithAccounts(path = ':memory:'): Promise<Store> {
  const store = await fixtureStore(path);
  await seedDemoAccounts(store, FIXTURE_UNITS);
  return store;
}

export function fixtureAuth(store: Store, production = false): AuthService {
  return new AuthService(store, { production, now: () => FIXTURE_NOW });
}

/** The fixture in memory, or in a database file at `path` (for tests that stop a server and start another). */
export async function fixtureStore(path = ':memory:'): Promise<Store> {
  const store = await DuckDbStore.open(path);
  const meta = (kind: 'units' | 'targets' | 'dossiers', rows: number) => ({ kind, fileName: 'fixture', rows, outcome: 'imported' as const, errorCount: 0, actor: null, startedAt: 0 });
  await store.replaceUnits(FIXTURE_UNITS, meta('units', FIXTURE_UNITS.length));
  await store.replaceTargets(FIXTURE_TARGETS, null);
  const writer = await store.openDossierWriter();
  const dossiers = fixtureDossiers();
  for (const d of dossiers) writer.append(d);
  await writer.commit(meta('dossiers', dossiers.length));
  return store;
}

export function fixtureDeps(store: Store): AnalyticsDeps {
  return { store, cache: new CountsCache(), minVolume: 30, now: () => FIXTURE_NOW };
}
