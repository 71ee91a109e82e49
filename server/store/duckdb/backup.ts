import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const text = (s: string) => `'${s.replaceAll("'", "''")}'`;
const name = (s: string) => `"${s.replaceAll('"', '""')}"`;
/**
 * Tables the schema fills by itself (migrations, the shipped catalogue), and the code keys kept with the dossiers
 * (decision 035): rows there do not make a database "in use".
 */
const SCHEMA_TABLES = new Set(['schema_migrations', 'data_version', 'data_changes', 'indicators', 'index_definitions', 'unit_keys', 'procedure_keys']);
/** Tables named here by what they hold: DuckDB stores the dossiers in dossier_rows, read through the view dossiers. */
const HOLDS: Record<string, string> = { dossier_rows: 'dossiers' };

async function one<T>(c: DuckDBConnection, sql: string): Promise<T> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS()[0] as T;
}

/** Rows per table of a catalog (the dossiers under that name), for summaries and for comparing a restored database with its backup. */
export async function tableCounts(c: DuckDBConnection, catalog: string): Promise<Map<string, number>> {
  const tables = (await c.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = ${text(catalog)} AND schema_name = 'main' AND NOT internal ORDER BY table_name`)).getRowObjectsJS();
  const counts = new Map<string, number>();
  for (const { table_name: table } of tables as { table_name: string }[]) {
    const row = await one<{ n: bigint }>(c, `SELECT count(*) AS n FROM ${name(catalog)}.main.${name(table)}`);
    counts.set(HOLDS[table] ?? table, Number(row.n));
  }
  return counts;
}

/** What makes a database hold data: the tables with rows, beyond what the schema puts there itself. */
export function dataTables(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts].filter(([table, n]) => n > 0 && !SCHEMA_TABLES.has(table));
}

async function currentCatalog(c: DuckDBConnection): Promise<string> {
  return (await one<{ d: string }>(c, 'SELECT current_database() AS d')).d;
}

async function open(path: string, readOnly: boolean): Promise<{ instance: DuckDBInstance; c: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(path, { memory_limit: '512MB', threads: '2', ...(readOnly ? { access_mode: 'READ_ONLY' } : {}) });
  return { instance, c: await instance.connect() };
}

async function withDatabase<T>(path: string, readOnly: boolean, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const { instance, c } = await open(path, readOnly);
  try {
    return await work(c);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/**
 * Copies the whole database of connection `c` into a new file at `target`: tables with their constraints, sequences
 * at their current values, views and macros, in one transaction, so the copy is one consistent snapshot; it is also
 * compact (no free blocks). A running server does this on its own connection (the file is locked to it).
 */
export async function copyDatabaseOn(c: DuckDBConnection, target: string): Promise<Map<string, number>> {
  const catalog = await currentCatalog(c);
  await c.run(`ATTACH ${text(target)} AS chiso_backup (READ_WRITE)`);
  try {
    await c.run('BEGIN TRANSACTION');
    await c.run(`COPY FROM DATABASE ${name(catalog)} TO chiso_backup`);
    await c.run('COMMIT');
  } finally {
    await c.run('DETACH chiso_backup');
  }
  return tableCounts(c, catalog);
}

/** Copies the database at `source`, opened read-only, into a new file at `target` (see copyDatabaseOn). */
export function copyDatabase(source: string, target: string): Promise<Map<string, number>> {
  return withDatabase(source, true, (c) => copyDatabaseOn(c, target));
}

/** The rows per table of a backup, read-only; null when it is not a chiso database. */
export function readBackup(path: string): Promise<Map<string, number> | null> {
  return withDatabase(path, true, async (c) => {
    const counts = await tableCounts(c, await currentCatalog(c));
    return counts.has('schema_migrations') ? counts : null;
  });
}

/** The rows per table of the database at `path` (made if absent, as any chiso command would). */
export function readDatabase(path: string): Promise<Map<string, number>> {
  return withDatabase(path, false, async (c) => tableCounts(c, await currentCatalog(c)));
}

/** The rows per table of the database of connection `c`. */
export async function countsOn(c: DuckDBConnection): Promise<Map<string, number>> {
  return tableCounts(c, await currentCatalog(c));
}

/** How many schema migrations a backup has applied (a chiso backup always has the table). */
export async function backupMigrations(c: DuckDBConnection, backup: string): Promise<number> {
  await c.run(`ATTACH ${text(backup)} AS chiso_probe (READ_ONLY)`);
  try {
    return Number((await one<{ n: bigint }>(c, 'SELECT count(*) AS n FROM chiso_probe.main.schema_migrations')).n);
  } finally {
    await c.run('DETACH chiso_probe');
  }
}

/**
 * Replaces everything in the database of connection `c` with the backup's content, in one transaction: if anything
 * fails, the database is as it was. The data version ends above both the database's and the backup's, so that a
 * running server's caches never take the restored data for what they hold.
 */
export async function replaceWithBackupOn(c: DuckDBConnection, backup: string): Promise<Map<string, number>> {
  const catalog = await currentCatalog(c);
  const where = `database_name = ${text(catalog)} AND NOT internal`;
  await c.run(`ATTACH ${text(backup)} AS chiso_restore (READ_ONLY)`);
  try {
    const versioned = await one<{ n: bigint }>(c, `SELECT count(*) AS n FROM duckdb_tables() WHERE ${where} AND table_name = 'data_version'`);
    await c.run('BEGIN TRANSACTION');
    try {
      const version = Number(versioned.n) > 0 ? await one<{ v: bigint | number | null }>(c, 'SELECT max(v) AS v FROM data_version') : { v: 0 };
      const list = async (sql: string) => ((await c.runAndReadAll(sql)).getRowObjectsJS() as { s: string; n: string }[]).map((r) => `${name(r.s)}.${name(r.n)}`);
      for (const view of await list(`SELECT schema_name AS s, view_name AS n FROM duckdb_views() WHERE ${where}`)) await c.run(`DROP VIEW ${view}`);
      for (const table of await list(`SELECT schema_name AS s, table_name AS n FROM duckdb_tables() WHERE ${where}`)) await c.run(`DROP TABLE ${table}`);
      for (const sequence of await list(`SELECT schema_name AS s, sequence_name AS n FROM duckdb_sequences() WHERE database_name = ${text(catalog)} AND NOT temporary`)) await c.run(`DROP SEQUENCE ${sequence}`);
      for (const macro of await list(`SELECT DISTINCT schema_name AS s, function_name AS n FROM duckdb_functions() WHERE ${where} AND function_type = 'macro'`)) await c.run(`DROP MACRO ${macro}`);
      for (const macro of await list(`SELECT DISTINCT schema_name AS s, function_name AS n FROM duckdb_functions() WHERE ${where} AND function_type = 'table_macro'`)) await c.run(`DROP MACRO TABLE ${macro}`);
      // Types last: the tables that used them are gone.
      for (const type of await list(`SELECT DISTINCT schema_name AS s, type_name AS n FROM duckdb_types() WHERE ${where}`)) await c.run(`DROP TYPE ${type}`);
      await c.run(`COPY FROM DATABASE chiso_restore TO ${name(catalog)}`);
      await c.run(`UPDATE data_version SET v = greatest(v, ${Number(version.v ?? 0)}) + 1`);
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
  } finally {
    await c.run('DETACH chiso_restore');
  }
  return tableCounts(c, catalog);
}

/** Replaces everything in the database at `target` with the backup's content (see replaceWithBackupOn). */
export function replaceWithBackup(backup: string, target: string): Promise<Map<string, number>> {
  return withDatabase(target, false, async (c) => {
    const counts = await replaceWithBackupOn(c, backup);
    await c.run('CHECKPOINT');
    return counts;
  });
}
