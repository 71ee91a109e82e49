import { existsSync, rmSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFile } from '../server/import/run-import';
import { hanoiUnits } from '../server/seed/demo-units';
import { DuckDbStore } from '../server/store/duckdb/duckdb-store';
import { writeCsv } from './generate';
import { OUT } from './server-process';
import { median } from './stats';

/**
 * #12 item 4: the import of the bench's CSV of `count` dossiers into a fresh database with Hà Nội's units, then of the
 * same file again (every dossier replaced), against DuckDB loading the same file alone (`CREATE TABLE AS SELECT *
 * FROM read_csv`, a fresh file). `npm run bench` runs one round; `npm run bench -- import [COUNT]` BENCH_REPEAT
 * rounds (3), since one import's time varies by ±15 % on this machine.
 */
export interface ImportRound {
  /** The CSV's size in MB. */
  mb: number;
  /** Seconds: the import into an empty table, the same file again, DuckDB's own load. */
  fresh: number;
  again: number;
  duck: number;
}

const units = hanoiUnits();
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const remove = (path: string) => {
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
};

async function importOnce(store: DuckDbStore, csv: string): Promise<number> {
  const t0 = performance.now();
  const report = await importFile(store, { kind: 'dossiers', source: { path: csv }, fileName: 'bench.csv', actor: null });
  if (!report.ok) throw new Error(`bench import refused: ${report.issues[0]?.reason}`);
  return seconds(t0);
}

export async function importRound(count: number): Promise<ImportRound> {
  const csv = `${OUT}dossiers-${count}.csv`;
  if (!existsSync(csv)) await writeCsv(csv, units, count);
  const path = `${OUT}import-${count}.duckdb`;
  remove(path);
  const store = await DuckDbStore.open(path);
  await store.replaceUnits(units, { kind: 'units', fileName: 'bench', rows: units.length, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
  const fresh = await importOnce(store, csv);
  const again = await importOnce(store, csv);
  await store.close();
  remove(path);
  const raw = `${OUT}raw-${count}.duckdb`;
  remove(raw);
  const db = await DuckDBInstance.create(raw);
  const c = await db.connect();
  const t0 = performance.now();
  await c.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${csv}', header = true)`);
  const duck = seconds(t0);
  c.closeSync();
  db.closeSync();
  remove(raw);
  return { mb: statSync(csv).size / 1e6, fresh, again, duck };
}

/** `npm run bench -- import [COUNT]`: BENCH_REPEAT rounds as a table, and the ratios' spread. */
export async function importBench(count: number, rounds: number): Promise<void> {
  console.log(`Import of ${count.toLocaleString('en')} dossiers, ${rounds} rounds`);
  console.log('');
  console.log('| round | chiso, new | chiso, all replaced | DuckDB alone | ratio new / replaced |');
  console.log('|---|---|---|---|---|');
  const ratios: { fresh: number; again: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const { fresh, again, duck } = await importRound(count);
    ratios.push({ fresh: fresh / duck, again: again / duck });
    console.log(`| ${round} | ${fresh.toFixed(2)} s | ${again.toFixed(2)} s | ${duck.toFixed(2)} s | ${(fresh / duck).toFixed(2)}× / ${(again / duck).toFixed(2)}× |`);
  }
  // One import's time varies by ±20 % here: the median says where a round usually lands, the span how far it strays.
  const span = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}× (median ${median(xs).toFixed(2)}×)`;
  console.log('');
  console.log(`ratio to DuckDB alone: new ${span(ratios.map((r) => r.fresh))}, all replaced ${span(ratios.map((r) => r.again))} (target ≤ 2×)`);
}
