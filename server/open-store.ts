import { CountsCache } from './analytics/counts-cache';
import { resolve } from 'node:path';
import type { AnalyticsDeps } from './analytics/deps';
import type { Env } from './env';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import type { Store } from './store/port';

export async function openStore(env: Env): Promise<Store> {
  const path = env.CHISO_DB === ':memory:' ? ':memory:' : resolve(env.CHISO_DB);
  return DuckDbStore.open(path, { memoryLimit: env.CHISO_DB_MEMORY });
}

export function analyticsDeps(store: Store, env: Pick<Env, 'CHISO_MIN_VOLUME'>, now: () => number = Date.now): AnalyticsDeps {
  return { store, cache: new CountsCache(), minVolume: env.CHISO_MIN_VOLUME, now };
}
