import type { Store } from './store/port';
import { MIGRATIONS } from './store/duckdb/migrations';

/** `reason` is answered to anyone who asks; `detail`, which may name files, goes to the log only. */
export type Readiness = { ready: true } | { ready: false; reason: string; detail?: string };

const TIMEOUT_MS = 2_000;

/** The DuckDB adapter can be asked which migrations it applied; a store without SQL is taken at its port. */
interface SqlRows {
  rows(sql: string): Promise<Record<string, unknown>[]>;
}
const hasSql = (store: Store): store is Store & SqlRows => typeof (store as Partial<SqlRows>).rows === 'function';

async function check(store: Store): Promise<Readiness> {
  await store.dataVersion();
  if (!hasSql(store)) return { ready: true };
  const [row] = await store.rows('SELECT count(*) AS applied FROM schema_migrations');
  const pending = MIGRATIONS.length - Number(row?.applied ?? 0);
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
