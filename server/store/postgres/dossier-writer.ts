import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DossierRecord } from '../../../shared/schemas/dossier';
import type { ImportRecord } from '../../../shared/schemas/import';
import type { DossierWriter, DuplicateId, ImportOutcome } from '../port';
import { copyBool as bool, copyNumber as number, copyText as text, copyTextOrNull as textOrNull, NULL } from './copy-text';
import { rollback, type Client } from './pg-db';
import { num } from './sql';

/** The staging table of one import: times as epoch milliseconds, as the records carry them. */
export const STAGING = 'dossier_staging';
const TEXT = 'TEXT COLLATE "C"';
const STAGING_TYPES = {
  dossier_id: TEXT, unit_code: TEXT, procedure_code: TEXT, procedure_code_raw: TEXT, procedure_name: TEXT, channel: TEXT, end_to_end: 'BOOLEAN',
  received_ms: 'DOUBLE PRECISION', due_ms: 'DOUBLE PRECISION', completed_ms: 'DOUBLE PRECISION', returned_ms: 'DOUBLE PRECISION',
  status: TEXT, status_raw: TEXT, service_level: 'INTEGER', e_result: 'BOOLEAN', digitized: 'BOOLEAN', fee_required: 'BOOLEAN',
  paid_online: 'BOOLEAN', counted: 'BOOLEAN', line: 'INTEGER',
} as const;
/** The staging table's columns in their order, as `copyLine` writes them and csv-load.ts selects them. */
export const STAGING_NAMES = Object.keys(STAGING_TYPES) as (keyof typeof STAGING_TYPES)[];
const STAGING_COLUMNS = Object.entries(STAGING_TYPES).map(([name, type]) => `${name} ${type}`).join(', ');

/** Memory for each sort or hash of an import's statements, and for its index builds (decision 027). */
const IMPORT_WORK_MEM = '128MB';
const IMPORT_MAINTENANCE_WORK_MEM = '512MB';
/** Rows are sent in chunks of about this many characters. */
const CHUNK_CHARS = 256 * 1024;
/** Bytes waiting for the server beyond which chunks go to a file: a caller that appends without yielding never lets the socket drain. */
const MAX_BACKLOG = 16 * 1024 * 1024;

function copyLine(d: DossierRecord, line: number): string {
  return `${text(d.dossierId)}\t${text(d.unitCode)}\t${text(d.procedureCode)}\t${text(d.procedureCodeRaw)}\t${textOrNull(d.procedureName)}\t${text(d.channel)}\t${bool(d.endToEnd)}\t${d.receivedAt}\t${d.dueAt}\t${number(d.completedAt)}\t${number(d.returnedAt)}\t${textOrNull(d.status)}\t${textOrNull(d.statusRaw)}\t${number(d.serviceLevel)}\t${bool(d.eResult)}\t${bool(d.digitized)}\t${bool(d.feeRequired)}\t${bool(d.paidOnline)}\t${bool(d.status !== 'withdrawn' && d.status !== 'not_received')}\t${line}\n`;
}

/** A rollup table's rows as a CSV of its columns, computed by the parsing DuckDB instance (csv-load.ts). */
export interface RollupFile {
  table: string;
  columns: string;
  file: string;
}

/**
 * What the SQL-path import hands over with its rows: they are in received order already (a bulk load into an empty
 * table need not sort them), and, for an import into an empty table, the rollups of exactly these rows.
 */
export interface Handed {
  inOrder: boolean;
  rollups: RollupFile[] | null;
}

/** Moves the staged rows into the tables, inside the writer's transaction; the store owns what that means. */
export type StagedCommit = (c: Client, outcome: ImportOutcome, staged: number, handed?: Handed) => Promise<ImportRecord>;

/** COPYs a CSV (DuckDB's writer) into `table`'s `columns`; returns the rows COPY took. */
export async function copyCsvInto(c: Client, table: string, columns: string, file: string): Promise<number> {
  const copy = c.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT csv)`));
  await pipeline(createReadStream(file), copy);
  return copy.rowCount;
}

/** Opens an import's transaction and its staging table. */
async function beginStaging(c: Client): Promise<void> {
  await c.query('BEGIN');
  // The import's checks, sort, rollup groupings and index builds run in memory rather than in batches spilled
  // to disk (the defaults, 4 MB and 64 MB, are sized for many small queries); for this transaction only.
  await c.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'; SET LOCAL maintenance_work_mem = '${IMPORT_MAINTENANCE_WORK_MEM}'`);
  await c.query(`CREATE TEMP TABLE ${STAGING} (${STAGING_COLUMNS}) ON COMMIT DROP`);
}

/**
 * Imports a CSV of the staging table's columns in received order (csv-load.ts) in one transaction, as the writer
 * commits: COPY into the staging table, then `onCommit`. On any failure the connection is dropped (the server rolls
 * back, even in the middle of a COPY); the caller releases it otherwise.
 */
