import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { hanoiUnits } from '../server/seed/demo-units';
import { benchDossiers, CSV_HEADER, csvLine } from './generate';
import { BENCH_PASSWORD, loadDirect, memoryOf, OUT, signIn, startServer, stopServer } from './server-process';
import { pct } from './stats';

/**
 * `npm run bench -- soak`: SOAK_SECONDS (default 600) of mixed traffic over loopback from SOAK_CONNECTIONS (default 8)
 * closed-loop clients against the API on 1,000,000 dossiers: rankings, unit pages, the overview, flag lists and
 * sign-ins, with a 20,000-row upload every minute. Reports latency percentiles, errors and RSS every 10 s.
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 8);
const UPLOAD_EVERY_MS = 60_000;
/** Reads that start this soon after an upload meet caches the upload emptied: reported apart from warm reads. */
const AFTER_UPLOAD_MS = 10_000;
const WARM_UP_MS = 30_000;

const units = hanoiUnits();
const PERIODS = ['2026-Q2', '2026-W20', '2026-05', '2025-Q4'];
const enc = (x: unknown) => encodeURIComponent(JSON.stringify(x));
const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

interface Sample {
  kind: string;
  at: number;
  ms: number;
  ok: boolean;
}

type Kind = 'kpi.ranking' | 'units.detail' | 'kpi.overview' | 'flags.list' | 'auth.login';
/** The mix, by weight: what a dashboard in use asks for. */
const MIX: [Kind, number][] = [['kpi.ranking', 35], ['units.detail', 35], ['kpi.overview', 15], ['flags.list', 14], ['auth.login', 1]];
const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);

function pickKind(): Kind {
  let r = Math.random() * totalWeight;
  for (const [kind, w] of MIX) if ((r -= w) < 0) return kind;
  return 'kpi.ranking';
}

function requestOf(kind: Kind, base: string, cookie: string): [string, RequestInit] {
  const period = pickOf(PERIODS);
  const group = pickOf(['commune', 'department']);
  const get = (input: unknown): [string, RequestInit] => [`${base}/trpc/${kind}?input=${enc(input)}`, { headers: { cookie } }];
  switch (kind) {
    case 'kpi.ranking':
      return get({ period, group });
    case 'units.detail':
      return get({ unitCode: pickOf(units).code, period });
    case 'kpi.overview':
      return get({ period });
    case 'flags.list':
      return get({ period, group });
    case 'auth.login':
      return [`${base}/trpc/auth.login`, { method: 'POST', body: JSON.stringify({ username: 'bench', password: BENCH_PASSWORD }), headers: { 'content-type': 'application/json' } }];
  }
}

const results: string[] = [];
const say = (line: string) => {
  console.log(line);
  results.push(line);
};

const database = `${OUT}soak.duckdb`;
for (const f of [database, `${database}.wal`]) rmSync(f, { force: true });
copyFileSync(await loadDirect(1_000_000), database);
const uploadCsv = `${CSV_HEADER}\n${[...benchDossiers(units, 20_000, 99)].map(csvLine).join('\n')}\n`;
const port = 39000 + Math.floor(Math.random() * 1000);
const server = await startServer(database, port);
const pid = server.pid as number;
const base = `http://127.0.0.1:${port}`;
const samples: Sample[] = [];
const uploads: { at: number; done: number; status: number }[] = [];
const memory: { second: number; rssMb: number }[] = [];
let errors = 0;
const errorKinds = new Map<string, number>();
const start = Date.now();
const deadline = start + SECONDS * 1000;
try {
  const leader = await signIn(base, 'bench');
  const officer = await signIn(base, 'bench-officer');
  const record = (kind: string, at: number, ok: boolean, detail: string) => {
    samples.push({ kind, at, ms: Date.now() - at, ok });
    if (!ok) {
      errors += 1;
      errorKinds.set(`${kind} ${detail}`, (errorKinds.get(`${kind} ${detail}`) ?? 0) + 1);
    }
  };
  const client = async () => {
    while (Date.now() < deadline) {
      const kind = pickKind();
      const [url, init] = requestOf(kind, base, leader);
      const at = Date.now();
      try {
        const res = await fetch(url, init);
        await res.arrayBuffer();
        record(kind, at, res.status === 200, String(res.status));
      } catch (error) {
        record(kind, at, false, error instanceof Error ? error.message : String(error));
      }
    }
  };
  const uploader = async () => {
    for (let next = start + UPLOAD_EVERY_MS / 2; next < deadline; next += UPLOAD_EVERY_MS) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      if (Date.now() >= deadline) break;
      const at = Date.now();
      const res = await fetch(`${base}/api/imports?kind=dossiers`, { method: 'POST', body: uploadCsv, headers: { cookie: officer, 'x-file-name': 'soak.csv' } });
      await res.arrayBuffer();
      uploads.push({ at: at - start, done: Date.now() - start, status: res.status });
      if (res.status !== 200) record('upload', at, false, String(res.status));
    }
  };
  const sampler = setInterval(() => memory.push({ second: Math.round((Date.now() - start) / 1000), rssMb: memoryOf(pid).rssMb }), 10_000);
  memory.push({ second: 0, rssMb: memoryOf(pid).rssMb });
  await Promise.all([uploader(), ...Array.from({ length: CONNECTIONS }, client)]);
  clearInterval(sampler);
  memory.push({ second: Math.round((Date.now() - start) / 1000), rssMb: memoryOf(pid).rssMb });
} finally {
  const peak = memoryOf(pid).peakMb;
  await stopServer(server);
  const afterUpload = (s: Sample) => uploads.some((u) => s.at - start >= u.at && s.at - start < u.done + AFTER_UPLOAD_MS);
  const warm = samples.filter((s) => s.ok && s.at - start >= WARM_UP_MS && !afterUpload(s));
  const seconds = (Date.now() - start) / 1000;
  say(`Soak: ${SECONDS} s, ${CONNECTIONS} clients over loopback, 1,000,000 dossiers; ${samples.length.toLocaleString('en')} requests (${(samples.length / seconds).toFixed(0)}/s), ${uploads.length} uploads of 20,000 rows (${uploads.map((u) => u.status).join(', ')}), errors: ${errors}${errors ? ` (${[...errorKinds].map(([k, n]) => `${k}: ${n}`).join('; ')})` : ''}`);
  say('');
  say('| request | share | warm p50 / p95 / p99 | all p50 / p95 / p99 (incl. first 30 s and 10 s after each upload) |');
  say('|---|---|---|---|');
  for (const [kind] of MIX) {
    const all = samples.filter((s) => s.ok && s.kind === kind).map((s) => s.ms);
    const hot = warm.filter((s) => s.kind === kind).map((s) => s.ms);
    const f = (xs: number[]) => `${pct(xs, 50).toFixed(0)} / ${pct(xs, 95).toFixed(0)} / ${pct(xs, 99).toFixed(0)} ms`;
    say(`| ${kind} | ${((100 * all.length) / Math.max(1, samples.length)).toFixed(0)} % | ${f(hot)} | ${f(all)} |`);
  }
  say('');
  say(`Server RSS every 10 s (MB): ${memory.map((m) => m.rssMb.toFixed(0)).join(' ')}; peak (VmHWM) ${peak.toFixed(0)} MB`);
  writeFileSync(`${OUT}soak.md`, `${results.join('\n')}\n`);
  console.log('\nwritten to bench/out/soak.md');
}
