import { dataChangesOf, dossierChangesSql, type DataChanges } from '../data-changes';
import { SUMMARY_TABLES } from '../rollup-sql';
import type { MailStatus } from '../../../shared/domain/accountability';
import type { Indicator, IndicatorValue } from '../../../shared/domain/indicator';
import { QD766_INDICATORS } from '../../../shared/kpi/definitions/qd766-catalogue';
import type { AccountabilityFilter } from '../../../shared/schemas/accountability';
import type { ImportRecord } from '../../../shared/schemas/import';
import type { Target } from '../../../shared/schemas/target';
import type { Unit } from '../../../shared/schemas/unit';
import type {
  AuditInput, DossierCsvLoad, DossierWriter, ImportOutcome, NewCommitment, NewDecision, NewNotice, NewReport, Store, StoredAccount, StoredDefinition, StoredLadder, ValueKey, Window,
} from '../port';
import { evidenceAudit } from '../port';
import * as access from './access-tables';
import * as accountability from './accountability-tables';
import * as data from './data-tables';
import { replaceDossiers } from './dossier-table';
import { commitStagedCsv, PgDossierWriter, type StagedCommit } from './dossier-writer';
import { stageCsvForCopy } from './csv-load';
import { form06Counts } from './form06-sql';
import * as indicators from './indicator-tables';
import * as measures from './measure-queries';
import { PG_MIGRATIONS } from './migrations';
import { PgDb, type Client } from './pg-db';
import * as reports from './report-tables';
import { LOCKS, num } from './sql';

export interface PostgresOptions {
  /** Connections per process (default 10). */
  poolSize?: number;
  /** Memory an import's parsing may hold before it spills to disk (`CHISO_DB_MEMORY`; default 512MB). */
  parseMemory?: string;
}

/** An import's staged dossiers into the tables, in its transaction: the data version, the rows and their rollups. */
const commitDossiers: StagedCommit = async (c, outcome, staged, handed) => {
  await data.dataChanged(c);
  return replaceDossiers(c, outcome, staged, data.insertImport, handed);
};

/**
 * The storage port on PostgreSQL, for a shared deployment: several processes on one database. Everything a
 * process would otherwise keep to itself is in the database (sessions, schedule claims, the data version), and
 * every write that two processes could make at once is serialised by a lock.
 */
export class PostgresStore implements Store {
  private constructor(
    private readonly db: PgDb,
    private readonly parseMemory: string,
  ) {}

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(PgDb.connect(url, options.poolSize ?? 10), options.parseMemory ?? '512MB');
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** Rows of a read-only statement, as DuckDbStore.rows: for tests and benchmarks that look under the port. */
  rows(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.db.query(sql, params);
  }

