import type { ClientBase } from 'pg';
import type { ImportRecord } from '../../../shared/schemas/import';
import type { ImportOutcome } from '../port';
import { copyCsvInto, STAGING, type Handed } from './dossier-writer';
import type { Client } from './pg-db';
import { logDossierKeys } from '../data-changes';
import { dayOf, keysOfStored, keysTable, periodRefresh, rebuildAll, refreshKeys, ROLLUP_TABLES, spanOf, spanSql, SUMMARY_TABLES } from '../rollup-sql';
import { msToTimestamp, num, PG } from './sql';
import { insertStagedDossiers } from '../staged-sql';

const KEYS = 'dossier_rollup_keys';

/** A load this large into an empty table builds its indexes afterwards, which is several times faster. */
const BULK_ROWS = 100_000;

type InsertImport = (c: Client, outcome: ImportOutcome) => Promise<ImportRecord>;

/** The table's indexes and the constraints they back, as the catalogue defines them, to drop and build again. */
async function indexesOf(c: ClientBase, table: string): Promise<{ name: string; definition: string; constraint: string | null }[]> {
  const { rows } = await c.query(
    `SELECT i.indexrelid::regclass::TEXT AS name, pg_get_indexdef(i.indexrelid) AS definition, k.conname AS constraint_name, pg_get_constraintdef(k.oid) AS constraint_definition
       FROM pg_index i LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
      WHERE i.indrelid = $1::regclass`,
    [table],
  );
  return rows.map((r) => ({
    name: String(r.name),
    definition: r.constraint_name ? `ALTER TABLE ${table} ADD CONSTRAINT ${r.constraint_name} ${r.constraint_definition}` : String(r.definition),
    constraint: r.constraint_name ? String(r.constraint_name) : null,
  }));
}

/**
 * Runs a bulk load with the table's indexes dropped and builds them again after it, which is several times faster
 * than maintaining them row by row. The table is locked against readers until the transaction ends: only for loads
 * into an empty table.
 */
export async function withoutIndexes<T>(c: ClientBase, table: string, load: () => Promise<T>): Promise<T> {
  const indexes = await indexesOf(c, table);
  for (const index of indexes) await c.query(index.constraint ? `ALTER TABLE ${table} DROP CONSTRAINT ${index.constraint}` : `DROP INDEX ${index.name}`);
  const result = await load();
  for (const index of indexes) await c.query(index.definition);
  return result;
}

/**
 * Moves an import's staged dossiers into the table, in the writer's transaction, after the caller took the data
 * write lock: a dossier imported again replaces the stored one. Statistics are refreshed at once after a load
 * that changes the table a lot, rather than a minute later by autovacuum, so the next queries are planned well.
 */
export async function replaceDossiers(c: Client, outcome: ImportOutcome, staged: number, insertImport: InsertImport, handed?: Handed): Promise<ImportRecord> {
  const [stats] = (await c.query(`SELECT reltuples, NOT EXISTS (SELECT 1 FROM dossiers) AS empty FROM pg_class WHERE oid = 'dossiers'::regclass`)).rows;
  const known = num(stats?.reltuples ?? -1);
  const ts = (col: string) => `CASE WHEN ${col} IS NULL THEN NULL ELSE ${msToTimestamp(col)} END`;
  const insert = (ordered: boolean) => c.query(insertStagedDossiers(STAGING, ts, ordered));
  // The per-day rollups (decision 022): rebuilt after a load into an empty table; otherwise the (unit, day) keys a
  // replaced dossier leaves and the imported ones reach are recomputed.
  if (stats?.empty) {
    await (staged >= BULK_ROWS ? withoutIndexes(c, 'dossiers', () => insert(!handed?.inOrder)) : insert(false));
    if (handed?.rollups) {
      // The rollups of exactly these rows, summed by the parsing instance (six times faster than here): copied in,
      // and the period counts summed from them as a rebuild would.
      for (const t of ROLLUP_TABLES) await c.query(`DELETE FROM ${t}`);
      for (const r of handed.rollups) await copyCsvInto(c, r.table, r.columns, r.file);
      for (const sql of periodRefresh(PG, null)) await c.query(sql);
    } else for (const sql of rebuildAll(PG)) await c.query(sql);
  } else {
    await c.query(keysTable(KEYS, 'TEXT COLLATE "C"', ' ON COMMIT DROP'));
    await c.query(keysOfStored(PG, KEYS, STAGING));
    await c.query(`DELETE FROM dossiers WHERE dossier_id IN (SELECT dossier_id FROM ${STAGING})`);
    await insert(false);
    await c.query(`INSERT INTO ${KEYS} SELECT DISTINCT unit_code, ${dayOf(PG, ts('received_ms'))} FROM ${STAGING} WHERE counted`);
    await c.query(`ANALYZE ${KEYS}`);
    const span = spanOf((await c.query(spanSql(KEYS))).rows[0]);
    for (const sql of refreshKeys(PG, KEYS, span)) await c.query(sql);
    for (const sql of logDossierKeys(KEYS)) await c.query(sql);
  }
  if (known < 0 || staged > known / 10) await c.query(`ANALYZE dossiers; ${SUMMARY_TABLES.map((t) => `ANALYZE ${t};`).join(' ')}`);
  return insertImport(c, outcome);
}
