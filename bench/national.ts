import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hanoiUnits } from '../server/seed/demo-units';
import { benchDossiers, CSV_HEADER, csvLine } from './generate';
import { memoryOf, OUT, signIn, startServer, stopServer, timeGets } from './server-process';
import { median } from './stats';

/**
 * `npm run bench -- national [COUNT]`: the whole country — the official 3,321 communes and COUNT (default
 * 30,000,000) synthetic dossiers over Jan 2025 – Oct 2026, made by bench/province.ts into bench/out — served by the
 * API in a process of its own. Each round starts a new server (every answer cold: no counts cache, no answer cache)
 * and asks for kpi.ranking of a quarter and a week, kpi.overview and one commune's page; then the same again warm;
 * then, after an upload of 100 dossiers (the data changed: every cache empty, the process warm), once more — the
 * cold answer a running server gives. Then a server that has finished the warm-up `npm start` runs at start (last
 * week's overview): each question's first answer there, nothing of it cached. Reports the times and the server's
 * resident memory (now and peak).
 */
const COUNT = Number(process.argv[3] ?? process.env.BENCH_COUNT ?? 30_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const PASSWORD = 'bench-password-1';
const path = `${OUT}national-${COUNT}.duckdb`;
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

async function build(): Promise<number | null> {
  if (existsSync(path) && existsSync(`${path}.count`) && readFileSync(`${path}.count`, 'utf8') === String(COUNT)) return null;
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./province.ts', import.meta.url).pathname, path], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_COUNT: String(COUNT), BENCH_PASSWORD: PASSWORD },
  });
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`building the national data set failed (${code})`);
  writeFileSync(`${path}.count`, String(COUNT));
  return Date.now() - started;
}

/** One GET of a tRPC query, timed. */
async function timedGet(base: string, cookie: string, procedure: string, input: unknown): Promise<number> {
  const [ms] = await timeGets(`${base}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, cookie, 1);
  return ms as number;
}

const built = await build();
const dbMb = statSync(path).size / 1e6;
const asks: [string, string, unknown][] = [
  ['kpi.ranking 2026-Q2 commune', 'kpi.ranking', { period: '2026-Q2', group: 'commune' }],
  ['kpi.ranking 2026-W20 commune', 'kpi.ranking', { period: '2026-W20', group: 'commune' }],
  ['kpi.ranking 2025 commune (a year)', 'kpi.ranking', { period: '2025', group: 'commune' }],
  ['kpi.overview 2026-Q2', 'kpi.overview', { period: '2026-Q2' }],
  ['units.detail 2026-Q2 (one commune)', 'units.detail', { period: '2026-Q2', unitCode: '00070' }],
];
const cold = new Map<string, number[]>();
const afterChange = new Map<string, number[]>();
/** 100 dossiers of Hoàn Kiếm (00070, also a commune of the national list), new ids each round. */
const changeCsv = (round: number) => `${CSV_HEADER}\n${[...benchDossiers(hanoiUnits().filter((u) => u.code === '00070'), 100, 7000 + round)].map(csvLine).join('\n')}\n`;
const warm = new Map<string, number[]>();
const afterWarmUp = new Map<string, number[]>();
let peakMb = 0;
let lastRss = 0;
for (let round = 0; round < ROUNDS; round++) {
  const server = await startServer(path, PORT);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signIn(base, 'bench');
    for (const [label, procedure, input] of asks) cold.set(label, [...(cold.get(label) ?? []), await timedGet(base, cookie, procedure, input)]);
    for (const [label, procedure, input] of asks) {
      for (let i = 0; i < 5; i++) warm.set(label, [...(warm.get(label) ?? []), await timedGet(base, cookie, procedure, input)]);
    }
    const officer = await signIn(base, 'bench-officer');
    const upload = await fetch(`${base}/api/imports?kind=dossiers`, { method: 'POST', body: changeCsv(round), headers: { cookie: officer, 'x-file-name': 'change.csv' } });
    await upload.arrayBuffer();
    if (upload.status !== 200) throw new Error(`the upload answered ${upload.status}`);
    for (const [label, procedure, input] of asks) afterChange.set(label, [...(afterChange.get(label) ?? []), await timedGet(base, cookie, procedure, input)]);
    const mem = memoryOf(server.pid as number);
    peakMb = Math.max(peakMb, mem.peakMb);
    lastRss = mem.rssMb;
  } finally {
    await stopServer(server);
  }
  // A server started as `npm start` starts (its warm-up of last week's overview done): each question's first answer.
  const warmed = await startServer(path, PORT, { BENCH_WARM: 'wait' });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signIn(base, 'bench');
    for (const [label, procedure, input] of asks) afterWarmUp.set(label, [...(afterWarmUp.get(label) ?? []), await timedGet(base, cookie, procedure, input)]);
  } finally {
    await stopServer(warmed);
  }
}
const range = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${(s[0] as number).toFixed(0)}–${(s[s.length - 1] as number).toFixed(0)} ms`;
};
say(`National: 3,321 communes, ${COUNT.toLocaleString('en')} dossiers, database ${dbMb.toFixed(0)} MB${built === null ? '' : `, built in ${(built / 1000).toFixed(0)} s`}; ${ROUNDS} new servers`);
say('');
say('| request | cold (first after start), min–max | first after the start-up warm-up, min–max | warm median | after an upload (running server), min–max |');
say('|---|---|---|---|---|');
for (const [label] of asks) say(`| ${label} | ${range(cold.get(label) ?? [])} | ${range(afterWarmUp.get(label) ?? [])} | ${median(warm.get(label) ?? []).toFixed(1)} ms | ${range(afterChange.get(label) ?? [])} |`);
say('');
say(`Server resident memory after the requests: ${lastRss.toFixed(0)} MB; peak (VmHWM) over all rounds: ${peakMb.toFixed(0)} MB.`);
writeFileSync(`${OUT}national-${COUNT}.md`, `${lines.join('\n')}\n`);
