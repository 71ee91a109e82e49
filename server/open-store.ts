import { CountsCache } from './analytics/counts-cache';
import { resolve } from 'node:path';
import type { AnalyticsDeps } from './analytics/deps';
import { isPostgresUrl, type Env } from './env';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import type { Store } from './store/port';
import { PostgresStore } from './store/postgres/postgres-store';

/** The engine `CHISO_DB` names: a PostgreSQL server for a `postgres://` URL, else an embedded DuckDB file. */
export async function openStore(env: Pick<Env, 'CHISO_DB' | 'CHISO_DB_MEMORY' | 'CHISO_DB_POOL'>): Promise<Store> {
  if (isPostgresUrl(env.CHISO_DB)) return PostgresStore.open(env.CHISO_DB, { poolSize: env.CHISO_DB_POOL });
  const path = env.CHISO_DB === ':memory:' ? ':memory:' : resolve(env.CHISO_DB);
  return DuckDbStore.open(path, { memoryLimit: env.CHISO_DB_MEMORY });
}

export function analyticsDeps(store: Store, env: Pick<Env, 'CHISO_MIN_VOLUME'>, now: () => number = Date.now): AnalyticsDeps {
  return { store, cache: new CountsCache(), minVolume: env.CHISO_MIN_VOLUME, now };
}
