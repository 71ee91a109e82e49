import { precompressDir } from './precompress';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { ROOT } from './root';
import { databaseLabel, readEnv } from './env';
import { AuthService } from './auth/auth-service';
import { seedDemoAccounts } from './auth/demo-accounts';
import { createHttpServer } from './http';
import { jsonLogger } from './log';
import { gracefulShutdown } from './shutdown';
import { removeUploadLeftovers } from './upload-temp';
import { uploadLimits } from './upload';
import { startMemoryGuard } from './memory-guard';
import { warmCache } from './analytics/warm';
import { parseSchedule, startScheduler } from './reports/schedule';
import { analyticsDeps, openStore } from './open-store';
import { seedDemo } from './seed/seed-demo';
import { mailerFromEnv } from './accountability/mailer';
import { openCommandChannel, type CommandChannel } from './cli-channel';
import { servingHost } from './cli-serving-host';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import { stopRenderer } from './reports/render-off-thread';
import { join, resolve } from 'node:path';

const root = ROOT;
/** Where the built dashboard lives; `CHISO_CLIENT_DIR` lets parallel test servers build and serve their own copy. */
const clientDir = process.env.CHISO_CLIENT_DIR ?? join(ROOT, 'dist', 'client');
const log = jsonLogger();

/** The newest modification time under the client's sources (and the shared code it bundles). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function buildClientIfNeeded(): Promise<void> {
  const index = `${clientDir}/index.html`;
  const sources = Math.max(newestSource(`${root}/client`), newestSource(`${root}/shared`), statSync(`${root}/vite.config.ts`).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('info', 'building the dashboard');
  const { build } = await import('vite');
  await build({ configFile: `${root}/vite.config.ts`, logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true } });
  precompressDir(clientDir);
}

async function main(): Promise<void> {
  const env = readEnv();
  const leftovers = await removeUploadLeftovers();
  if (leftovers.length) log('info', 'removed upload folders left by an earlier run', { folders: leftovers });
  await buildClientIfNeeded();
  const store = await openStore(env);
  startMemoryGuard();
  const production = env.NODE_ENV === 'production';
  const empty = (await store.listUnits()).length === 0;
  if (empty && !production) {
    log('info', `the database ${databaseLabel(env.CHISO_DB)} is empty: seeding the demo data (real Hà Nội units, synthetic dossiers)`);
    const summary = await seedDemo(store, Date.now());
    log('info', 'demo data ready', { units: summary.units, dossiers: summary.dossiers });
  }
  if (production) {
    if ((await store.listAccounts()).every((a) => a.demo)) log('warn', 'No account can sign in yet: create the first admin with `npm run chiso -- user add NAME --role admin`.');
  } else if ((await store.getMeta('dataset')) === 'demo') {
    if ((await store.listAccounts()).length === 0) await seedDemoAccounts(store, await store.listUnits());
    log('info', 'Demo accounts: leader / leader-demo, admin / admin-demo, officer / officer-demo, head-<unit code> / head-demo (e.g. head-00070).');
  }
  const deps = analyticsDeps(store, env);
  const auth = new AuthService(store, { production });
  const server = createHttpServer({ deps, auth, clientDir, log, uploads: uploadLimits(env) });
  let stopScheduler: () => Promise<void> = async () => undefined;
  // On DuckDB this process holds the file: the command line hands its commands to it (docs/decisions/020).
  const channel: CommandChannel | null = store instanceof DuckDbStore && env.CHISO_DB !== ':memory:'
    ? await openCommandChannel({ db: resolve(env.CHISO_DB), host: servingHost(env, deps), log })
    : null;
  if (channel) log('info', 'commands from the command line are taken on the command channel', { socket: channel.path });
  server.listen(env.PORT, env.HOST, () => {
    log('info', `chiso is serving on http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}`, { database: databaseLabel(env.CHISO_DB), pid: process.pid });
    const schedule = parseSchedule(env.CHISO_REPORT_SCHEDULE);
    if (schedule === 'invalid') log('error', `CHISO_REPORT_SCHEDULE "${env.CHISO_REPORT_SCHEDULE}" is not like "MON 07:00" or "off": the weekly report is not scheduled.`);
    else if (schedule) stopScheduler = startScheduler(deps, schedule, (m) => log('info', m), { mailer: mailerFromEnv(env), publicUrl: env.CHISO_PUBLIC_URL, log });
    warmCache(deps).catch((error: unknown) => log('warn', 'could not pre-count the opening week', { error: error instanceof Error ? error.message : String(error) }));
  });
  const stop = gracefulShutdown({
    server,
    log,
    exit: (code) => process.exit(code),
    release: async () => {
      // Notices still being retried, and scheduled runs not finished, are let go before the store closes: the next
      // start mails and makes them.
      await stopScheduler().catch((error: unknown) => log('warn', 'could not hand pending notices and runs on', { error: error instanceof Error ? error.message : String(error) }));
      await channel?.close();
      // A pack still being laid out is abandoned; its run was given back above, so the next start makes it.
      await stopRenderer();
      await store.close();
    },
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log('error', error instanceof Error && error.message.startsWith('chiso cannot start') ? error.message : `chiso failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
