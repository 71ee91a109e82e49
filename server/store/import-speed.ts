/**
 * How fast each engine imports the same dossier file, and how COPY compares with multi-row INSERT for PostgreSQL's
 * staging table: `npx tsx server/store/import-speed.ts [rows]`. Uses CHISO_TEST_PG_URL, or a throwaway cluster.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importFile } from '../import/run-import';
import { DuckDbStore } from './duckdb/duckdb-store';
import type { Store } from './port';
import { PgDossierWriter, STAGING } from './postgres/dossier-writer';
import { PostgresStore } from './postgres/postgres-store';
import { startThrowawayCluster } from './postgres/throwaway-cluster';
import { dossiersCsv, outcome, randomDossiers, UNITS_CSV } from './testing/random-dossiers';

const rows = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'chiso-import-speed-'));
const cluster = process.env.CHISO_TEST_PG_URL ? null : await startThrowawayCluster();
const server = process.env.CHISO_TEST_PG_URL ?? (cluster?.url as string);
const rate = (ms: number) => `${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s (${(ms / 1000).toFixed(2)} s)`;

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

try {
  const dossiers = randomDossiers(rows, 42);
  const file = join(dir, 'dossiers.csv');
  writeFileSync(file, dossiersCsv(dossiers).csv);
  const engines: [string, () => Promise<Store>][] = [
    ['DuckDB (file)', () => DuckDbStore.open(join(dir, 'speed.duckdb'))],
    ['PostgreSQL', async () => PostgresStore.open(await freshDatabase('chiso_import_speed'))],
  ];
  for (const [name, open] of engines) {
    const store = await open();
    await importFile(store, { kind: 'units', source: { buffer: UNITS_CSV }, fileName: 'units.csv', actor: null });
    const run = () => importFile(store, { kind: 'dossiers', source: { path: file }, fileName: 'dossiers.csv', actor: null }).then((r) => {
      if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.issues.slice(0, 3))}`);
    });
    console.log(`${name}: importFile, new dossiers        ${rate(await timed(run))}`);
    console.log(`${name}: importFile, all replaced again  ${rate(await timed(run))}`);
    await store.close();
  }

  const url = await freshDatabase('chiso_import_staging');
  await (await PostgresStore.open(url)).close();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const copy = await timed(async () => {
    const writer = await PgDossierWriter.open(await pool.connect(), async () => Promise.reject(new Error('measured')));
    dossiers.forEach((d, i) => writer.append(d, i + 2));
    await writer.duplicates(1);
    await writer.abort();
  });
  console.log(`PostgreSQL staging by COPY FROM STDIN:             ${rate(copy)}`);
  const insert = await timed(async () => {
    const c = await pool.connect();
    await c.query('BEGIN');
    await c.query(`CREATE TEMP TABLE ${STAGING} (dossier_id TEXT, unit_code TEXT, procedure_code TEXT, procedure_code_raw TEXT, procedure_name TEXT, channel TEXT,
      end_to_end BOOLEAN, received_ms DOUBLE PRECISION, due_ms DOUBLE PRECISION, completed_ms DOUBLE PRECISION, returned_ms DOUBLE PRECISION, status TEXT,
      status_raw TEXT, service_level INTEGER, e_result BOOLEAN, digitized BOOLEAN, fee_required BOOLEAN, paid_online BOOLEAN, counted BOOLEAN, line INTEGER) ON COMMIT DROP`);
    const BATCH = 1000;
    for (let start = 0; start < dossiers.length; start += BATCH) {
      const batch = dossiers.slice(start, start + BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((d, j) => {
        values.push(d.dossierId, d.unitCode, d.procedureCode, d.procedureCodeRaw, d.procedureName, d.channel, d.endToEnd, d.receivedAt, d.dueAt, d.completedAt,
          d.returnedAt, d.status, d.statusRaw, d.serviceLevel, d.eResult, d.digitized, d.feeRequired, d.paidOnline, d.status !== 'withdrawn', start + j + 2);
        return `(${Array.from({ length: 20 }, (_, k) => `$${j * 20 + k + 1}`).join(', ')})`;
      });
      await c.query(`INSERT INTO ${STAGING} VALUES ${tuples.join(', ')}`, values);
    }
    await c.query('ROLLBACK');
    c.release();
  });
  console.log(`PostgreSQL staging by INSERT, 1,000 rows a batch:  ${rate(insert)}`);
  const commit = await timed(async () => {
    const store = await PostgresStore.open(url);
    const writer = await store.openDossierWriter();
    dossiers.forEach((d, i) => writer.append(d, i + 2));
    await writer.commit(outcome(rows));
    await store.close();
  });
  console.log(`PostgreSQL writer, staging and commit:             ${rate(commit)}`);
  await pool.end();
} finally {
  rmSync(dir, { recursive: true, force: true });
  cluster?.stop();
}
