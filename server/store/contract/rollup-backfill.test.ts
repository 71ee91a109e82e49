import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { countDossiers } from '../../../shared/kpi/measures';
import { periodsBetween } from '../../../shared/kpi/periods';
import { DuckDbStore } from '../duckdb/duckdb-store';
import { MIGRATIONS } from '../duckdb/migrations';
import type { Store } from '../port';
import { PostgresStore } from '../postgres/postgres-store';
import { PG_MIGRATIONS } from '../postgres/migrations';
import { PERIOD_TABLE, ROLLUP_TABLES } from '../rollup-sql';
import { createTestDatabase } from '../testing/engines';
import { outcome, RANDOM_START, randomDossiers, UNIT_COUNT } from '../testing/random-dossiers';

/** What a database made before the rollups looks like: no rollup or period tables, their migrations not applied. */
const forget = (migrations: readonly string[]) => [
  ...[...ROLLUP_TABLES, PERIOD_TABLE].map((t) => `DROP TABLE ${t}`),
  `DELETE FROM schema_migrations WHERE version = ${migrations.findIndex((m) => m.includes('CREATE TABLE dossier_days')) + 1}`,
  `DELETE FROM schema_migrations WHERE version = ${migrations.findIndex((m) => m.includes(`CREATE TABLE ${PERIOD_TABLE}`)) + 1}`,
];

interface Reopenable {
  open(): Promise<Store>;
  /** Runs SQL on the database while no store holds it. */
  sql(statements: string[]): Promise<void>;
  drop(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), 'chiso-rollups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENGINES: readonly { name: string; make(): Promise<Reopenable>; migrations: readonly string[] }[] = [
  {
    name: 'duckdb',
    migrations: MIGRATIONS,
    make: async () => {
      const path = join(dir, `backfill-${Date.now()}.duckdb`);
      return {
        open: () => DuckDbStore.open(path),
        sql: async (statements) => {
          const store = await DuckDbStore.open(path);
          try {
            await store.transaction(async (c) => {
              for (const s of statements) await c.run(s);
            });
          } finally {
            await store.close();
          }
        },
        drop: async () => undefined,
      };
    },
  },
  {
    name: 'postgres',
    migrations: PG_MIGRATIONS,
    make: async () => {
      const database = await createTestDatabase();
      return {
        open: () => PostgresStore.open(database.url, { poolSize: 2 }),
        sql: async (statements) => {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          try {
            for (const s of statements) await client.query(s);
          } finally {
            await client.end();
          }
        },
        drop: () => database.drop(),
      };
    },
  },
];

describe.each(ENGINES)('rollups of a database made before them, on $name', (engine) => {
  it('are filled from the stored dossiers by the migrations (segments, then periods), and then answer as the reference counts', async () => {
    const db = await engine.make();
    const dossiers = randomDossiers(2000, 41);
    let store = await db.open();
    try {
      const writer = await store.openDossierWriter();
      dossiers.forEach((d, i) => writer.append(d, i + 2));
      await writer.commit(outcome(dossiers.length));
    } finally {
      await store.close();
    }
    await db.sql(forget(engine.migrations));
    store = await db.open();
    try {
      expect(await store.rollupDrift()).toBe(0);
      const weeks = periodsBetween('week', RANDOM_START, RANDOM_START + 63 * 86_400_000).map((p) => ({ start: p.start, cutOff: p.end }));
      const got = await store.countsByUnit(weeks);
      // Whole weeks: from the period counts the migration filled.
      expect(store.countsPaths).toEqual({ period: weeks.length, rollup: 0, scan: 0 });
      for (let u = 0; u < UNIT_COUNT; u++) {
        const mine = dossiers.filter((d) => d.unitCode === `U${u}`);
        weeks.forEach((w, i) => {
          const expected = countDossiers(mine, w.start, w.cutOff);
          expect(got.get(`U${u}`)?.[i] ?? countDossiers([], 0, 0)).toEqual(expected);
        });
      }
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
