import type { Store } from './store/port';

/** `reason` is answered to anyone who asks; `detail`, which may name files, goes to the log only. */
export type Readiness = { ready: true } | { ready: false; reason: string; detail?: string };

const TIMEOUT_MS = 2_000;

/** Both engines say, through the port, which of this build's migrations their database has not applied. */
async function check(store: Store): Promise<Readiness> {
  await store.dataVersion();
  const pending = await store.pendingMigrations();
  return pending > 0 ? { ready: false, reason: `${pending} database migration(s) not applied` } : { ready: true };
}

/** Ready when the database answers a trivial query in time and every migration is applied. */
export async function readiness(store: Store, timeoutMs = TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: `the database did not answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([check(store), late]);
  } catch (error) {
    return { ready: false, reason: 'the database does not answer', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
