import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { CountsCache } from '../server/analytics/counts-cache';
import type { AnalyticsDeps } from '../server/analytics/deps';
import { overview } from '../server/analytics/overview';
import { ranking } from '../server/analytics/ranking';
import { unitDetail } from '../server/analytics/unit-detail';
import { DuckDbStore } from '../server/store/duckdb/duckdb-store';
import { rebuildAll } from '../server/store/rollup-sql';
import { DUCKDB } from '../server/store/duckdb/sql';
import { hanoiUnits } from '../server/seed/demo-units';
import { benchDossiers } from './generate';
import { loadDirect, OUT } from './server-process';

/**
 * Cold answers (an empty counts cache, as after any data change) with the per-day rollups and without them (every
 * window counted from dossiers, as before decision 022), in process on the same file: `npm run bench -- rollups`.
 * Sizes from BENCH_SIZES; the demo data set when BENCH_DEMO names a seeded demo database (it is copied first).
 * The generated databases are bench/out's (those `npm run bench` serves), or separate ones in BENCH_DIR.
 */
const DIR = process.env.BENCH_DIR ?? OUT;
const database = (count: number) => (process.env.BENCH_DIR ? loadDirect(count, `${DIR}rollups-${count}.duckdb`) : loadDirect(count));

const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x: number) => x.toFixed(0);
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await work();
  return ms(t0);
}

/** min–max over the repeats, each with a new (empty) counts cache. */
async function cold(store: DuckDbStore, work: (deps: AnalyticsDeps) => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) times.push(await timed(() => work({ store, cache: new CountsCache(), minVolume: 30, now: Date.now })));
  times.sort((a, b) => a - b);
  return `${fmt(times[0] as number)}–${fmt(times[times.length - 1] as number)} ms`;
}

async function measure(label: string, path: string, week: string, quarter: string, replacing: boolean): Promise<void> {
  let t0 = process.hrtime.bigint();
  const store = await DuckDbStore.open(path);
  const opened = ms(t0);
  try {
    const rebuild = await timed(() => store.transaction(async (c) => {
      for (const sql of rebuildAll(DUCKDB)) await c.run(sql);
    }));
    const [size] = await store.rows('SELECT count(*) AS n FROM dossiers');
    say(`| ${label}: dossiers stored | ${Number(size?.n).toLocaleString('en')} | |`);
    say(`| ${label}: open (with the backfill when the database predates the rollups) / rebuild of the rollups | ${fmt(opened)} ms / ${fmt(rebuild)} ms | |`);
    for (const period of [quarter, week]) {
      const row: Record<string, string[]> = { ranking: [], overview: [], detail: [] };
      for (const useRollups of [false, true]) {
        store.useRollups = useRollups;
        row.ranking?.push(await cold(store, (deps) => ranking(deps, { period, group: 'commune' })));
        row.overview?.push(await cold(store, (deps) => overview(deps, { period })));
        row.detail?.push(await cold(store, (deps) => unitDetail(deps, { unitCode: '00070', period })));
      }
      say(`| ${label}: kpi.ranking ${period} commune, cold | ${row.ranking?.join(' | ')} |`);
      say(`| ${label}: kpi.overview ${period}, cold | ${row.overview?.join(' | ')} |`);
      say(`| ${label}: units.detail 00070 ${period}, cold | ${row.detail?.join(' | ')} |`);
    }
    if (!replacing) return;
    // A replacing import: 10,000 dossiers already stored (bench/load.ts's seed), imported again with a later completion.
    const again = [...benchDossiers(hanoiUnits(), 10_000, 2)].map((d) => ({ ...d, completedAt: d.completedAt === null ? null : d.completedAt + 86_400_000 }));
    t0 = process.hrtime.bigint();
    const writer = await store.openDossierWriter();
    again.forEach((d) => writer.append(d));
    await writer.commit({ kind: 'dossiers', fileName: 'bench again', rows: again.length, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
    say(`| ${label}: import of 10,000 dossiers that replace stored ones (rollups of their days recomputed) | ${fmt(ms(t0))} ms | |`);
    say(`| ${label}: rollups against a rebuild after it (rows differing) | ${await store.rollupDrift()} | |`);
    // And back as they were, so that the database holds what bench/load.ts made.
    const back = await store.openDossierWriter();
    for (const d of benchDossiers(hanoiUnits(), 10_000, 2)) back.append(d);
    await back.commit({ kind: 'dossiers', fileName: 'bench back', rows: 10_000, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
  } finally {
    await store.close();
  }
}

mkdirSync(DIR, { recursive: true });
say('| what | without rollups (every window from dossiers) | with rollups |');
say('|---|---|---|');
const demo = process.env.BENCH_DEMO;
if (demo && existsSync(demo)) {
  const copy = `${DIR}rollups-demo.duckdb`;
  for (const f of [copy, `${copy}.wal`]) rmSync(f, { force: true });
  copyFileSync(demo, copy);
  await measure('demo', copy, process.env.BENCH_DEMO_WEEK ?? '2026-W47', process.env.BENCH_DEMO_QUARTER ?? '2026-Q3', false);
}
for (const size of (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').filter(Boolean).map(Number)) {
  await measure(`${size.toLocaleString('en')} dossiers`, await database(size), '2026-W20', '2026-Q2', true);
}
export const rollupResults = lines;
