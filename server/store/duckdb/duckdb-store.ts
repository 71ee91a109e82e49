import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBMaterializedResult } from '@duckdb/node-api';
import type { DossierRecord } from '../../../shared/schemas/dossier';
import type { ImportRecord } from '../../../shared/schemas/import';
import type { Counts } from '../../../shared/schemas/measure';
import type { Target } from '../../../shared/schemas/target';
import type { Unit, UnitKind } from '../../../shared/schemas/unit';
import type { AuditInput, DossierCsvLoad, DossierWriter, ImportOutcome, OverdueRow, ProcedureCounts, Store, UnitBreakdown, StoredAccount, StoredDefinition, StoredLadder, Window, NewReport, NewCommitment, NewDecision, NewNotice, ValueKey } from '../port';
import { evidenceAudit } from '../port';
import type { MailStatus } from '../../../shared/domain/accountability';
import type { AccountabilityFilter } from '../../../shared/schemas/accountability';
import * as access from './access-tables';
import * as reports from './report-tables';
import * as indicators from './indicator-tables';
import * as accountability from './accountability-tables';
import { QD766_INDICATORS } from '../../../shared/kpi/definitions/qd766-catalogue';
import type { Indicator, IndicatorValue } from '../../../shared/domain/indicator';
import { MIGRATIONS } from './migrations';
import { COUNT_COLUMNS, DUCKDB, windowedDossiers, windowsCte } from './sql';
import { breakdownSql, breakdownsFromRows, countsByUnitSql, countsByWindowSql, countsFromRow, type CountsQuery, quantilesFromRow, unitBreakdownFromRows, unitBreakdownSql, type CountsPaths } from '../measure-sql';
import { DAY_MS, VN_OFFSET_MS } from '../../../shared/kpi/vn-time';
import { dayOf, keysTable, rebuildAll, rebuildFrom, refreshKeys, rollupDriftSql, spanOf, spanSql, SUMMARY_TABLES } from '../rollup-sql';
import { form06Counts } from './form06-sql';
import { dataChangesOf, dossierChangesSql, logDossierKeys, logNoDossierChange, type DataChanges } from '../data-changes';
import { countRows, rowObjects } from './row-objects';
import { stagedRollups, stagedTime, withStagedCsv } from './dossier-csv';
import { addStagedKeys, insertStagedDossiers } from '../staged-sql';

type Row = Record<string, unknown>;

export interface DuckDbOptions {
  /** DuckDB's memory limit, e.g. `512MB`. */
  memoryLimit?: string;
  threads?: number;
  /** Read connections in the pool; by default 4, or 2 when libuv has its default 4 threads. */
  readConnections?: number;
}

/**
 * A running DuckDB query holds one of libuv's threads, which password hashing, file reads and compression share:
 * the pool leaves at least half of them free (the server's entry point raises UV_THREADPOOL_SIZE to 16).
 */
const READ_CONNECTIONS = Number(process.env.UV_THREADPOOL_SIZE ?? 4) >= 8 ? 4 : 2;

/** The rows of a DuckDB row group, the unit its zone maps (least and greatest value of a column) describe. */
const ROW_GROUP_ROWS = 122_880;
const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown): string => new Date(num(v)).toISOString();

/**
 * Upserts units in bulk through a staging table: thousands of single-row INSERT OR REPLACE statements in one
 * transaction exhaust DuckDB's memory (the official list has 3,321 communes).
 */
async function writeUnits(c: DuckDBConnection, units: readonly Unit[]): Promise<void> {
  await c.run('CREATE OR REPLACE TEMP TABLE units_staging AS SELECT * FROM units LIMIT 0');
  const appender = await c.createAppender('units_staging');
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  for (const u of units) {
    appender.appendVarchar(u.code);
    appender.appendVarchar(u.name);
    text(u.nameEn);
    appender.appendVarchar(u.kind);
    text(u.parentCode);
    text(u.headName);
    text(u.headTitle);
    if (u.population === null) appender.appendNull();
    else appender.appendBigInt(BigInt(u.population));
    appender.endRow();
  }
  appender.closeSync();
  await c.run('DELETE FROM units WHERE code IN (SELECT code FROM units_staging)');
  await c.run('INSERT INTO units SELECT * FROM units_staging');
  await c.run('DROP TABLE units_staging');
}

