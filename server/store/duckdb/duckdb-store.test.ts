import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, DOSSIER_STATUSES } from '../../../shared/schemas/dossier';
import { countDossiers } from '../../../shared/kpi/measures';
import { mustParsePeriod, periodsBetween } from '../../../shared/kpi/periods';
import type { Store } from '../port';
import { DuckDbStore } from './duckdb-store';
import { MIGRATIONS } from './migrations';
import { unkeyed } from '../../testing/older-layouts';
import { insertStagedDossiers } from '../staged-sql';
import { stagedTime } from './dossier-csv';
import { importFile } from '../../import/run-import';
import { dossiersCsv, outcome, randomDossiers, UNITS_CSV } from '../testing/random-dossiers';

describe('DuckDbStore', () => {
  let store: Store;
  const dossiers = randomDossiers(5000, 7);

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    const writer = await store.openDossierWriter();
    for (const d of dossiers) writer.append(d);
    await writer.commit(outcome(dossiers.length));
  });
  afterAll(() => store.close());

  it('counts in SQL exactly what the reference computation counts, per unit and window', async () => {
    const weeks = periodsBetween('week', Date.parse('2025-06-28T00:00:00Z'), Date.parse('2025-09-01T00:00:00Z'));
    const asOf = Date.parse('2025-08-10T05:30:00Z');
    const windows = weeks.map((p) => ({ start: p.start, cutOff: Math.min(p.end, asOf) }));
    const got = await store.countsByUnit(windows);
    let compared = 0;
    for (let u = 0; u < 7; u++) {
      const code = `U${u}`;
      const mine = dossiers.filter((d) => d.unitCode === code);
      windows.forEach((w, i) => {
        const expected = countDossiers(mine, w.start, w.cutOff);
        const actual = got.get(code)?.[i];
        if (expected.received === 0) expect(actual).toBeUndefined();
        else {
          expect(actual).toEqual(expected);
          compared += 1;
        }
      });
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('replaces dossiers by id, so the same data twice leaves the same state', async () => {
    const q3 = mustParsePeriod('2025-Q3');
    const before = await store.countsByUnit([{ start: q3.start, cutOff: q3.end }]);
    const writer = await store.openDossierWriter();
    for (const d of dossiers) writer.append(d);
    await writer.commit(outcome(dossiers.length));
    expect(await store.countsByUnit([{ start: q3.start, cutOff: q3.end }])).toEqual(before);
  });

  it('writes nothing when a writer is aborted', async () => {
    const q3 = mustParsePeriod('2025-Q3');
    const before = await store.countsByUnit([{ start: q3.start, cutOff: q3.end }]);
    const writer = await store.openDossierWriter();
    for (const d of randomDossiers(100, 99)) writer.append(d);
    await writer.abort();
    expect(await store.countsByUnit([{ start: q3.start, cutOff: q3.end }])).toEqual(before);
  });

  it('breaks a unit down by procedure with counts that add up', async () => {
    const q3 = mustParsePeriod('2025-Q3');
    const window = { start: q3.start, cutOff: q3.end };
    const byProcedure = await store.procedureCounts('U1', window);
    const total = (await store.countsByUnit([window], ['U1'])).get('U1')?.[0];
    expect(byProcedure.reduce((s, p) => s + p.counts.received, 0)).toBe(total?.received);
    const overdue = await store.overdueDossiers('U1', window, 1000);
    expect(overdue.length).toBe(total?.overdueOpen);
  });

  it('stores channel and status as enums of exactly the lists the import accepts', async () => {
    const [r] = await (store as DuckDbStore).rows('SELECT enum_range(NULL::dossier_channel) AS channels, enum_range(NULL::dossier_status) AS statuses');
    expect(r?.channels).toEqual([...CHANNELS]);
    expect(r?.statuses).toEqual([...DOSSIER_STATUSES]);
  });

  /** Writes 800 dossiers to a new database file, turns it into an older layout with `older`, and reopens it. */
  async function reopenedFromOlder(older: string[], check: (reopened: DuckDbStore, before: { rows: unknown[]; counts: unknown }) => Promise<void>) {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-older-'));
    try {
      const path = join(dir, 'old.duckdb');
      const old = await DuckDbStore.open(path);
      const writer = await old.openDossierWriter();
      for (const d of dossiers.slice(0, 800)) writer.append(d);
      await writer.commit(outcome(800));
      const rows = await old.rows('SELECT * FROM dossiers ORDER BY dossier_id');
      const q3 = mustParsePeriod('2025-Q3');
      const counts = await old.countsByUnit([{ start: q3.start, cutOff: q3.end }]);
      await old.transaction(async (c) => {
        for (const sql of older) await c.run(sql);
      });
      const [table] = await old.rows("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'dossiers'");
      expect(Number(table?.n)).toBe(1);
      await old.close();

      const reopened = await DuckDbStore.open(path);
      try {
        expect(await reopened.rows('SELECT * FROM dossiers ORDER BY dossier_id')).toEqual(rows);
        expect(await reopened.countsByUnit([{ start: q3.start, cutOff: q3.end }])).toEqual(counts);
        await check(reopened, { rows, counts });
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('narrows a database stored with text channels and statuses, keeping every dossier as it was', async () => {
    // The table as the migrations before the narrowing left it: text columns, no enum types.
    const version = MIGRATIONS.findIndex((m) => m.includes('CREATE TYPE dossier_channel')) + 1;
    await reopenedFromOlder([
      ...unkeyed(),
      'CREATE TABLE dossiers_text AS SELECT * REPLACE (channel::VARCHAR AS channel, status::VARCHAR AS status) FROM dossiers',
      'DROP TABLE dossiers',
      'DROP TYPE dossier_channel',
      'DROP TYPE dossier_status',
      'ALTER TABLE dossiers_text RENAME TO dossiers',
      `DELETE FROM schema_migrations WHERE version = ${version}`,
    ], async (reopened) => {
      const [narrow] = await reopened.rows("SELECT data_type FROM information_schema.columns WHERE table_name = 'dossier_rows' AND column_name = 'channel'");
      expect(narrow?.data_type).toMatch(/^ENUM/);
    });
  });

  it('keys the unit and procedure codes of a database that stored them as text, keeping every dossier as it was, and goes on importing', async () => {
    await reopenedFromOlder(unkeyed(), async (reopened, before) => {
      const columns = await reopened.rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'dossier_rows' AND column_name IN ('unit_key', 'procedure_key') ORDER BY 1");
      expect(columns).toEqual([{ column_name: 'procedure_key', data_type: 'INTEGER' }, { column_name: 'unit_key', data_type: 'INTEGER' }]);
      const [keys] = await reopened.rows('SELECT (SELECT count(*) FROM unit_keys) AS units, (SELECT count(DISTINCT unit_code) FROM dossiers) AS stored');
      expect(Number(keys?.units)).toBe(Number(keys?.stored));
      // A later import replaces some of the moved dossiers and adds a unit and a procedure the keys did not have.
      const writer = await reopened.openDossierWriter();
      const moved = dossiers.slice(0, 50).map((d) => ({ ...d, unitCode: 'U-new', procedureCode: '2.999' }));
      for (const d of moved) writer.append(d);
      await writer.commit(outcome(moved.length));
      const after = await reopened.rows('SELECT * FROM dossiers ORDER BY dossier_id');
      expect(after).toHaveLength(before.rows.length);
      expect(after.filter((r) => r.unit_code === 'U-new' && r.procedure_code === '2.999')).toHaveLength(50);
      const [stored] = await reopened.rows('SELECT count(*) AS n FROM dossier_rows');
      expect(Number(stored?.n)).toBe(before.rows.length);
      expect(await reopened.rollupDrift()).toBe(0);
    });
  });

  it('refuses to store a staged dossier whose unit has no key, rather than dropping it', async () => {
    const db = store as DuckDbStore;
    const [before] = await db.rows('SELECT count(*) AS n FROM dossier_rows');
    await expect(db.transaction(async (c) => {
      await c.run(`CREATE TEMP TABLE unkeyed_staging AS SELECT 'K-1' AS dossier_id, 'U-without-key' AS unit_code, '1.001' AS procedure_code,
        '1.001' AS procedure_code_raw, NULL::VARCHAR AS procedure_name, 'online'::dossier_channel AS channel, TRUE AS end_to_end,
        1751328000000::DOUBLE AS received_ms, 1751414400000::DOUBLE AS due_ms, NULL::DOUBLE AS completed_ms, NULL::DOUBLE AS returned_ms,
        NULL::dossier_status AS status, NULL::VARCHAR AS status_raw, NULL::INTEGER AS service_level, FALSE AS e_result, FALSE AS digitized,
        FALSE AS fee_required, FALSE AS paid_online, TRUE AS counted, 1 AS line`);
      await c.run(insertStagedDossiers('unkeyed_staging', stagedTime, false, 'keyed'));
    })).rejects.toThrow(/NOT NULL/);
    const [after] = await db.rows('SELECT count(*) AS n FROM dossier_rows');
    expect(after?.n).toBe(before?.n);
  });

  it('stores a file out of received order sorted by receipt, so that the zone maps of the received time prune', async () => {
    const fresh = await DuckDbStore.open(':memory:');
    try {
      expect((await importFile(fresh, { kind: 'units', source: { buffer: UNITS_CSV }, fileName: 'u.csv', actor: null })).ok).toBe(true);
      const shuffled = randomDossiers(3000, 5);
      const inFile = shuffled.map((d) => d.receivedAt);
      expect(inFile).not.toEqual([...inFile].sort((a, b) => a - b));
      let path = '';
      const report = await importFile(fresh, { kind: 'dossiers', source: { buffer: dossiersCsv(shuffled).csv }, fileName: 'd.csv', actor: null, onPath: (p) => (path = p) });
      expect([report.ok, path]).toEqual([true, 'sql']);
      const stored = (await fresh.rows('SELECT epoch_ms(received_at) AS t FROM dossier_rows ORDER BY rowid')).map((r) => Number(r.t));
      expect(stored).toEqual([...inFile].sort((a, b) => a - b));
    } finally {
      await fresh.close();
    }
  });

  it('closes only after the queries under way have finished, and refuses new ones', async () => {
    const other = await DuckDbStore.open(':memory:');
    const writer = await other.openDossierWriter();
    for (const d of randomDossiers(2000, 3)) writer.append(d);
    await writer.commit(outcome(2000));
    const q3 = mustParsePeriod('2025-Q3');
    const running = other.countsByUnit([{ start: q3.start, cutOff: q3.end }]);
    await other.close();
    expect((await running).size).toBeGreaterThan(0);
    await expect(other.receivedRange()).rejects.toThrow('The database is closed.');
  });
});
