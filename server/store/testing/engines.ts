import pg from 'pg';
import { inject } from 'vitest';
import { DuckDbStore } from '../duckdb/duckdb-store';
import type { Store } from '../port';
import { PostgresStore } from '../postgres/postgres-store';

export interface Engine {
  name: 'duckdb' | 'postgres';
  /** A new, empty, migrated store of its own; closing it throws it away. */
  open(): Promise<Store>;
  /** Rows of a read-only SQL statement on a store this engine opened (for tests that look under the port). */
  rows(store: Store, sql: string): Promise<Record<string, unknown>[]>;
}

let databases = 0;

/** The PostgreSQL server the global setup provided; fails, with the reason, when there is none. */
export function postgresServer(): string {
  const server = inject('postgres');
  if ('problem' in server) throw new Error(server.problem);
  return server.url;
}

/** A new empty database on the test server, and a way to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = postgresServer();
  const name = `chiso_test_${process.pid}_${Date.now().toString(36)}_${(databases += 1)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A PostgreSQL store on a new empty database of the test server; closing it drops the database. */
export async function openTestPostgres(poolSize = 4): Promise<PostgresStore> {
  const database = await createTestDatabase();
  const store = await PostgresStore.open(database.url, { poolSize });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await database.drop();
  };
  return store;
}

/** Every engine the storage contract runs on. A new adapter is added here and must pass the whole contract. */
export const ENGINES: readonly Engine[] = [
  { name: 'duckdb', open: () => DuckDbStore.open(':memory:'), rows: (store, sql) => (store as DuckDbStore).rows(sql) },
  { name: 'postgres', open: () => openTestPostgres(), rows: (store, sql) => (store as PostgresStore).rows(sql) },
];