async function deleteTargetIn(c: DuckDBConnection, t: Pick<Target, 'measure' | 'kind' | 'unitCode' | 'effectiveFrom'>): Promise<boolean> {
  const reader = await c.runAndReadAll(
    `DELETE FROM targets WHERE measure = $m AND kind IS NOT DISTINCT FROM $k AND unit_code IS NOT DISTINCT FROM $u AND effective_from = $f::DATE RETURNING measure`,
    { m: t.measure, k: t.kind, u: t.unitCode, f: t.effectiveFrom },
  );
  return reader.currentRowCount > 0;
}

/** Replaces the target with the same measure, scope and start date. */
async function writeTarget(c: DuckDBConnection, t: Target): Promise<void> {
  await deleteTargetIn(c, t);
  await c.run('INSERT INTO targets VALUES ($m, $k, $u, $t, $f::DATE, $d::DATE)', { m: t.measure, k: t.kind, u: t.unitCode, t: t.threshold, f: t.effectiveFrom, d: t.deadline });
}

/** Serialises writes: DuckDB allows one writer, and imports must not interleave. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export class DuckDbStore implements Store {
  private readonly writes = new Queue();
  private closed = false;
  /** Queries still running: closing the instance under them would crash the process. */
  private readonly inflight = new Set<Promise<unknown>>();
  readonly countsPaths: CountsPaths = { period: 0, rollup: 0, scan: 0 };
  /** False: count every window from dossiers, not from the per-day rollups (benchmarks compare the two). */
  useRollups = true;

  private constructor(
    private readonly instance: DuckDBInstance,
    /** Read connections: a connection runs one query at a time, so concurrent requests take the least busy one. */
    private readonly reads: DuckDBConnection[],
  ) {}

  /** The first read connection (migrations run on it). */
  private get read(): DuckDBConnection {
    return this.reads[0] as DuckDBConnection;
  }

  private readonly busy = new Map<DuckDBConnection, number>();

  private leastBusy(): DuckDBConnection {
    let best = this.read;
    for (const c of this.reads) if ((this.busy.get(c) ?? 0) < (this.busy.get(best) ?? 0)) best = c;
    return best;
  }

  static async open(path: string, options: DuckDbOptions = {}): Promise<DuckDbStore> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path, {
      memory_limit: options.memoryLimit ?? '512MB',
      threads: String(options.threads ?? 2),
    });
    const reads = await Promise.all(Array.from({ length: Math.max(1, options.readConnections ?? READ_CONNECTIONS) }, () => instance.connect()));
    const store = new DuckDbStore(instance, reads);
    await store.migrate();
    return store;
  }

  rows(sql: string, values?: Record<string, string | number | boolean | null>): Promise<Row[]> {
    return this.readAs(sql, values, rowObjects);
  }

  /** Runs a statement on the least busy read connection and reads its result with `as`. */
  private async readAs<T>(sql: string, values: Record<string, string | number | boolean | null> | undefined, as: (result: DuckDBMaterializedResult) => T): Promise<T> {
    if (this.closed) throw new Error('The database is closed.');
    const c = this.leastBusy();
    this.busy.set(c, (this.busy.get(c) ?? 0) + 1);
    const running = c.run(sql, values);
    this.inflight.add(running);
    try {
      return as(await running);
    } finally {
      this.inflight.delete(running);
      this.busy.set(c, (this.busy.get(c) ?? 1) - 1);
    }
  }

  private async migrate(): Promise<void> {
    await this.read.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const applied = new Set((await this.rows('SELECT version FROM schema_migrations')).map((r) => num(r.version)));
    for (const [i, sql] of MIGRATIONS.entries()) {
      if (applied.has(i + 1)) continue;
      await this.transaction(async (c) => {
        await c.run(sql);
        await c.run('INSERT INTO schema_migrations VALUES ($v)', { v: i + 1 });
      });
    }
    await this.transaction((c) => indicators.writeIndicators(c, QD766_INDICATORS, true));
  }

  /** Migrations this build knows and the database has not applied (0 when up to date). */
  async pendingMigrations(): Promise<number> {
    const [r] = await this.rows('SELECT count(*) AS applied FROM schema_migrations');
    return MIGRATIONS.length - num(r?.applied ?? 0);
  }

  /**
   * Moves the data version, inside the transaction that changes the data; `dossiers: 'untouched'` records that no
   * dossier changed (decision 029: a version that says nothing counts as having changed any).
   */
  private async dataChanged(c: DuckDBConnection, dossiers?: 'untouched'): Promise<void> {
    await c.run('UPDATE data_version SET v = v + 1');
    if (dossiers === 'untouched') for (const sql of logNoDossierChange()) await c.run(sql);
  }

  transaction<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      if (this.closed) throw new Error('The database is closed.');
      const c = await this.instance.connect();
      try {
        return await this.transactionOn(c, () => work(c));
      } finally {
        c.closeSync();
      }
    });
  }

  /**
   * Runs `work` on a connection of its own between writes, with no transaction opened for it: for a backup or a
   * restore of the whole database while the server holds it (server/backup.ts), which manage their own.
   */
  betweenWrites<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      if (this.closed) throw new Error('The database is closed.');
      const c = await this.instance.connect();
      try {
        return await work(c);
      } finally {
        c.closeSync();
      }
    });
  }

  private inTransaction<T>(c: DuckDBConnection, work: () => Promise<T>): Promise<T> {
    return this.writes.run(() => this.transactionOn(c, work));
  }

  private async transactionOn<T>(c: DuckDBConnection, work: () => Promise<T>): Promise<T> {
    await c.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await c.run('COMMIT');
      return result;
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
  }

  private async insertImport(c: DuckDBConnection, o: ImportOutcome): Promise<ImportRecord> {
    const finished = Date.now();
    const reader = await c.runAndReadAll(
      `INSERT INTO imports VALUES (nextval('import_ids'), $kind, $file, $rows, $outcome, $errors, $actor, epoch_ms($started::BIGINT), epoch_ms($finished::BIGINT)) RETURNING id`,
      { kind: o.kind, file: o.fileName, rows: o.rows, outcome: o.outcome, errors: o.errorCount, actor: o.actor, started: o.startedAt, finished },
    );
    const id = num((reader.getRowObjectsJS()[0] as Row).id);
    return { id, kind: o.kind, fileName: o.fileName, rows: o.rows, outcome: o.outcome, errorCount: o.errorCount, actor: o.actor, startedAt: iso(o.startedAt), finishedAt: iso(finished) };
  }

  async listUnits(): Promise<Unit[]> {
    const rows = await this.rows('SELECT * FROM units ORDER BY code');
    return rows.map((r) => ({
      code: String(r.code),
      name: String(r.name),
      nameEn: str(r.name_en),
      kind: r.kind as UnitKind,
      parentCode: str(r.parent_code),
      headName: str(r.head_name),
      headTitle: str(r.head_title),
      population: r.population === null ? null : num(r.population),
    }));
  }

  replaceUnits(units: readonly Unit[], outcome: ImportOutcome): Promise<ImportRecord> {
    return this.transaction(async (c) => {
      await writeUnits(c, units);
      await this.dataChanged(c, 'untouched');
      return this.insertImport(c, outcome);
    });
  }

  async listTargets(): Promise<Target[]> {
    const rows = await this.rows(
      `SELECT measure, kind, unit_code, threshold, strftime(effective_from, '%Y-%m-%d') AS effective_from,
              strftime(deadline, '%Y-%m-%d') AS deadline
         FROM targets ORDER BY effective_from, measure, kind, unit_code`,
    );
    return rows.map((r) => ({
      measure: r.measure as Target['measure'],
      kind: str(r.kind) as UnitKind | null,
      unitCode: str(r.unit_code),
      threshold: num(r.threshold),
      effectiveFrom: String(r.effective_from),
      deadline: str(r.deadline),
    }));
  }

  replaceTargets(targets: readonly Target[], outcome: ImportOutcome | null): Promise<ImportRecord | null> {
    return this.transaction(async (c) => {
      for (const t of targets) await writeTarget(c, t);
      await this.dataChanged(c, 'untouched');
      return outcome ? this.insertImport(c, outcome) : null;
    });
  }

  async openDossierWriter(): Promise<DossierWriter> {
    if (this.closed) throw new Error('The database is closed.');
    const c = await this.instance.connect();
    const staging = `staging_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e9)}`;
    await c.run(`CREATE TEMP TABLE ${staging} (
      dossier_id VARCHAR, unit_code VARCHAR, procedure_code VARCHAR, procedure_code_raw VARCHAR, procedure_name VARCHAR,
      channel VARCHAR, end_to_end BOOLEAN, received_ms DOUBLE, due_ms DOUBLE, completed_ms DOUBLE, returned_ms DOUBLE,
      status VARCHAR, status_raw VARCHAR, service_level INTEGER, e_result BOOLEAN, digitized BOOLEAN,
      fee_required BOOLEAN, paid_online BOOLEAN, counted BOOLEAN, line INTEGER)`);
    const appender = await c.createAppender(staging);
    const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
    const bool = (v: boolean | null) => (v === null ? appender.appendNull() : appender.appendBoolean(v));
    const double = (v: number | null) => (v === null ? appender.appendNull() : appender.appendDouble(v));
    let closed = false;
    const finish = () => {
      if (!closed) appender.closeSync();
      closed = true;
    };
    return {
      append: (d: DossierRecord, line = 0) => {
        appender.appendVarchar(d.dossierId);
        appender.appendVarchar(d.unitCode);
        appender.appendVarchar(d.procedureCode);
        appender.appendVarchar(d.procedureCodeRaw);
        text(d.procedureName);
        appender.appendVarchar(d.channel);
        appender.appendBoolean(d.endToEnd);
        appender.appendDouble(d.receivedAt);
        appender.appendDouble(d.dueAt);
        double(d.completedAt);
        double(d.returnedAt);
        text(d.status);
        text(d.statusRaw);
        if (d.serviceLevel === null) appender.appendNull();
        else appender.appendInteger(d.serviceLevel);
        bool(d.eResult);
        bool(d.digitized);
        bool(d.feeRequired);
        bool(d.paidOnline);
        appender.appendBoolean(d.status !== 'withdrawn' && d.status !== 'not_received');
        appender.appendInteger(line);
        appender.endRow();
      },
      reserve: (dossierId, line) => {
        appender.appendVarchar(dossierId);
        for (let i = 0; i < 18; i++) appender.appendNull();
        appender.appendInteger(line);
        appender.endRow();
      },
      duplicates: async (limit) => {
        appender.flushSync();
        const repeated = `SELECT dossier_id, line, min(line) OVER (PARTITION BY dossier_id) AS first_line FROM ${staging}
                           QUALIFY count(*) OVER (PARTITION BY dossier_id) > 1`;
        const reader = await c.runAndReadAll(`SELECT dossier_id, line, first_line, count(*) OVER () AS total FROM (${repeated}) WHERE line > first_line ORDER BY line LIMIT ${Math.trunc(limit)}`);
        const rows = reader.getRowObjectsJS() as Row[];
        return { rows: rows.map((r) => ({ dossierId: String(r.dossier_id), line: num(r.line), firstLine: num(r.first_line) })), total: rows.length ? num(rows[0]?.total) : 0 };
      },
      commit: async (outcome) => {
        finish();
        try {
          return await this.inTransaction(c, () => this.commitStaged(c, staging, outcome));
        } finally {
          await c.run(`DROP TABLE IF EXISTS ${staging}`);
          c.closeSync();
        }
      },
      abort: async () => {
        finish();
        await c.run(`DROP TABLE IF EXISTS ${staging}`);
        c.closeSync();
      },
    };
  }

  /**
   * Moves a staging table of the dossier writer's columns into dossiers, inside the caller's transaction, with the
   * rollups of what it changes, and records the import.
   */
  private async commitStaged(c: DuckDBConnection, staging: string, outcome: ImportOutcome): Promise<ImportRecord> {
    const stored = num((await c.runAndReadAll('SELECT count(*) AS n FROM dossier_rows')).getRowObjectsJS()[0]?.n ?? 0);
    const empty = stored === 0;
    // Stored so that each row group spans a short stretch of receipt and the received-time zone maps prune: a file out
    // of that order is sorted; one already in it is written as it lies, by parallel threads (see insertStagedDossiers).
    // In it means in runs of a row group's length on average: the SQL path stages a file in received order in a few
    // long runs of its lines (withStagedCsv); their ends cost the zone maps less than sorting would cost the import
    // (decision 035).
    const [order] = (await c.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (WHERE received_ms < before) AS descents
      FROM (SELECT received_ms, lag(received_ms) OVER (ORDER BY line) AS before FROM ${staging})`)).getRowObjectsJS() as Row[];
    const inOrder = num(order?.descents ?? 0) * ROW_GROUP_ROWS <= num(order?.n ?? 0);
    // Into an empty table, or a file with at least half as many rows as were stored: the rollups are rebuilt, which is
    // cheaper than key by key, and needs no keys.
    const rebuilt = empty || num(order?.n ?? 0) * 2 >= stored;
    const keys = `${staging}_keys`;
    if (rebuilt) {
      if (!empty) await c.run(`DELETE FROM dossier_rows WHERE dossier_id IN (SELECT dossier_id FROM ${staging})`);
    } else {
      // The rollups of the (unit, day) keys a replaced dossier leaves and the imported ones reach are recomputed. One
      // pass over the stored ids finds the replaced rows and their keys; they are deleted by row id.
      await c.run(keysTable(keys, 'VARCHAR'));
      await c.run(`CREATE TEMP TABLE ${keys}_gone AS SELECT r.rowid AS r, u.code AS unit_code, ${dayOf(DUCKDB, 'r.received_at')} AS day, r.counted
                     FROM dossier_rows r JOIN unit_keys u ON u.key = r.unit_key WHERE r.dossier_id IN (SELECT dossier_id FROM ${staging})`);
      await c.run(`INSERT INTO ${keys} SELECT DISTINCT unit_code, day FROM ${keys}_gone WHERE counted`);
      await c.run(`DELETE FROM dossier_rows WHERE rowid IN (SELECT r FROM ${keys}_gone)`);
      await c.run(`DROP TABLE ${keys}_gone`);
    }
    for (const sql of addStagedKeys(staging)) await c.run(sql);
    await c.run(insertStagedDossiers(staging, stagedTime, !inOrder, 'keyed'));
    if (empty) {
      // Into an empty table the staging table holds every dossier: the rollups are summed from it (in memory) rather
      // than from the rows just written, which this transaction reads back more slowly.
      const { d, source } = stagedRollups(staging);
      for (const sql of rebuildFrom(d, source)) await c.run(sql);
    } else if (rebuilt) for (const sql of rebuildAll(DUCKDB)) await c.run(sql);
    else {
      await c.run(`INSERT INTO ${keys} SELECT DISTINCT unit_code, ${dayOf(DUCKDB, stagedTime('received_ms'))} FROM ${staging} WHERE counted`);
      const span = spanOf((await c.runAndReadAll(spanSql(keys))).getRowObjectsJS()[0] as Row | undefined);
      for (const sql of refreshKeys(DUCKDB, keys, span)) await c.run(sql);
    }
    await this.dataChanged(c);
    // A rebuild says nothing of what changed; a key-by-key refresh logs its keys.
    if (!rebuilt) {
      for (const sql of logDossierKeys(keys)) await c.run(sql);
      await c.run(`DROP TABLE ${keys}`);
    }
    return this.insertImport(c, outcome);
  }

  async loadDossierCsv(load: DossierCsvLoad, outcome: (rows: number) => ImportOutcome): Promise<{ rows: number; record: ImportRecord } | { declined: string }> {
    if (this.closed) throw new Error('The database is closed.');
    const c = await this.instance.connect();
    try {
      return await withStagedCsv(c, load, async (staging, rows) => ({ rows, record: await this.inTransaction(c, () => this.commitStaged(c, staging, outcome(rows))) }));
    } finally {
      c.closeSync();
    }
  }

  recordImport(outcome: ImportOutcome): Promise<ImportRecord> {
    return this.transaction((c) => this.insertImport(c, outcome));
  }

  async listImports(limit: number): Promise<ImportRecord[]> {
    const rows = await this.rows(
      `SELECT id, kind, file_name, row_count, outcome, error_count, actor, epoch_ms(started_at) AS s, epoch_ms(finished_at) AS f
         FROM imports ORDER BY id DESC LIMIT $limit`,
      { limit },
    );
    return rows.map((r) => ({
      id: num(r.id), kind: r.kind as ImportRecord['kind'], fileName: String(r.file_name), rows: num(r.row_count),
      outcome: r.outcome as ImportRecord['outcome'], errorCount: num(r.error_count), actor: str(r.actor), startedAt: iso(r.s), finishedAt: iso(r.f),
    }));
  }

  async receivedRange(): Promise<{ first: number; last: number } | null> {
    // The first and last received segments (at most 7 days each) are in the rollups: only their dossiers are read
    // (decision 022).
    const dayStart = (day: string) => `make_timestamp((${day}::BIGINT * ${DAY_MS} - ${VN_OFFSET_MS}) * 1000)`;
    const onDay = (day: string) => `counted AND received_at >= ${dayStart(day)} AND received_at < ${dayStart(`(${day} + 7)`)}`;
    const [r] = await this.rows(`WITH b AS (SELECT min(day) AS lo, max(day) AS hi FROM dossier_days)
      SELECT (SELECT epoch_ms(min(received_at)) FROM dossiers, b WHERE ${onDay('b.lo')}) AS first,
             (SELECT epoch_ms(max(received_at)) FROM dossiers, b WHERE ${onDay('b.hi')}) AS last`);
    return r && r.first !== null ? { first: num(r.first), last: num(r.last) } : null;
  }

  async dataVersion(): Promise<number> {
    const [r] = await this.rows('SELECT v FROM data_version');
    return num(r?.v ?? 0);
  }

  async dataChanges(from: number, to: number): Promise<DataChanges | null> {
    return dataChangesOf(await this.rows(dossierChangesSql(from, to)), from, to);
  }

  countsByUnit(windows: readonly Window[], unitCodes?: readonly string[]): Promise<Map<string, (Counts | undefined)[]>> {
    return countsByUnitSql(this.countsQuery(windows, unitCodes));
  }

  countsByWindow(windows: readonly Window[], unitCodes?: readonly string[]): Promise<Map<string, Counts>[]> {
    return countsByWindowSql(this.countsQuery(windows, unitCodes));
  }

  private countsQuery(windows: readonly Window[], unitCodes: readonly string[] | undefined): CountsQuery {
    const values = unitCodes ? { units: JSON.stringify(unitCodes) } : undefined;
    return {
      d: DUCKDB,
      windows,
      unitFilter: unitCodes ? 'unit_code IN (SELECT unnest($units::VARCHAR[]))' : 'TRUE',
      run: (sql, sink) => this.readAs(sql, values, (result) => countRows(result, sink)),
      paths: this.countsPaths,
      useRollups: this.useRollups,
    };
  }

  /** Rows by which the per-day rollups differ from a rebuild from dossiers: 0 when they are exact. */
  async rollupDrift(): Promise<number> {
    const [r] = await this.rows(rollupDriftSql(DUCKDB));
    return num(r?.drift ?? 0);
  }

  async procedureCounts(unitCode: string, window: Window): Promise<ProcedureCounts[]> {
    const rows = await this.rows(
      `WITH ${windowsCte([window])}
       SELECT d.procedure_code, max(d.procedure_name) AS procedure_name, ${COUNT_COLUMNS}
         FROM ${windowedDossiers([window], 'unit_code = $unit')}
        GROUP BY d.procedure_code`,
      { unit: unitCode },
    );
    return rows.map((r) => ({ procedureCode: String(r.procedure_code), procedureName: str(r.procedure_name), counts: countsFromRow(r) }));
  }

  async processingQuantiles(unitCode: string, window: Window): Promise<{ median: number | null; p90: number | null }> {
    const [r] = await this.rows(
      `WITH ${windowsCte([window])}
       SELECT quantile_cont(ms, 0.5) AS median, quantile_cont(ms, 0.9) AS p90 FROM (
         SELECT (epoch_ms(d.completed_at) - epoch_ms(d.received_at))::DOUBLE AS ms
           FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
          WHERE d.counted AND d.unit_code = $unit AND d.completed_at <= w.e)`,
      { unit: unitCode },
    );
    return quantilesFromRow(r);
  }

  async overdueDossiers(unitCode: string, window: Window, limit: number): Promise<OverdueRow[]> {
    const rows = await this.rows(
      `WITH ${windowsCte([window])}
       SELECT d.dossier_id, d.procedure_code, d.procedure_name, epoch_ms(d.received_at) AS r, epoch_ms(d.due_at) AS due
         FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
        WHERE d.counted AND d.unit_code = $unit AND (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e
        ORDER BY d.due_at, d.dossier_id LIMIT $limit`,
      { unit: unitCode, limit },
    );
    return rows.map((r) => ({ dossierId: String(r.dossier_id), procedureCode: String(r.procedure_code), procedureName: str(r.procedure_name), receivedAt: num(r.r), dueAt: num(r.due) }));
  }

  async unitBreakdown(unitCode: string, window: Window, limit: number): Promise<UnitBreakdown> {
    return unitBreakdownFromRows(await this.rows(unitBreakdownSql(DUCKDB, window, '$unit', limit), { unit: unitCode }));
  }

  async unitBreakdowns(window: Window, limit: number): Promise<Map<string, UnitBreakdown>> {
    const sql = breakdownSql(DUCKDB, window, limit);
    const [procedures, quantiles, overdue] = await Promise.all([this.rows(sql.procedures), this.rows(sql.quantiles), this.rows(sql.overdue)]);
    return breakdownsFromRows(procedures, quantiles, overdue);
  }

  form06Counts(window: Window, unitCodes?: readonly string[]) {
    return form06Counts(this, window, unitCodes);
  }

  getAccount(username: string) {
    return access.getAccount(this, username);
  }
  listAccounts() {
    return access.listAccounts(this);
  }
  saveAccount(account: StoredAccount, entry: AuditInput | null) {
    return access.saveAccount(this, account, entry);
  }
  createSession(tokenHash: string, username: string, now: number, expiresAt: number) {
    return access.createSession(this, tokenHash, username, now, expiresAt);
  }
  findSession(tokenHash: string) {
    return access.findSession(this, tokenHash);
  }
  deleteSession(tokenHash: string) {
    return access.deleteSession(this, tokenHash);
  }
  deleteSessionsOf(username: string) {
    return access.deleteSessionsOf(this, username);
  }
  audit(entry: AuditInput) {
    return this.transaction((c) => access.appendAudit(c, entry));
  }
  listAudit(limit: number, offset: number) {
    return access.listAudit(this, limit, offset);
  }
  saveUnit(unit: Unit, entry: AuditInput) {
    return this.transaction(async (c) => {
      await writeUnits(c, [unit]);
      await this.dataChanged(c, 'untouched');
      await access.appendAudit(c, entry);
    });
  }
  upsertTarget(target: Target, entry: AuditInput) {
    return this.transaction(async (c) => {
      await writeTarget(c, target);
      await this.dataChanged(c, 'untouched');
      await access.appendAudit(c, entry);
    });
  }
  deleteTarget(target: Pick<Target, 'measure' | 'kind' | 'unitCode' | 'effectiveFrom'>, entry: AuditInput) {
    return this.transaction(async (c) => {
      const removed = await deleteTargetIn(c, target);
      if (removed) {
        await this.dataChanged(c, 'untouched');
        await access.appendAudit(c, entry);
      }
      return removed;
    });
  }

  listIndicators() {
    return indicators.listIndicators(this);
  }
  saveIndicators(list: readonly Indicator[], outcome: ImportOutcome | null, entry: AuditInput | null) {
    return this.transaction(async (c) => {
      await indicators.writeIndicators(c, list);
      await this.dataChanged(c, 'untouched');
      if (entry) await access.appendAudit(c, entry);
      return outcome ? this.insertImport(c, outcome) : null;
    });
  }
  listIndicatorValues() {
    return indicators.listIndicatorValues(this);
  }
  indicatorValuesDigest() {
    return indicators.indicatorValuesDigest(this);
  }
  replaceIndicatorValues(values: readonly IndicatorValue[], outcome: ImportOutcome, actor: string | null) {
    return this.transaction(async (c) => {
      await indicators.writeIndicatorValues(c, values, actor);
      await this.dataChanged(c, 'untouched');
      return this.insertImport(c, outcome);
    });
  }
  listDefinitions() {
    return indicators.listDefinitions(this);
  }
  listValueRecords(filter: { unitCode: string | null; period: string | null }) {
    return indicators.listValueRecords(this, filter.unitCode, filter.period);
  }
  listValueHistory(unitCode: string, indicator: string | null) {
    return indicators.listValueHistory(this, unitCode, indicator);
  }
  submitIndicatorValue(value: IndicatorValue, actor: string | null, entry: AuditInput) {
    return this.transaction(async (c) => {
      await indicators.writeIndicatorValues(c, [value], actor);
      await this.dataChanged(c, 'untouched');
      await access.appendAudit(c, entry);
    });
  }
  returnIndicatorValue(key: ValueKey, comment: string, actor: string | null, entry: AuditInput) {
    return this.transaction(async (c) => {
      const done = await indicators.returnValue(c, key, comment, actor);
      if (done) {
        await this.dataChanged(c, 'untouched');
        await access.appendAudit(c, entry);
      }
      return done;
    });
  }
  attachEvidence(key: ValueKey, file: { fileName: string; contentType: string; content: Buffer }, actor: string | null, entry: AuditInput) {
    return this.transaction(async (c) => {
      const attached = await indicators.attachEvidence(c, key, file, actor);
      if (attached) {
        await this.dataChanged(c, 'untouched');
        await access.appendAudit(c, evidenceAudit(entry, attached));
      }
      return attached;
    });
  }
  evidenceContent(id: number) {
    return indicators.evidenceContent(this, id);
  }
  saveDefinition(definition: Omit<StoredDefinition, 'createdAt'>, entry: AuditInput) {
    return this.transaction(async (c) => {
      await indicators.insertDefinition(c, definition);
      await this.dataChanged(c, 'untouched');
      await access.appendAudit(c, entry);
    });
  }

  saveReport(report: NewReport, content: Buffer) {
    return this.transaction((c) => reports.saveReport(c, report, content));
  }
  listReports() {
    return reports.listReports(this);
  }
  reportContent(id: number) {
    return reports.reportContent(this, id);
  }
  claimRun(key: string, by: string) {
    return this.transaction((c) => reports.claimRun(c, key, by));
  }

  releaseRun(key: string, by: string) {
    return this.transaction((c) => reports.releaseRun(c, key, by));
  }

  addCommitment(commitment: NewCommitment, entry: AuditInput) {
    return accountability.addCommitment(this, commitment, entry);
  }
  listCommitments(filter: AccountabilityFilter) {
    return accountability.listCommitments(this, filter);
  }
  addDecision(decision: NewDecision, entry: AuditInput) {
    return accountability.addDecision(this, decision, entry);
  }
  listDecisions(filter: AccountabilityFilter) {
    return accountability.listDecisions(this, filter);
  }
  addNotices(notices: readonly NewNotice[]) {
    return accountability.addNotices(this, notices);
  }
  listNotices(recipient: string, limit: number) {
    return accountability.listNotices(this, recipient, limit);
  }
  recordDelivery(id: number, status: MailStatus, attempts: number, leaseUntil?: number) {
    return accountability.recordDelivery(this, id, status, attempts, leaseUntil);
  }
  claimNotices(by: string, now: number, leaseUntil: number) {
    return accountability.claimNotices(this, by, now, leaseUntil);
  }
  releaseNotices(by: string) {
    return accountability.releaseNotices(this, by);
  }
  listLadders() {
    return accountability.listLadders(this);
  }
  saveLadder(ladder: Pick<StoredLadder, 'effectiveFrom' | 'json' | 'createdBy'>, entry: AuditInput) {
    return this.transaction(async (c) => {
      const stored = await accountability.insertLadder(c, ladder, entry, Date.now());
      await this.dataChanged(c, 'untouched');
      return stored;
    });
  }

  async getMeta(key: string): Promise<string | null> {
    const [r] = await this.rows('SELECT value FROM meta WHERE key = $key', { key });
    return r ? String(r.value) : null;
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.transaction(async (c) => {
      await c.run('INSERT OR REPLACE INTO meta VALUES ($key, $value)', { key, value });
      await this.dataChanged(c);
    });
  }

  clearData(): Promise<void> {
    return this.transaction(async (c) => {
      await c.run('DELETE FROM dossier_rows; DELETE FROM unit_keys; DELETE FROM procedure_keys; DELETE FROM targets; DELETE FROM units; DELETE FROM meta; DELETE FROM sessions; DELETE FROM users WHERE demo; DELETE FROM indicator_values; DELETE FROM indicator_value_history;');
      await c.run('DELETE FROM indicator_evidence; DELETE FROM evidence_files;');
      await c.run('DELETE FROM commitments; DELETE FROM decisions; DELETE FROM notices;');
      for (const table of SUMMARY_TABLES) await c.run(`DELETE FROM ${table}`);
      await this.dataChanged(c);
    });
  }

  /** Refuses new work, waits for what is running, then closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.run(async () => undefined);
    await Promise.allSettled([...this.inflight]);
    for (const c of this.reads) c.closeSync();
    this.instance.closeSync();
  }
}
