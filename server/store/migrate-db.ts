import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DuckDbStore } from './duckdb/duckdb-store';
import { copyBytes, copyText, NULL } from './postgres/copy-text';
import { withoutIndexes } from './postgres/dossier-table';
import { PostgresStore } from './postgres/postgres-store';
import { instantText, microsText } from './postgres/sql';
import { sameFigures } from './same-figures';

export interface TableCopy {
  table: string;
  rows: number;
}

/** Columns renamed between the engines: PostgreSQL's name → DuckDB's. */
const RENAMED: Record<string, Record<string, string>> = {
  indicator_values: { reported_at: 'reported_ms' },
  indicator_value_history: { at: 'at_ms' },
  reports: { content: 'content_base64' },
};
/** DuckDB columns PostgreSQL does without (it keeps the same rule with a constraint). */
const DROPPED: Record<string, string[]> = { notices: ['dedupe_key'] };
/**
 * Bookkeeping each engine keeps for itself, and DuckDB's storage of dossiers with integer keys (decision 035), copied
 * through its view `dossiers`, which has PostgreSQL's columns.
 */
const OWN_TABLES = new Set(['schema_migrations', 'data_version', 'data_changes', 'dossier_rows', 'unit_keys', 'procedure_keys']);

type Columns = Map<string, Map<string, string>>;

async function duckColumns(c: DuckDBConnection): Promise<Columns> {
  const reader = await c.runAndReadAll(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`);
  return byTable(reader.getRowObjectsJS() as Record<string, unknown>[]);
}

async function pgColumns(c: pg.ClientBase): Promise<Columns> {
  const { rows } = await c.query(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`);
  return byTable(rows);
}

function byTable(rows: readonly Record<string, unknown>[]): Columns {
  const out: Columns = new Map();
  for (const r of rows) {
    const table = out.get(String(r.table_name)) ?? new Map<string, string>();
    table.set(String(r.column_name), String(r.data_type).toLowerCase());
    out.set(String(r.table_name), table);
  }
  return out;
}

/** How one PostgreSQL column is read from DuckDB and written as COPY text. */
interface ColumnPlan {
  target: string;
  select: string;
  encode: (v: unknown) => string;
}

function plan(table: string, column: string, pgType: string, duckColumn: string, duckType: string): ColumnPlan {
  const quoted = `"${duckColumn}"`;
  const orNull = (f: (v: unknown) => string) => (v: unknown) => (v === null || v === undefined ? NULL : f(v));
  if (pgType.startsWith('timestamp')) {
    if (duckType.startsWith('timestamp')) return { target: column, select: `epoch_us(${quoted})`, encode: orNull((v) => microsText(v as bigint)) };
    return { target: column, select: quoted, encode: orNull((v) => instantText(Number(v))) };
  }
  if (pgType === 'date') return { target: column, select: `strftime(${quoted}, '%Y-%m-%d')`, encode: orNull((v) => String(v)) };
  if (pgType === 'bytea') {
    const select = duckType === 'blob' ? quoted : `from_base64(${quoted})`;
    return { target: column, select, encode: orNull((v) => copyBytes(v as Uint8Array)) };
  }
  if (pgType === 'boolean') return { target: column, select: quoted, encode: orNull((v) => (v ? 't' : 'f')) };
  if (['bigint', 'integer', 'smallint', 'double precision', 'real', 'numeric'].includes(pgType)) return { target: column, select: quoted, encode: orNull((v) => String(v)) };
  if (pgType === 'text' || pgType === 'character varying') return { target: column, select: quoted, encode: orNull((v) => copyText(String(v))) };
  throw new Error(`${table}.${column}: no copy rule for ${duckType} to ${pgType}`);
}

/** The columns to copy for each table, refusing to leave data behind. */
async function plans(duck: DuckDBConnection, target: pg.ClientBase): Promise<Map<string, ColumnPlan[]>> {
  const [from, to] = [await duckColumns(duck), await pgColumns(target)];
  const out = new Map<string, ColumnPlan[]>();
  for (const [table, sourceColumns] of from) {
    if (OWN_TABLES.has(table)) continue;
    const count = Number(((await duck.runAndReadAll(`SELECT count(*) AS n FROM "${table}"`)).getRowObjectsJS()[0] as { n: bigint }).n);
    const targetColumns = to.get(table);
    if (!targetColumns) {
      if (count > 0) throw new Error(`The PostgreSQL schema has no table ${table}, which holds ${count} rows: update chiso on both sides first.`);
      continue;
    }
    const renamed = RENAMED[table] ?? {};
    const used = new Set<string>();
    const columns: ColumnPlan[] = [];
    for (const [column, pgType] of targetColumns) {
      const source = renamed[column] ?? column;
      const duckType = sourceColumns.get(source);
      if (duckType === undefined) continue;
      used.add(source);
      columns.push(plan(table, column, pgType, source, duckType));
    }
    const lost = [...sourceColumns.keys()].filter((c) => !used.has(c) && !(DROPPED[table] ?? []).includes(c));
    if (lost.length > 0 && count > 0) throw new Error(`${table}: PostgreSQL has no column for ${lost.join(', ')}: update chiso on both sides first.`);
    out.set(table, columns);
  }
  return out;
}

