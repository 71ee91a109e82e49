// `npm run bench -- engines [COUNT]` (default 1,000,000; 10,000000 when there is time): both engines side by side on
// the same generated dossiers — import time, kpi.ranking and units.detail cold (first request after start) and warm
// (p50/p95), the API process's peak memory — next to each engine running the same aggregate directly, as a BI tool
// pointed at the database would. PostgreSQL is a throwaway cluster (or BENCH_PG_URL, a role that may create
// databases). Writes bench/out/engines-COUNT.md.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { mustParsePeriod } from '../shared/kpi/periods';
import { importFile } from '../server/import/run-import';
import { openStore } from '../server/open-store';
import { hanoiUnits } from '../server/seed/demo-units';
import { countColumns, windowedDossiers, windowsCte, type MeasureDialect } from '../server/store/measure-sql';
import { DUCKDB } from '../server/store/duckdb/sql';
import { PG } from '../server/store/postgres/sql';
import { startThrowawayCluster } from '../server/store/postgres/throwaway-cluster';
import type { Window } from '../server/store/port';
import { writeCsv } from './generate';
import { memoryOf, OUT, signIn, startServer, stopServer, timeGets } from './server-process';
import { pct } from './stats';

const COUNT = Number(process.argv[3] ?? process.env.BENCH_ENGINES_COUNT ?? 1_000_000);
const REQUESTS = 40;
const DIRECT_RUNS = 20;
const units = hanoiUnits();
const QUARTER = mustParsePeriod('2026-Q2');
const WINDOW: Window = { start: QUARTER.start, cutOff: QUARTER.end };

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const f1 = (x: number) => x.toFixed(1);
const spread = (xs: readonly number[]) => `${f1(pct(xs, 50))} / ${f1(pct(xs, 95))} ms`;

interface EngineFigures {
  importS: number;
  rankingCold: number;
  detailCold: number;
  ranking: number[];
  detail: number[];
  peakMb: number;
  directFirst: number;
  direct: number[];
  detailDirect: number[];
}

/** The per-unit counts of a quarter, and one unit's per-procedure counts, straight from the dossiers table. */
function directSql(d: MeasureDialect): { ranking: string; detail: string } {
  return {
    ranking: `WITH ${windowsCte(d, [WINDOW])} SELECT d.unit_code, ${countColumns(d)} FROM ${windowedDossiers(d, [WINDOW])} GROUP BY d.unit_code`,
    detail: `WITH ${windowsCte(d, [WINDOW])} SELECT d.procedure_code, ${countColumns(d)} FROM ${windowedDossiers(d, [WINDOW], "unit_code = '00070'")} GROUP BY d.procedure_code`,
  };
}

async function timed(run: () => Promise<unknown>, times: number): Promise<{ first: number; rest: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < times + 1; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    all.push(ms(t0));
  }
  return { first: all[0] as number, rest: all.slice(1) };
}

type DirectFigures = Pick<EngineFigures, 'directFirst' | 'direct' | 'detailDirect'>;

/** The ranking's and a unit's aggregate run straight on a database, through `run`, as a BI tool would. */
async function directFigures(dialect: MeasureDialect, run: (sql: string) => Promise<unknown>): Promise<DirectFigures> {
  const sql = directSql(dialect);
  const ranking = await timed(() => run(sql.ranking), DIRECT_RUNS);
  const detail = await timed(() => run(sql.detail), DIRECT_RUNS);
  return { directFirst: ranking.first, direct: ranking.rest, detailDirect: detail.rest };
}

async function directDuckDb(path: string): Promise<DirectFigures> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', threads: '2' });
  const c = await instance.connect();
  try {
    return await directFigures(DUCKDB, (sql) => c.runAndReadAll(sql));
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

async function directPostgres(url: string): Promise<DirectFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await directFigures(PG, (sql) => client.query(sql));
  } finally {
    await client.end();
  }
}

/** Imports the CSV into a fresh database of the engine, then serves it from a process of its own and times the API. */
async function measure(db: string, csv: string, direct: () => Promise<Pick<EngineFigures, 'directFirst' | 'direct' | 'detailDirect'>>): Promise<EngineFigures> {
  const store = await openStore({ CHISO_DB: db, CHISO_DB_MEMORY: '512MB', CHISO_DB_POOL: 4 });
  let importS: number;
  try {
    await store.replaceUnits(units, { kind: 'units', fileName: 'bench', rows: units.length, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
    const t0 = process.hrtime.bigint();
    const report = await importFile(store, { kind: 'dossiers', source: { path: csv }, fileName: 'bench.csv', actor: null, limits: { maxRows: Math.max(2 * COUNT, 5_000_000) } });
    importS = ms(t0) / 1000;
    if (!report.ok) throw new Error(`the benchmark import was refused: ${report.issues[0]?.reason}`);
  } finally {
    await store.close();
  }
  const port = 41000 + Math.floor(Math.random() * 1000);
  const server = await startServer(db, port, { CHISO_DB_POOL: '4' });
  let served: Omit<EngineFigures, 'importS' | 'directFirst' | 'direct' | 'detailDirect'>;
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, 'bench');
    const enc = (x: unknown) => encodeURIComponent(JSON.stringify(x));
    const rankingUrl = `${base}/trpc/kpi.ranking?input=${enc({ period: QUARTER.id, group: 'commune' })}`;
    const detailUrl = `${base}/trpc/units.detail?input=${enc({ unitCode: '00070', period: QUARTER.id })}`;
    const [rankingCold] = await timeGets(rankingUrl, cookie, 1);
    const [detailCold] = await timeGets(`${base}/trpc/units.detail?input=${enc({ unitCode: '00082', period: '2026-Q1' })}`, cookie, 1);
    await timeGets(rankingUrl, cookie, 5);
    await timeGets(detailUrl, cookie, 5);
    served = {
      rankingCold: rankingCold as number,
      detailCold: detailCold as number,
      ranking: await timeGets(rankingUrl, cookie, REQUESTS),
      detail: await timeGets(detailUrl, cookie, REQUESTS),
      peakMb: memoryOf(server.pid as number).peakMb,
    };
  } finally {
    await stopServer(server);
  }
  // DuckDB locks its file per process: the direct runs come after the server has let go of it.
  return { importS, ...served, ...(await direct()) };
}

