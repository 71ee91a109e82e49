import { CountsCache } from './analytics/counts-cache';
import { resolve } from 'node:path';
import type { AnalyticsDeps } from './analytics/deps';
import { isPostgresUrl, type Env } from './env';
import type { Store } from './store/port';

/**
 * The engine `CHISO_DB` names: a PostgreSQL server for a `postgres://` URL, else an embedded DuckDB file. Only that
 * engine's driver is loaded, which keeps a command line's start short.
 */
export async function openStore(env: Pick<Env, 'CHISO_DB' | 'CHISO_DB_MEMORY' | 'CHISO_DB_POOL'>): Promise<Store> {
  if (isPostgresUrl(env.CHISO_DB)) {
    const { PostgresStore } = await import('./store/postgres/postgres-store');
    return PostgresStore.open(env.CHISO_DB, { poolSize: env.CHISO_DB_POOL, parseMemory: env.CHISO_DB_MEMORY });
  }
  const { DuckDbStore } = await import('./store/duckdb/duckdb-store');
  const path = env.CHISO_DB === ':memory:' ? ':memory:' : resolve(env.CHISO_DB);
  return DuckDbStore.open(path, { memoryLimit: env.CHISO_DB_MEMORY });
}

export function analyticsDeps(store: Store, env: Pick<Env, 'CHISO_MIN_VOLUME'>, now: () => number = Date.now): AnalyticsDeps {
  return { store, cache: new CountsCache(), minVolume: env.CHISO_MIN_VOLUME, now };
}
