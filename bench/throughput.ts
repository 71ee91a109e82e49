import { Agent, get } from 'node:http';
import { BENCH_PASSWORD, loadDirect, memoryOf, signIn, startServer, stopServer } from './server-process';
import { pct } from './stats';

/**
 * `npm run bench -- throughput`: warm `kpi.ranking` over THROUGHPUT_CONNECTIONS (default 50) keep-alive connections
 * for THROUGHPUT_SECONDS (default 20) against 1,000,000 dossiers, while the report scheduler ticks and a user signs
 * in every 200 ms (each sign-in is a write: it must not empty the caches). Target (#12): ≥ 500 requests a second,
 * p99 ≤ 100 ms. Prints one table row per run and returns them.
 */
const SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.THROUGHPUT_CONNECTIONS ?? 50);
const WARM_UP_MS = 10_000;
const PERIODS = ['2026-Q2', '2026-W20', '2026-05', '2025-Q4'];

export async function benchThroughput(count = 1_000_000): Promise<string[]> {
  const db = await loadDirect(count);
  const port = 39000 + Math.floor(Math.random() * 1000);
  const server = await startServer(db, port, { BENCH_SCHEDULER: '1' });
  const base = `http://127.0.0.1:${port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const rows: string[] = [];
  try {
    const cookie = await signIn(base, 'bench');
    const paths = PERIODS.flatMap((period) => ['commune', 'department'].map((group) => `/trpc/kpi.ranking?input=${encodeURIComponent(JSON.stringify({ period, group }))}`));
    const one = (path: string) =>
      new Promise<{ ms: number; ok: boolean }>((resolve) => {
        const t0 = performance.now();
        get({ host: '127.0.0.1', port, path, agent, headers: { cookie, 'accept-encoding': 'br, gzip' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ ms: performance.now() - t0, ok: res.statusCode === 200 }));
        }).on('error', () => resolve({ ms: performance.now() - t0, ok: false }));
      });
    for (const p of paths) await one(p);
    let signIns = 0;
    let signInFailures = 0;
    let stop = false;
    const signingIn = (async () => {
      while (!stop) {
        await signIn(base, 'bench', BENCH_PASSWORD).then(() => signIns++, () => signInFailures++);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const run = async (ms: number) => {
      const samples: { ms: number; ok: boolean }[] = [];
      const until = Date.now() + ms;
      let i = 0;
      await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < until) samples.push(await one(paths[i++ % paths.length] as string));
      }));
      return samples;
    };
    await run(WARM_UP_MS);
    const t0 = Date.now();
    const samples = await run(SECONDS * 1000);
    const elapsed = (Date.now() - t0) / 1000;
    stop = true;
    await signingIn;
    const ok = samples.filter((s) => s.ok).map((s) => s.ms);
    const rss = memoryOf(server.pid as number);
    const n = count.toLocaleString('en');
    rows.push(`| warm kpi.ranking, ${CONNECTIONS} connections, ${SECONDS} s, ${n} dossiers, scheduler on, a sign-in every 200 ms (${signIns} ok, ${signInFailures} failed) | ${Math.round(samples.length / elapsed)} req/s; p50 / p95 / p99 ${pct(ok, 50).toFixed(1)} / ${pct(ok, 95).toFixed(1)} / ${pct(ok, 99).toFixed(1)} ms; ${samples.length - ok.length} errors; RSS ${Math.round(rss.rssMb)} MB | | |`);
  } finally {
    agent.destroy();
    await stopServer(server);
  }
  for (const r of rows) console.log(r);
  return rows;
}

if (process.argv[1]?.endsWith('throughput.ts') || process.argv[2] === 'throughput') await benchThroughput();
