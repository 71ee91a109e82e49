import { mkdirSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { mustParsePeriod, periodContaining } from '../shared/kpi/periods';
import { CountsCache } from '../server/analytics/counts-cache';
import { reportData } from '../server/reports/report-data';
import { render } from '../server/reports/reports-service';
import { seedDemo } from '../server/seed/seed-demo';
import { DuckDbStore } from '../server/store/duckdb/duckdb-store';
import { COUNT_COLUMNS, windowsCte } from '../server/store/duckdb/sql';
import { importRound, importBench } from './import';
import { loadDirect, memoryOf, OUT, signIn, startServer, stopServer, timeGets } from './server-process';
import { pct } from './stats';

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const REQUESTS = 60;
let cookie = '';
const results: string[] = [];
const say = (line: string) => {
  console.log(line);
  results.push(line);
};

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x: number) => x.toFixed(1);

/** One round of bench/import.ts: the new import's line of the table (the replaced one is in `npm run bench -- import`). */
async function benchImport(count: number): Promise<void> {
  const { mb, fresh, duck } = await importRound(count);
  say(`| import ${count.toLocaleString('en')} dossiers (${fmt(mb)} MB CSV) | ${fmt(fresh)} s (${Math.round(count / fresh).toLocaleString('en')} rows/s) | ${fmt(duck)} s | ${(fresh / duck).toFixed(1)}× |`);
}

async function timeOnce(url: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return ms(t0);
}

async function timeDirect(db: string, sql: string): Promise<number[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY', threads: '2' });
  const c = await instance.connect();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 5; i++) {
    const t0 = process.hrtime.bigint();
    await c.runAndReadAll(sql);
    if (i >= 5) times.push(ms(t0));
  }
  c.closeSync();
  instance.closeSync();
  return times;
}

async function benchServe(count: number): Promise<void> {
  const db = await loadDirect(count);
  const q = mustParsePeriod('2026-Q2');
  const port = 39000 + Math.floor(Math.random() * 1000);
  const server = await startServer(db, port);
  let ranking: number[];
  let detail: number[];
  let rss: number;
  let coldRanking: number;
  let coldDetail: number;
  try {
    const base = `http://127.0.0.1:${port}/trpc`;
    cookie = await signIn(`http://127.0.0.1:${port}`, 'bench');
    const enc = (x: unknown) => encodeURIComponent(JSON.stringify(x));
    const rankingUrl = `${base}/kpi.ranking?input=${enc({ period: '2026-Q2', group: 'commune' })}`;
    const detailUrl = `${base}/units.detail?input=${enc({ unitCode: '00070', period: '2026-Q2' })}`;
    coldRanking = await timeOnce(rankingUrl);
    coldDetail = await timeOnce(`${base}/units.detail?input=${enc({ unitCode: '00082', period: '2026-Q1' })}`);
    ranking = await timeGets(rankingUrl, cookie, REQUESTS, 5);
    detail = await timeGets(detailUrl, cookie, REQUESTS, 5);
    rss = memoryOf(server.pid as number).peakMb;
  } finally {
    await stopServer(server);
  }
  // DuckDB locks a file per process: the direct runs come after the server has let go of it.
  const window = windowsCte([{ start: q.start, cutOff: q.end }]);
  const direct = await timeDirect(db, `WITH ${window} SELECT d.unit_code, ${COUNT_COLUMNS} FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e WHERE d.counted GROUP BY d.unit_code`);
  const detailDirect = await timeDirect(db, `WITH ${window} SELECT d.procedure_code, ${COUNT_COLUMNS} FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e WHERE d.counted AND d.unit_code = '00070' GROUP BY d.procedure_code`);
  const n = count.toLocaleString('en');
  say(`| kpi.ranking 2026-Q2, commune, ${n} dossiers (p50 / p95) | ${fmt(pct(ranking, 50))} / ${fmt(pct(ranking, 95))} ms | ${fmt(pct(direct, 50))} / ${fmt(pct(direct, 95))} ms | |`);
  say(`| units.detail 00070 2026-Q2, ${n} dossiers (p50 / p95) | ${fmt(pct(detail, 50))} / ${fmt(pct(detail, 95))} ms | ${fmt(pct(detailDirect, 50))} / ${fmt(pct(detailDirect, 95))} ms | |`);
  say(`| first request after start (empty cache): kpi.ranking 2026-Q2 / units.detail 2026-Q1, ${n} dossiers | ${fmt(coldRanking)} / ${fmt(coldDetail)} ms | | |`);
  say(`| server peak memory (VmHWM), ${n} dossiers | ${fmt(rss)} MB | | |`);
}

/** The weekly pack for Hà Nội's demo week: 126 communes and 17 departments. */
async function benchReports(): Promise<void> {
  const store = await DuckDbStore.open(':memory:');
  await seedDemo(store, Date.now());
  const deps = { store, cache: new CountsCache(), minVolume: 30, now: Date.now };
  const week = periodContaining('week', Date.now() - 7 * 86_400_000).id;
  const data = await reportData(deps, week, Date.now());
  const times = async (format: 'pdf' | 'xlsx') => {
    const out: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = process.hrtime.bigint();
      await render(await reportData(deps, week, Date.now()), format, 'vi', new Date().toISOString(), true);
      if (i > 0) out.push(ms(t0));
    }
    return out;
  };
  const pdf = await times('pdf');
  const xlsx = await times('xlsx');
  say(`| weekly report ${week}, ${data.rankings[0]?.rows.length} communes + ${data.rankings[1]?.rows.length} departments: PDF / XLSX (p50, figures cached) | ${fmt(pct(pdf, 50))} / ${fmt(pct(xlsx, 50))} ms | | |`);
  await store.close();
}

mkdirSync(OUT, { recursive: true });
const mode = process.argv[2];
if (mode === 'soak') await import('./soak');
else if (mode === 'uploads') await import('./uploads');
else if (mode === 'throughput') await import('./throughput');
else if (mode === 'pages') await import('./pages');
else if (mode === 'engines') await import('./engines');
else if (mode === 'rollups') await import('./rollups');
else if (mode === 'national') await import('./national');
else if (mode === 'import') await importBench(Number(process.argv[3] ?? 1_000_000), Number(process.env.BENCH_REPEAT ?? 3));
else if (mode !== undefined) throw new Error(`unknown benchmark "${mode}": run npm run bench, npm run bench -- uploads, npm run bench -- throughput, npm run bench -- pages, npm run bench -- engines [COUNT], npm run bench -- rollups, npm run bench -- national [COUNT], npm run bench -- import [COUNT], or npm run bench -- soak`);
else {
  say('| what | chiso | DuckDB alone | ratio |');
  say('|---|---|---|---|');
  await benchImport(SIZES[0] as number);
  for (const size of SIZES) await benchServe(size);
  await benchReports();
  say('');
  say('Cold answers with and without the per-day rollups (#12, decision 022):');
  say('');
  results.push(...(await import('./rollups')).rollupResults);
  writeFileSync(`${OUT}results.md`, `${results.join('\n')}\n`);
  console.log(`\nwritten to bench/out/results.md (copy into BENCHMARKS.md with the machine and date)`);
  // Both engines side by side at the first size (`npm run bench -- engines 10000000` for 10M alone).
  await import('./engines');
}
