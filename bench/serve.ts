import { CountsCache } from '../server/analytics/counts-cache';
import { warmCache } from '../server/analytics/warm';
import { AuthService } from '../server/auth/auth-service';
import { hashPassword } from '../server/auth/password';
import { createHttpServer } from '../server/http';
import { readEnv } from '../server/env';
import { openStore } from '../server/open-store';
import { startMemoryGuard } from '../server/memory-guard';
import { parseSchedule, startScheduler } from '../server/reports/schedule';

/**
 * The API alone on a benchmark database (a DuckDB file or a `postgres://` URL in CHISO_DB), in its own process so its
 * memory can be read; signs in as `bench` (leader) or `bench-officer`.
 */
const store = await openStore(readEnv());
const now = new Date().toISOString();
const passwordHash = await hashPassword(process.env.BENCH_PASSWORD as string);
await store.saveAccount({ username: 'bench', displayName: null, role: 'leader', unitCode: null, passwordHash, disabled: false, demo: false, createdAt: now, updatedAt: now }, null);
await store.saveAccount({ username: 'bench-officer', displayName: null, role: 'data_officer', unitCode: null, passwordHash, disabled: false, demo: false, createdAt: now, updatedAt: now }, null);
if (process.env.BENCH_NO_MEMORY_GUARD !== '1') startMemoryGuard();
const deps = { store, cache: new CountsCache(), minVolume: 30, now: Date.now };
// BENCH_SCHEDULER=1: the weekly-report scheduler ticks as on a real server (a claim every minute, a catch-up at start).
if (process.env.BENCH_SCHEDULER === '1') startScheduler(deps, parseSchedule('MON 07:00') as Exclude<ReturnType<typeof parseSchedule>, null | 'invalid'>, () => undefined);
const server = createHttpServer({ deps, auth: new AuthService(store, { production: false }), clientDir: null });
// BENCH_WARM=wait: the warm-up `npm start` runs at start (last week's overview), finished before the server says ready.
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  const warmed = process.env.BENCH_WARM === 'wait' ? warmCache(deps) : Promise.resolve();
  void warmed.then(() => process.stdout.write('ready\n'));
});
