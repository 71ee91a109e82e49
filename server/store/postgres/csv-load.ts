import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ImportRecord } from '../../../shared/schemas/import';
import { lit, stagedRollups, withStagedCsv } from '../duckdb/dossier-csv';
import { rollupSelects } from '../rollup-sql';
import type { DossierCsvLoad } from '../port';
import { STAGING_NAMES, type RollupFile } from './dossier-writer';

/**
 * PostgreSQL's SQL-side dossier import (decision 031): the file is parsed and proven valid by the very statements
 * DuckDB's import runs (dossier-csv.ts), on an in-memory DuckDB instance made for the import, and the typed rows are
 * handed to PostgreSQL as a CSV of its staging table's columns for COPY. One set of rules for both engines, and
 * PostgreSQL's import no longer waits on the row parser feeding COPY.
 */

/**
 * Parses and checks the file; when every row is valid, writes the staging view's rows in received order to a CSV
 * (DuckDB's writer: NULL as an empty field, an empty text quoted) — and, `withRollups`, each rollup table's rows of
 * these dossiers (for an import into an empty table) — lets the parsing instance go, and has `commit` copy them into
 * PostgreSQL. The instance may hold `memoryLimit` before it spills into the import's temporary folder, which is
 * removed at the end whatever happens.
 */
export async function stageCsvForCopy(
  load: DossierCsvLoad,
  memoryLimit: string,
  withRollups: boolean,
  commit: (file: string, rollups: RollupFile[] | null, rows: number) => Promise<ImportRecord>,
): Promise<{ rows: number; record: ImportRecord } | { declined: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-staged-'));
  try {
    const file = join(dir, 'staged.csv');
    // An instance per import (a few milliseconds to make): nothing survives an import, not even a failure.
    const instance = await DuckDBInstance.create(':memory:', { memory_limit: memoryLimit, threads: '2', temp_directory: join(dir, 'spill') });
    let written: { rows: number; rollups: RollupFile[] | null } | { declined: string };
    try {
      const c = await instance.connect();
      try {
        written = await withStagedCsv(c, load, async (staging, rows) => {
          // In received order (staging order among equals), so that PostgreSQL's bulk load into an empty table need not
          // sort a million wide rows itself (it spilled to disk doing so).
          await c.run(`COPY (SELECT ${STAGING_NAMES.join(', ')} FROM ${staging} ORDER BY received_ms, line) TO ${lit(file)} (FORMAT csv, HEADER false)`);
          if (!withRollups) return { rows, rollups: null };
          const rollups: RollupFile[] = [];
          const { d, source } = stagedRollups(staging);
          for (const { table, columns, select } of rollupSelects(d, source)) {
            const path = join(dir, `${table}.csv`);
            await c.run(`COPY (${select}) TO ${lit(path)} (FORMAT csv, HEADER false)`);
            rollups.push({ table, columns, file: path });
          }
          return { rows, rollups };
        });
      } finally {
        c.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    if ('declined' in written) return written;
    return { rows: written.rows, record: await commit(file, written.rollups, written.rows) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