export async function commitStagedCsv(c: Client, file: string, rollups: RollupFile[] | null, staged: number, outcome: ImportOutcome, onCommit: StagedCommit): Promise<ImportRecord> {
  await beginStaging(c);
  const copied = await copyCsvInto(c, STAGING, STAGING_NAMES.join(', '), file);
  if (copied !== staged) throw new Error(`The staged file held ${copied} rows where ${staged} were proven.`);
  // csv-load.ts writes the rows in received order: a temporary table is read back in the order it was written.
  const record = await onCommit(c, outcome, staged, { inOrder: true, rollups });
  await c.query('COMMIT');
  return record;
}

/**
 * Streams rows into a temporary staging table with COPY, inside one transaction opened with the writer: nothing
 * is visible to anyone until `commit`, and `abort` (or a crash) leaves no trace. `append` is synchronous, so rows a
 * caller produces without yielding pile up; past a backlog they go to a temporary file that is copied at the end.
 */
export class PgDossierWriter implements DossierWriter {
  private parts: string[] = [];
  private partChars = 0;
  private staged = 0;
  private copy: Writable | null = null;
  private copied: Promise<void> | null = null;
  private spill: { dir: string; fd: number } | null = null;
  private failure: unknown = null;
  /** No more rows are taken. */
  private done = false;
  /** The connection is back in the pool (or dropped). */
  private released = false;

  private constructor(
    private readonly c: Client,
    private readonly onCommit: StagedCommit,
  ) {}

  static async open(c: Client, onCommit: StagedCommit): Promise<PgDossierWriter> {
    try {
      await beginStaging(c);
    } catch (error) {
      await rollback(c);
      throw error;
    }
    return new PgDossierWriter(c, onCommit);
  }

  append(d: DossierRecord, line = 0): void {
    this.push(copyLine(d, line));
  }

  reserve(dossierId: string, line: number): void {
    this.push(`${text(dossierId)}${`\t${NULL}`.repeat(18)}\t${line}\n`);
  }

  private push(row: string): void {
    if (this.done) throw new Error('This import is already finished.');
    this.parts.push(row);
    this.partChars += row.length;
    this.staged += 1;
    if (this.partChars >= CHUNK_CHARS) this.ship(false);
  }

  private ship(final: boolean): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.partChars = 0;
    const copy = this.copy ?? this.startCopy();
    if (final || copy.writableLength < MAX_BACKLOG) copy.write(chunk);
    else this.spillWrite(chunk);
  }

  private startCopy(): Writable {
    const copy = this.c.query(copyFrom(`COPY ${STAGING} FROM STDIN`));
    this.copied = new Promise<void>((resolve) => {
      copy.on('finish', resolve);
      copy.on('error', (error) => {
        this.failure ??= error;
        resolve();
      });
    });
    this.copy = copy;
    return copy;
  }

  private spillWrite(chunk: string): void {
    if (!this.spill) {
      const dir = mkdtempSync(join(tmpdir(), 'chiso-staging-'));
      this.spill = { dir, fd: openSync(join(dir, 'rows.tsv'), 'w') };
    }
    writeSync(this.spill.fd, chunk);
  }

  /** Everything appended so far is in the staging table when this resolves. */
  private async flush(): Promise<void> {
    this.ship(true);
    if (this.copy) {
      this.copy.end();
      await this.copied;
      this.copy = null;
    }
    if (this.spill && !this.failure) {
      closeSync(this.spill.fd);
      const { dir } = this.spill;
      this.spill = null;
      try {
        await pipeline(createReadStream(join(dir, 'rows.tsv')), this.c.query(copyFrom(`COPY ${STAGING} FROM STDIN`)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    if (this.failure) throw this.failure;
  }

  async duplicates(limit: number): Promise<{ rows: DuplicateId[]; total: number }> {
    await this.flush();
    const { rows } = await this.c.query(
      `WITH repeated AS (SELECT dossier_id, min(line) AS first_line FROM ${STAGING} GROUP BY dossier_id HAVING count(*) > 1)
       SELECT s.dossier_id, s.line, r.first_line, count(*) OVER () AS total
         FROM ${STAGING} s JOIN repeated r USING (dossier_id)
        WHERE s.line > r.first_line
        ORDER BY s.line LIMIT $1`,
      [Math.trunc(limit)],
    );
    return { rows: rows.map((r) => ({ dossierId: String(r.dossier_id), line: num(r.line), firstLine: num(r.first_line) })), total: rows.length ? num(rows[0]?.total) : 0 };
  }

  async commit(outcome: ImportOutcome): Promise<ImportRecord> {
    if (this.released) throw new Error('This import is already finished.');
    try {
      await this.flush();
      this.done = true;
      const record = await this.onCommit(this.c, outcome, this.staged);
      await this.c.query('COMMIT');
      this.released = true;
      this.c.release();
      return record;
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  async abort(): Promise<void> {
    await this.discard();
  }

  private async discard(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.done = true;
    if (this.spill) {
      closeSync(this.spill.fd);
      rmSync(this.spill.dir, { recursive: true, force: true });
      this.spill = null;
    }
    if (this.copy) {
      // A connection in the middle of a COPY cannot roll back: dropping it makes the server roll back.
      this.copy = null;
      this.c.release(true);
    } else await rollback(this.c);
  }
}