async function copyTable(duck: DuckDBConnection, target: pg.ClientBase, table: string, columns: ColumnPlan[]): Promise<number> {
  const result = await duck.stream(`SELECT ${columns.map((c, i) => `${c.select} AS c${i}`).join(', ')} FROM "${table}"`);
  let rows = 0;
  async function* lines() {
    for await (const batch of result.yieldRowObjectJs()) {
      rows += batch.length;
      yield batch.map((r) => `${columns.map((c, i) => c.encode(r[`c${i}`])).join('\t')}\n`).join('');
    }
  }
  await target.query(`DELETE FROM "${table}"`);
  const copy = () => pipeline(Readable.from(lines()), target.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c.target}"`).join(', ')}) FROM STDIN`)));
  await (table === 'dossiers' ? withoutIndexes(target, table, copy) : copy());
  return rows;
}

/** Identity columns carry on after the largest copied id. */
async function resetIdentities(target: pg.ClientBase): Promise<void> {
  const { rows } = await target.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`);
  for (const r of rows) {
    await target.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${r.column_name}") FROM "${r.table_name}"), 0) + 1, false)`, [r.table_name, r.column_name]);
  }
}

/**
 * Copies a DuckDB database into an empty PostgreSQL one, all of it in one transaction, then checks that every
 * table has as many rows on both sides and that both engines give the same figures. The DuckDB file must not be
 * open elsewhere (stop the server first); the PostgreSQL database gets chiso's schema if it has none.
 */
export async function migrateDuckDbToPostgres(duckPath: string, url: string, log: (line: string) => void = () => undefined): Promise<TableCopy[]> {
  await (await DuckDbStore.open(duckPath)).close();
  await (await PostgresStore.open(url)).close();
  const instance = await DuckDBInstance.create(duckPath, { access_mode: 'READ_ONLY' });
  const duck = await instance.connect();
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  const copied: TableCopy[] = [];
  try {
    const { rows } = await target.query(`SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM dossiers) + (SELECT count(*) FROM users) + (SELECT count(*) FROM imports) AS n`);
    if (Number(rows[0]?.n) > 0) throw new Error('The PostgreSQL database already holds chiso data: migrate into an empty database.');
    await target.query('BEGIN');
    for (const [table, columns] of await plans(duck, target)) {
      const count = await copyTable(duck, target, table, columns);
      copied.push({ table, rows: count });
      log(`${table}: ${count} rows`);
    }
    await resetIdentities(target);
    const version = (await duck.runAndReadAll('SELECT v FROM data_version')).getRowObjectsJS()[0] as { v: bigint } | undefined;
    // Above both databases' versions, and with no change log (decision 029): a running server's caches take nothing
    // they hold for the migrated data.
    await target.query('UPDATE data_version SET v = greatest(v, $1::BIGINT) + 1 WHERE id = 1', [String(version?.v ?? 0n)]);
    await target.query('DELETE FROM data_changes');
    await target.query('COMMIT');
    await target.query('ANALYZE');
  } catch (error) {
    await target.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await target.end();
    duck.closeSync();
    instance.closeSync();
  }
  await verify(duckPath, url, copied, log);
  return copied;
}

async function verify(duckPath: string, url: string, copied: readonly TableCopy[], log: (line: string) => void): Promise<void> {
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    for (const { table, rows } of copied) {
      const { rows: counted } = await target.query(`SELECT count(*)::INTEGER AS n FROM "${table}"`);
      if (counted[0]?.n !== rows) throw new Error(`${table}: ${rows} rows read from DuckDB, ${counted[0]?.n} in PostgreSQL`);
    }
  } finally {
    await target.end();
  }
  const [from, to] = [await DuckDbStore.open(duckPath), await PostgresStore.open(url)];
  try {
    const checked = await sameFigures(from, to);
    log(`checked: ${checked}`);
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}