/** Wall time of a whole process, in ms. */
function processMs(args: string[], env: Record<string, string>): number {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}`);
  return ms(t0);
}

/**
 * `chiso ranking --period 2025-Q3 --group commune --json` as a whole process (the compiled command line), against a
 * bare Node process that opens the same file and runs one aggregate (bench/bare-aggregate.mjs); runs alternate so
 * that both meet the same load. Issue #12 asks for no more than twice the bare process.
 */
function commandLine(db: string): { chiso: number[]; bare: number[] } {
  const root = new URL('..', import.meta.url).pathname;
  processMs([`${root}scripts/build-server.mjs`], {});
  const chiso: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 7; i++) {
    bare.push(processMs([`${root}bench/bare-aggregate.mjs`, db, '2025-07-01', '2025-10-01'], {}));
    chiso.push(processMs([`${root}scripts/chiso.mjs`, 'cli', 'ranking', '--period', '2025-Q3', '--group', 'commune', '--json'], { CHISO_DB: db }));
  }
  return { chiso, bare };
}

async function postgresServer(): Promise<{ url: string; stop(): void }> {
  if (process.env.BENCH_PG_URL) return { url: process.env.BENCH_PG_URL, stop: () => undefined };
  const cluster = await startThrowawayCluster();
  process.once('exit', cluster.stop);
  return cluster;
}

async function freshPostgresDatabase(server: string): Promise<string> {
  const name = `chiso_bench_${COUNT}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

const n = COUNT.toLocaleString('en');
const csv = `${OUT}dossiers-${COUNT}.csv`;
if (!existsSync(csv)) {
  console.log(`writing ${n} dossiers to ${csv}`);
  await writeCsv(csv, units, COUNT);
}
const mb = statSync(csv).size / 1e6;

const duckPath = `${OUT}engines-${COUNT}.duckdb`;
for (const file of [duckPath, `${duckPath}.wal`]) rmSync(file, { force: true });
console.log(`DuckDB: importing and serving ${n} dossiers`);
const duck = await measure(duckPath, csv, () => directDuckDb(duckPath));
// A failing command line (e.g. a build caught mid-edit) must not lose the engines' figures measured so far.
let cli: { chiso: number[]; bare: number[] } | string;
try {
  cli = commandLine(duckPath);
} catch (error) {
  cli = error instanceof Error ? error.message : String(error);
}

const server = await postgresServer();
let post: EngineFigures;
try {
  const url = await freshPostgresDatabase(server.url);
  console.log(`PostgreSQL: importing and serving ${n} dossiers`);
  post = await measure(url, csv, () => directPostgres(url));
} finally {
  server.stop();
}

const lines = [
  `Both engines, ${n} dossiers (${f1(mb)} MB CSV), 2026-Q2, 143 units; the same chiso code and data on each.`,
  '',
  '| what | DuckDB | PostgreSQL |',
  '|---|---|---|',
  `| import (CLI path: parse, validate, write, rollups) | ${f1(duck.importS)} s (${Math.round(COUNT / duck.importS).toLocaleString('en')} rows/s) | ${f1(post.importS)} s (${Math.round(COUNT / post.importS).toLocaleString('en')} rows/s) |`,
  `| kpi.ranking, first request after start (cold) | ${f1(duck.rankingCold)} ms | ${f1(post.rankingCold)} ms |`,
  `| kpi.ranking warm, p50 / p95 (${REQUESTS} requests) | ${spread(duck.ranking)} | ${spread(post.ranking)} |`,
  `| units.detail, first request after start (cold) | ${f1(duck.detailCold)} ms | ${f1(post.detailCold)} ms |`,
  `| units.detail warm, p50 / p95 | ${spread(duck.detail)} | ${spread(post.detail)} |`,
  `| API process peak memory (VmHWM) | ${f1(duck.peakMb)} MB | ${f1(post.peakMb)} MB (PostgreSQL's own processes not counted) |`,
  `| the ranking's aggregate straight on the database (BI tool), first run | ${f1(duck.directFirst)} ms | ${f1(post.directFirst)} ms |`,
  `| the same, p50 / p95 of ${DIRECT_RUNS} | ${spread(duck.direct)} | ${spread(post.direct)} |`,
  `| one unit's per-procedure counts straight on the database, p50 / p95 | ${spread(duck.detailDirect)} | ${spread(post.detailDirect)} |`,
  '',
  typeof cli === 'string'
    ? `The command line as a whole process: not measured (${cli}).`
    : `The command line as a whole process, DuckDB file, no server running (median of 7, alternating): \`chiso ranking --period 2025-Q3 --group commune --json\` ${f1(pct(cli.chiso, 50))} ms; a bare Node process opening the file and running one aggregate ${f1(pct(cli.bare, 50))} ms; ratio ${(pct(cli.chiso, 50) / pct(cli.bare, 50)).toFixed(2)}×.`,
];
const out = `${OUT}engines-${COUNT}.md`;
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`\n${lines.join('\n')}\n\nwritten to ${out}`);
