import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';

export const OUT = new URL('./out/', import.meta.url).pathname;
/** One random password for the benchmark accounts (`bench`, a leader, and `bench-officer`, a data officer). */
export const BENCH_PASSWORD = randomBytes(12).toString('base64url');

/** A database of `count` generated dossiers, loaded once and kept (in bench/out unless `path` says) for the next run. */
export async function loadDirect(count: number, path = `${OUT}serve-${count}.duckdb`): Promise<string> {
  if (existsSync(path) && existsSync(`${path}.count`) && readFileSync(`${path}.count`, 'utf8') === String(count)) return path;
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./load.ts', import.meta.url).pathname, path, String(count)], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`loading ${count} dossiers failed`);
  return path;
}

let compiled: Promise<string> | null = null;

/**
 * bench/serve.ts compiled as `npm start` runs the server (esbuild, plain JavaScript, no TypeScript loader: tsx keeps
 * function names with a wrapper around every closure, which cost a national ranking ~10 %), once per benchmark run.
 */
function compiledServer(): Promise<string> {
  compiled ??= (async () => {
    // The report renderer runs in a worker the built server starts from dist/server (decision 028).
    const { ensureBuilt } = (await import(new URL('../scripts/build-server.mjs', import.meta.url).href)) as { ensureBuilt(): Promise<boolean> };
    await ensureBuilt();
    const { build } = await import('esbuild');
    const outfile = `${OUT}serve.mjs`;
    await build({ entryPoints: [new URL('./serve.ts', import.meta.url).pathname], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' });
    return outfile;
  })();
  return compiled;
}

/** The API alone (bench/serve.ts, compiled) on `db`, in a process of its own so that its memory can be read. */
export async function startServer(db: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  // BENCH_NODE_ARGS: more options for the server's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', await compiledServer()], { env: { UV_THREADPOOL_SIZE: '16', ...process.env, ...env, CHISO_DB: db, PORT: String(port), BENCH_PASSWORD }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return child;
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** The process's resident memory now and its peak so far (VmRSS, VmHWM), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(base: string, username: string, password = BENCH_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', body: JSON.stringify({ username, password }), headers: { 'content-type': 'application/json' } });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/**
 * Times `n` GET requests of `url` with the session `cookie`, each read to its end, after `warmUp` untimed ones;
 * any answer but 200 stops the benchmark. Milliseconds, in order.
 */
export async function timeGets(url: string, cookie: string, n: number, warmUp = 0): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmUp + n; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= warmUp) times.push(performance.now() - t0);
  }
  return times;
}
