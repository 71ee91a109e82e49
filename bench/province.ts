import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { hashPassword } from '../server/auth/password';
import { seedOf } from '../server/seed/random';
import { DuckDbStore } from '../server/store/duckdb/duckdb-store';
import type { Unit } from '../shared/schemas/unit';
import { benchDossiers } from './generate';

/**
 * A whole-country data set for trying the dashboard at 3,321 communes: `tsx bench/province.ts DB`. Units are the
 * official list; dossiers are synthetic; the account `bench-admin` gets the password in BENCH_PASSWORD.
 */
const [path] = process.argv.slice(2) as [string];
const rows = Papa.parse<Record<string, string>>(readFileSync(new URL('../server/seed/data/vn-3321-communes-2025.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const units: Unit[] = rows.map((r) => ({ code: r.ma_xa as string, name: r.ten_xa as string, nameEn: null, kind: r.loai === 'Phường' ? 'ward' : r.loai?.startsWith('Đặc') ? 'special_zone' : 'commune', parentCode: r.tinh ?? null, headName: `Chủ tịch UBND ${r.ten_xa}`, headTitle: 'Chủ tịch UBND', population: null }));
const store = await DuckDbStore.open(path);
const record = (kind: 'units' | 'dossiers', n: number) => ({ kind, fileName: 'province bench', rows: n, outcome: 'imported' as const, errorCount: 0, actor: null, startedAt: Date.now() });
await store.replaceUnits(units, record('units', units.length));
await store.replaceTargets(['ward', 'commune', 'special_zone'].map((kind) => ({ measure: 'onlineRate' as const, kind: kind as Unit['kind'], unitCode: null, threshold: 60, effectiveFrom: '2025-01-01', deadline: null })), null);
const writer = await store.openDossierWriter();
let n = 0;
for (const d of benchDossiers(units, Number(process.env.BENCH_COUNT ?? 3_000_000), seedOf('province'))) {
  writer.append(d);
  n += 1;
}
await writer.commit(record('dossiers', n));
const now = new Date().toISOString();
await store.saveAccount({ username: 'bench-admin', displayName: null, role: 'admin', unitCode: null, passwordHash: await hashPassword(process.env.BENCH_PASSWORD ?? 'bench-password-1'), disabled: false, demo: false, createdAt: now, updatedAt: now }, null);
await store.close();
console.log(`${units.length} units, ${n} dossiers in ${path}`);