  private async migrate(): Promise<void> {
    await this.db.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrations]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
      const { rows } = await c.query('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => num(r.version)));
      for (const [i, sql] of PG_MIGRATIONS.entries()) {
        if (applied.has(i + 1)) continue;
        await c.query(sql);
        await c.query('INSERT INTO schema_migrations VALUES ($1)', [i + 1]);
      }
      await indicators.writeIndicators(c, QD766_INDICATORS, true);
    });
  }

  /** Migrations this build knows and the database has not applied (0 when up to date). */
  async pendingMigrations(): Promise<number> {
    const [r] = await this.db.query('SELECT count(*)::INTEGER AS applied FROM schema_migrations');
    return PG_MIGRATIONS.length - num(r?.applied ?? 0);
  }

  private dataTransaction<T>(work: (c: Client) => Promise<T>, dossiers?: 'untouched'): Promise<T> {
    return this.db.transaction(async (c) => {
      await data.dataChanged(c, dossiers);
      return work(c);
    });
  }

  /** A data transaction that changes no dossier (units, targets, indicators, definitions, ladders). */
  private otherDataTransaction<T>(work: (c: Client) => Promise<T>): Promise<T> {
    return this.dataTransaction(work, 'untouched');
  }

  listUnits() {
    return data.listUnits(this.db);
  }

  replaceUnits(units: readonly Unit[], outcome: ImportOutcome): Promise<ImportRecord> {
    return this.otherDataTransaction(async (c) => {
      await data.writeUnits(c, units);
      return data.insertImport(c, outcome);
    });
  }

  listTargets() {
    return data.listTargets(this.db);
  }

  replaceTargets(targets: readonly Target[], outcome: ImportOutcome | null): Promise<ImportRecord | null> {
    return this.otherDataTransaction(async (c) => {
      for (const t of targets) await data.writeTarget(c, t);
      return outcome ? data.insertImport(c, outcome) : null;
    });
  }

  async openDossierWriter(): Promise<DossierWriter> {
    const c = await this.db.checkout();
    return PgDossierWriter.open(c, commitDossiers);
  }

  async loadDossierCsv(load: DossierCsvLoad, outcome: (rows: number) => ImportOutcome): Promise<{ rows: number; record: ImportRecord } | { declined: string }> {
    // Into an empty table the rollups are summed by the parsing instance too (used only if the table is still
    // empty inside the import's transaction).
    const [stored] = await this.db.query('SELECT EXISTS (SELECT 1 FROM dossiers) AS any');
    return stageCsvForCopy(load, this.parseMemory, stored?.any !== true, async (file, rollups, rows) => {
      const c = await this.db.checkout();
      try {
        const record = await commitStagedCsv(c, file, rollups, rows, outcome(rows), commitDossiers);
        c.release();
        return record;
      } catch (error) {
        c.release(error instanceof Error ? error : true);
        throw error;
      }
    });
  }

  recordImport(outcome: ImportOutcome): Promise<ImportRecord> {
    return this.db.transaction((c) => data.insertImport(c, outcome));
  }

  listImports(limit: number) {
    return data.listImports(this.db, limit);
  }

  receivedRange() {
    return measures.receivedRange(this.db);
  }

  /** One indexed single-row read: asked once per request by every process to know whether its caches still hold. */
  async dataVersion(): Promise<number> {
    const [r] = await this.db.query('SELECT v FROM data_version WHERE id = 1');
    return num(r?.v ?? 0);
  }

  async dataChanges(from: number, to: number): Promise<DataChanges | null> {
    return dataChangesOf(await this.db.query(dossierChangesSql(from, to)), from, to);
  }

  readonly countsPaths = { period: 0, rollup: 0, scan: 0 };
  countsByUnit(windows: readonly Window[], unitCodes?: readonly string[]) {
    return measures.countsByUnit(this.db, windows, this.countsPaths, unitCodes);
  }

  countsByWindow(windows: readonly Window[], unitCodes?: readonly string[]) {
    return measures.countsByWindow(this.db, windows, this.countsPaths, unitCodes);
  }
  rollupDrift() {
    return measures.rollupDrift(this.db);
  }
  procedureCounts(unitCode: string, window: Window) {
    return measures.procedureCounts(this.db, unitCode, window);
  }
  processingQuantiles(unitCode: string, window: Window) {
    return measures.quantiles(this.db, unitCode, window);
  }
  overdueDossiers(unitCode: string, window: Window, limit: number) {
    return measures.overdueDossiers(this.db, unitCode, window, limit);
  }
  unitBreakdown(unitCode: string, window: Window, limit: number) {
    return measures.unitBreakdown(this.db, unitCode, window, limit);
  }
  unitBreakdowns(window: Window, limit: number) {
    return measures.unitBreakdowns(this.db, window, limit);
  }
  form06Counts(window: Window, unitCodes?: readonly string[]) {
    return form06Counts(this.db, window, unitCodes);
  }

  getAccount(username: string) {
    return access.getAccount(this.db, username);
  }
  listAccounts() {
    return access.listAccounts(this.db);
  }
  saveAccount(account: StoredAccount, entry: AuditInput | null) {
    return access.saveAccount(this.db, account, entry);
  }
  createSession(tokenHash: string, username: string, now: number, expiresAt: number) {
    return access.createSession(this.db, tokenHash, username, now, expiresAt);
  }
  findSession(tokenHash: string) {
    return access.findSession(this.db, tokenHash);
  }
  deleteSession(tokenHash: string) {
    return access.deleteSession(this.db, tokenHash);
  }
  deleteSessionsOf(username: string) {
    return access.deleteSessionsOf(this.db, username);
  }
  audit(entry: AuditInput) {
    return this.db.transaction((c) => access.appendAudit(c, entry));
  }
  listAudit(limit: number, offset: number) {
    return access.listAudit(this.db, limit, offset);
  }
  saveUnit(unit: Unit, entry: AuditInput) {
    return this.otherDataTransaction(async (c) => {
      await data.writeUnits(c, [unit]);
      await access.appendAudit(c, entry);
    });
  }
  upsertTarget(target: Target, entry: AuditInput) {
    return this.otherDataTransaction(async (c) => {
      await data.writeTarget(c, target);
      await access.appendAudit(c, entry);
    });
  }
  deleteTarget(target: Pick<Target, 'measure' | 'kind' | 'unitCode' | 'effectiveFrom'>, entry: AuditInput) {
    return this.db.transaction(async (c) => {
      await data.lockData(c);
      const removed = await data.deleteTargetIn(c, target);
      if (removed) {
        await data.dataChanged(c, 'untouched');
        await access.appendAudit(c, entry);
      }
      return removed;
    });
  }

  listIndicators() {
    return indicators.listIndicators(this.db);
  }
  saveIndicators(list: readonly Indicator[], outcome: ImportOutcome | null, entry: AuditInput | null) {
    return this.otherDataTransaction(async (c) => {
      await indicators.writeIndicators(c, list);
      if (entry) await access.appendAudit(c, entry);
      return outcome ? data.insertImport(c, outcome) : null;
    });
  }
  listIndicatorValues() {
    return indicators.listIndicatorValues(this.db);
  }
  indicatorValuesDigest() {
    return indicators.indicatorValuesDigest(this.db);
  }
  replaceIndicatorValues(values: readonly IndicatorValue[], outcome: ImportOutcome, actor: string | null) {
    return this.otherDataTransaction(async (c) => {
      await indicators.writeIndicatorValues(c, values, actor);
      return data.insertImport(c, outcome);
    });
  }
  listDefinitions() {
    return indicators.listDefinitions(this.db);
  }
  listValueRecords(filter: { unitCode: string | null; period: string | null }) {
    return indicators.listValueRecords(this.db, filter.unitCode, filter.period);
  }
  listValueHistory(unitCode: string, indicator: string | null) {
    return indicators.listValueHistory(this.db, unitCode, indicator);
  }
  submitIndicatorValue(value: IndicatorValue, actor: string | null, entry: AuditInput) {
    return this.otherDataTransaction(async (c) => {
      await indicators.writeIndicatorValues(c, [value], actor);
      await access.appendAudit(c, entry);
    });
  }
  returnIndicatorValue(key: ValueKey, comment: string, actor: string | null, entry: AuditInput) {
    return this.db.transaction(async (c) => {
      await data.lockData(c);
      const done = await indicators.returnValue(c, key, comment, actor);
      if (done) {
        await data.dataChanged(c, 'untouched');
        await access.appendAudit(c, entry);
      }
      return done;
    });
  }
  attachEvidence(key: ValueKey, file: { fileName: string; contentType: string; content: Buffer }, actor: string | null, entry: AuditInput) {
    return this.db.transaction(async (c) => {
      await data.lockData(c);
      const attached = await indicators.attachEvidence(c, key, file, actor);
      if (attached) {
        await data.dataChanged(c, 'untouched');
        await access.appendAudit(c, evidenceAudit(entry, attached));
      }
      return attached;
    });
  }
  evidenceContent(id: number) {
    return indicators.evidenceContent(this.db, id);
  }
  saveDefinition(definition: Omit<StoredDefinition, 'createdAt'>, entry: AuditInput) {
    return this.otherDataTransaction(async (c) => {
      await indicators.insertDefinition(c, definition);
      await access.appendAudit(c, entry);
    });
  }

  saveReport(report: NewReport, content: Buffer) {
    return this.db.transaction((c) => reports.saveReport(c, report, content));
  }
  listReports() {
    return reports.listReports(this.db);
  }
  reportContent(id: number) {
    return reports.reportContent(this.db, id);
  }
  claimRun(key: string, by: string) {
    return reports.claimRun(this.db, key, by);
  }

  releaseRun(key: string, by: string) {
    return reports.releaseRun(this.db, key, by);
  }

  addCommitment(commitment: NewCommitment, entry: AuditInput) {
    return accountability.addCommitment(this.db, commitment, entry);
  }
  listCommitments(filter: AccountabilityFilter) {
    return accountability.listCommitments(this.db, filter);
  }
  addDecision(decision: NewDecision, entry: AuditInput) {
    return accountability.addDecision(this.db, decision, entry);
  }
  listDecisions(filter: AccountabilityFilter) {
    return accountability.listDecisions(this.db, filter);
  }
  addNotices(notices: readonly NewNotice[]) {
    return accountability.addNotices(this.db, notices);
  }
  listNotices(recipient: string, limit: number) {
    return accountability.listNotices(this.db, recipient, limit);
  }
  recordDelivery(id: number, status: MailStatus, attempts: number, leaseUntil?: number) {
    return accountability.recordDelivery(this.db, id, status, attempts, leaseUntil);
  }
  claimNotices(by: string, now: number, leaseUntil: number) {
    return accountability.claimNotices(this.db, by, now, leaseUntil);
  }
  releaseNotices(by: string) {
    return accountability.releaseNotices(this.db, by);
  }
  listLadders() {
    return accountability.listLadders(this.db);
  }
  saveLadder(ladder: Pick<StoredLadder, 'effectiveFrom' | 'json' | 'createdBy'>, entry: AuditInput) {
    return this.otherDataTransaction((c) => accountability.insertLadder(c, ladder, entry, Date.now()));
  }

  async getMeta(key: string): Promise<string | null> {
    const [r] = await this.db.query('SELECT value FROM meta WHERE key = $1', [key]);
    return r ? String(r.value) : null;
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.dataTransaction(async (c) => {
      await c.query('INSERT INTO meta VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    });
  }

  clearData(): Promise<void> {
    return this.dataTransaction(async (c) => {
      await c.query(`TRUNCATE dossiers, ${SUMMARY_TABLES.join(', ')}`);
      await c.query('DELETE FROM targets; DELETE FROM units; DELETE FROM meta; DELETE FROM sessions; DELETE FROM users WHERE demo; DELETE FROM indicator_values; DELETE FROM indicator_value_history;');
      await c.query('DELETE FROM indicator_evidence; DELETE FROM evidence_files;');
      await c.query('DELETE FROM commitments; DELETE FROM decisions; DELETE FROM notices;');
    });
  }

  /** Refuses new work, waits for what is running, then closes. */
  close(): Promise<void> {
    return this.db.close();
  }
}
