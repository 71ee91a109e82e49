import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readiness } from '../../health';
import { DuckDbStore } from '../duckdb/duckdb-store';
import type { Store } from '../port';
import { PostgresStore } from '../postgres/postgres-store';
import { createTestDatabase } from '../testing/engines';
import { outcome, randomDossiers } from '../testing/random-dossiers';

/** A store, and a way to forget its latest migration as a database left behind by an older build would. */
interface Opened {
  store: Store;
  forgetLatestMigration(): Promise<void>;
  close(): Promise<void>;
}

const FORGET = 'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)';

const ENGINES: readonly { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'duckdb',
    open: async () => {
      const store = await DuckDbStore.open(':memory:');
      return { store, forgetLatestMigration: async () => void (await store.rows(FORGET)), close: () => store.close() };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const database = await createTestDatabase();
      const store = await PostgresStore.open(database.url, { poolSize: 2 });
      return {
        store,
        forgetLatestMigration: async () => {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          await client.query(FORGET).finally(() => client.end());
        },
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];

const entry = (action: string) => ({ actor: 'officer', action, target: null, before: null, after: null, address: null });
const value = (numerator: number) => ({ indicator: 'PUBLISH_ON_TIME', unitCode: 'U1', period: '2025-07', numerator, denominator: 10, value: numerator * 10, note: null });

describe.each(ENGINES)('schema and clearing on $name', (engine) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(() => opened.close());

  it('is ready with every migration applied, and not ready (saying how many) when one is missing', async () => {
    expect(await opened.store.pendingMigrations()).toBe(0);
    expect(await readiness(opened.store)).toEqual({ ready: true });
    await opened.forgetLatestMigration();
    expect(await opened.store.pendingMigrations()).toBe(1);
    expect(await readiness(opened.store)).toEqual({ ready: false, reason: '1 database migration(s) not applied' });
  });

  it('clearData removes dossiers, values and their history, and keeps the import log and the audit trail', async () => {
    const { store } = opened;
    const writer = await store.openDossierWriter();
    randomDossiers(30, 7).forEach((d, i) => writer.append(d, i + 2));
    await writer.commit(outcome(30));
    await store.submitIndicatorValue(value(8), 'head-u1', entry('value.report'));
    await store.submitIndicatorValue(value(9), 'head-u1', entry('value.correct'));
    expect(await store.listValueHistory('U1', null)).toHaveLength(2);
    await store.clearData();
    expect(await store.receivedRange()).toBeNull();
    expect(await store.listIndicatorValues()).toEqual([]);
    expect(await store.listValueHistory('U1', null)).toEqual([]);
    expect((await store.listImports(10)).map((i) => i.rows)).toEqual([30]);
    expect((await store.listAudit(10, 0)).map((e) => e.action).sort()).toEqual(['value.correct', 'value.report']);
  });
});
