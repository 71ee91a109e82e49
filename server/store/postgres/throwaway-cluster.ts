import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian installs each major version's server binaries here; the newest is taken. */
const DEBIAN_ROOT = '/usr/lib/postgresql';
/**
 * Folders of throwaway clusters start with this, and hold the pid of the process that started the cluster in
 * `owner`: a cluster whose owner is gone was left by a crashed run and may be stopped (`.ci/run` does).
 */
export const CLUSTER_PREFIX = 'chiso-test-pg-';

export interface Cluster {
  /** A superuser URL on 127.0.0.1 (trust authentication), database `postgres`. */
  url: string;
  dir: string;
  stop(): void;
}

export function postgresBinDir(): string | null {
  if (!existsSync(DEBIAN_ROOT)) return null;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_ROOT, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb refuses to run as root: root runs the server's tools as the `postgres` account. */
function runner(): (bin: string, args: string[]) => void {
  const asRoot = process.getuid?.() === 0;
  return (bin, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
}

/**
 * Starts a private PostgreSQL for tests in a fresh temporary folder: loopback only, a free port, no Unix socket,
 * trust authentication, durability off (it is thrown away). `stop` shuts it down by its pid file and removes it.
 */
export async function startThrowawayCluster(): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`no PostgreSQL server binaries under ${DEBIAN_ROOT}/*/bin (apt-get install postgresql)`);
  const run = runner();
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  const data = join(dir, 'data');
  writeFileSync(join(dir, 'owner'), String(process.pid));
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // Already stopped: nothing to do but remove its folder.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = await freePort();
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
