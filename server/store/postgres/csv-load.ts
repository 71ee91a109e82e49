import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ImportRecord } from '../../../shared/schemas/import';
import { dropStaging, stageDossierCsv } from '../duckdb/dossier-csv';
import type { DossierCsvLoad } from '../port';

/**
 * PostgreSQL's SQL-side dossier import (decision 031): the file is parsed and proven valid by the very statements
 * DuckDB's import runs (dossier-csv.ts), on an in-memory DuckDB instance of the process's own, and the typed rows
 * are handed to PostgreSQL as a CSV of its staging table's columns for COPY. One set of rules for both engines, and
 * PostgreSQL's import no longer waits on the row parser feeding COPY.
 */

/** The staging table's columns (dossier-writer.ts), in its order. */
const STAGED_COLUMNS = [
  'dossier_id', 'unit_code', 'procedure_code', 'procedure_code_raw', 'procedure_name', 'channel', 'end_to_end', 'received_ms', 'due_ms',
  'completed_ms', 'returned_ms', 'status', 'status_raw', 'service_level', 'e_result', 'digitized', 'fee_required', 'paid_online', 'counted', 'line',
] as const;

/** Memory the parsing instance may hold before it spills to its temporary directory. */
const MEMORY_LIMIT = '1GB';

let instance: Promise<DuckDBInstance> | null = null;

/**
 * The process's DuckDB instance for parsing imports, made at the first import (a PostgreSQL deployment has no other)
 * and kept for the process's life; it holds no data between imports.
 */
function parser(): Promise<DuckDBInstance> {
  instance ??= DuckDBInstance.create(':memory:', {
    memory_limit: MEMORY_LIMIT,
    temp_directory: mkdtempSync(join(tmpdir(), 'chiso-parse-')),
  }).catch((error: unknown) => {
    instance = null;
    throw error;
  });
  return instance;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Parses and checks the file; when every row is valid, writes the staging table's rows to a CSV (DuckDB's writer:
 * NULL as an empty field, an empty text quoted) and lets `commit` copy it into PostgreSQL. The file is removed after.
 */
export async function stageCsvForCopy(
  load: DossierCsvLoad,
  commit: (file: string, rows: number) => Promise<ImportRecord>,
): Promise<{ rows: number; record: ImportRecord } | { declined: string }> {
  const c = await (await parser()).connect();
  const prefix = `csv_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e9)}`;
  const staging = `${prefix}_staging`;
  const dir = mkdtempSync(join(tmpdir(), 'chiso-staged-'));
  const drop = async () => {
    for (const sql of dropStaging(prefix, staging, load.columns.size)) await c.run(sql);
  };
  try {
    const staged = await stageDossierCsv(c, load, prefix, staging);
    if ('declined' in staged) return staged;
    const file = join(dir, 'staged.csv');
    await c.run(`COPY (SELECT ${STAGED_COLUMNS.join(', ')} FROM ${staging}) TO ${lit(file)} (FORMAT csv, HEADER false)`);
    // The parsed file is let go before PostgreSQL's part, which takes the longer.
    await drop();
    return { rows: staged.rows, record: await commit(file, staged.rows) };
  } finally {
    await drop();
    c.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
