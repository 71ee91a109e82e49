import { existsSync, rmSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFile } from '../server/import/run-import';
import { hanoiUnits } from '../server/seed/demo-units';
import { DuckDbStore } from '../server/store/duckdb/duckdb-store';
import { writeCsv } from './generate';
import { OUT } from './server-process';

/**
 * #12 item 4, with its spread: `npm run bench -- import [COUNT]` imports the bench's CSV of COUNT dossiers (1M by
 * default) into a fresh database with Hà Nội's units, then the same file again (every dossier replaced), and has
 * DuckDB load the same file alone (`CREATE TABLE AS SELECT * FROM read_csv`, a fresh file), BENCH_REPEAT rounds
 * (3 by default). One import's time varies by ±15 % on this machine: a single round says little.
 */
const count = Number(process.argv[3] ?? 1_000_000);
const rounds = Number(process.env.BENCH_REPEAT ?? 3);
const units = hanoiUnits();
const csv = `${OUT}dossiers-${count}.csv`;
if (!existsSync(csv)) await writeCsv(csv, units, count);
const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function importOnce(store: DuckDbStore): Promise<number> {
  const t0 = performance.now();
  const report = await importFile(store, { kind: 'dossiers', source: { path: csv }, fileName: 'bench.csv', actor: null });
  if (!report.ok) throw new Error(`bench import refused: ${report.issues[0]?.reason}`);
  return seconds(t0);
}

console.log(`Import of ${count.toLocaleString('en')} dossiers (${(statSync(csv).size / 1e6).toFixed(1)} MB CSV), ${rounds} rounds`);
console.log('');
console.log('| round | chiso, new | chiso, all replaced | DuckDB alone | ratio new / replaced |');
console.log('|---|---|---|---|---|');
const ratios: { fresh: number; again: number }[] = [];
for (let round = 1; round <= rounds; round++) {
  const path = `${OUT}import-bench.duckdb`;
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
  const store = await DuckDbStore.open(path);
  await store.replaceUnits(units, { kind: 'units', fileName: 'bench', rows: units.length, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
  const fresh = await importOnce(store);
  const again = await importOnce(store);
  await store.close();
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
  const raw = `${OUT}import-raw.duckdb`;
  for (const f of [raw, `${raw}.wal`]) rmSync(f, { force: true });
  const db = await DuckDBInstance.create(raw);
  const c = await db.connect();
  const t0 = performance.now();
  await c.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${csv}', header = true)`);
  const duck = seconds(t0);
  c.closeSync();
  db.closeSync();
  for (const f of [raw, `${raw}.wal`]) rmSync(f, { force: true });
  ratios.push({ fresh: fresh / duck, again: again / duck });
  console.log(`| ${round} | ${fresh.toFixed(2)} s | ${again.toFixed(2)} s | ${duck.toFixed(2)} s | ${(fresh / duck).toFixed(2)}× / ${(again / duck).toFixed(2)}× |`);
}
const span = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×`;
console.log('');
console.log(`ratio to DuckDB alone: new ${span(ratios.map((r) => r.fresh))}, all replaced ${span(ratios.map((r) => r.again))} (target ≤ 2×)`);
