import type { DataChanges } from './data-changes';
import type { DossierRecord } from '../../shared/schemas/dossier';
import type { Counts } from '../../shared/schemas/measure';
import type { Form06Counts } from '../../shared/schemas/form06';
import type { Target } from '../../shared/schemas/target';
import type { Unit } from '../../shared/schemas/unit';
import type { ImportRecord } from '../../shared/schemas/import';
import type { Account, AuditEntry } from '../../shared/schemas/account';
import type { ReportRecord } from '../../shared/schemas/report';
import type { Indicator, IndicatorValue } from '../../shared/domain/indicator';
import type { MailStatus, NoticeKind } from '../../shared/domain/accountability';
import type { AccountabilityFilter, Commitment, Decision, Language } from '../../shared/schemas/accountability';

/** A span [start, cutOff) of received times, with the cut-off at which dossiers are judged. */
export interface Window {
  start: number;
  cutOff: number;
}

export interface ProcedureCounts {
  procedureCode: string;
  procedureName: string | null;
  counts: Counts;
}

export interface OverdueRow {
  dossierId: string;
  procedureCode: string;
  procedureName: string | null;
  receivedAt: number;
  dueAt: number;
}

/** What a unit page shows beyond its counts, for one unit and window (Store.unitBreakdowns). */
export interface UnitBreakdown {
  procedures: ProcedureCounts[];
  quantiles: { median: number | null; p90: number | null };
  /** The first overdue dossiers by due time, then id. */
  overdue: OverdueRow[];
}

export interface ImportOutcome {
  kind: ImportRecord['kind'];
  fileName: string;
  rows: number;
  outcome: ImportRecord['outcome'];
  errorCount: number;
  actor: string | null;
  startedAt: number;
}

export interface DuplicateId {
  dossierId: string;
  line: number;
  firstLine: number;
}

/** Receives validated dossiers; nothing is visible to readers until `commit`. */
export interface DossierWriter {
  /** `line` is where the dossier stands in its file (0 when it has none). */
  append(record: DossierRecord, line?: number): void;
  /** Notes the id of a row that failed validation, so that duplicates are still found; such a writer is never committed. */
  reserve(dossierId: string, line: number): void;
  /** Dossier ids appended or reserved more than once, each later line with the first one, in line order. */
  duplicates(limit: number): Promise<{ rows: DuplicateId[]; total: number }>;
  commit(outcome: ImportOutcome): Promise<ImportRecord>;
  abort(): Promise<void>;
}

/**
 * A UTF-8 dossier CSV whose bytes the import has found plain (server/import/dossier-csv.ts, decision 026): an engine
 * may parse it and check its rows in SQL, and declines — the row parser then decides — unless it proves every row
 * valid.
 */
export interface DossierCsvLoad {
  path: string;
  delimiter: string;
  /** Records before the header row. */
  skip: number;
  /** The header row as the row parser reads it. */
  header: readonly string[];
  /** The recognised fields and their 0-based columns. */
  columns: ReadonlyMap<string, number>;
  /** The latest instant a received, completed or returned time may have. */
  latest: number;
  /** The longest dossier id the row parser takes. */
  idMax: number;
  /** The most distinct cells of one column worth sending to `resolve`. */
  maxDistinct: number;
  /**
   * The byte checks of the file (UTF-8, NUL bytes, quoting, line ends, the row limit), run while the engine reads
   * it: null when they pass, else why the SQL path declines. The engine commits nothing before they have passed.
   */
  bytes: Promise<string | null>;
  /** The row parser's reading of distinct cells of one field, as the engine read them: null for a refused cell. */
  resolve(field: string, cells: readonly string[]): (ResolvedCell | null)[];
}

/** One cell read by the row parser: the meaning of each part depends on the field (dossier-csv.ts). */
export interface ResolvedCell {
  text: string | null;
  raw: string | null;
  num: number | null;
  bool: boolean | null;
}

export interface StoredAccount extends Account {
  passwordHash: string;
}

export interface SessionRow {
  username: string;
  expiresAt: number;
}

export type AuditInput = Omit<AuditEntry, 'id' | 'at'>;

/** Which reported value: an indicator, a unit and a period. */
export interface ValueKey {
  indicator: string;
  unitCode: string;
  period: string;
}

/** A file a unit attached to a reported value as its evidence (decision 024): what it is, not its bytes. */
/** The audit entry of an attached evidence file: `after` names the stored file (both engines write this). */
export function evidenceAudit(entry: AuditInput, file: EvidenceFile): AuditInput {
  return { ...entry, after: JSON.stringify({ id: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256 }) };
}

export interface EvidenceFile {
  id: number;
  fileName: string;
  /** Decided from the content, never from what the uploader said. */
  contentType: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  at: string;
  actor: string | null;
}

/** A reported value with where it stands in the reporting round, and who last touched it when. */
export interface ValueRecord extends IndicatorValue {
  state: 'submitted' | 'returned';
  comment: string | null;
  at: string;
  actor: string | null;
  /** The evidence attached to the value (in the history: the one it had at that version), or null. */
  evidence: EvidenceFile | null;
}

/** A report to store: its record, and the whole index definition it was computed with. */
export type NewReport = Omit<ReportRecord, 'id' | 'version' | 'size'> & { definitionJson: string };

/** An index definition as an admin saved it: validated JSON, one row per version. */
export interface StoredDefinition {
  id: string;
  version: number;
  json: string;
  createdAt: string;
  createdBy: string | null;
}

/** A commitment as written; its state is computed from the data when read. */
export type CommitmentRecord = Omit<Commitment, 'state' | 'judgedIn'>;
export type NewCommitment = Omit<CommitmentRecord, 'id'>;
export type NewDecision = Omit<Decision, 'id'>;

/** A notice to one account for one period; `payload` is the JSON of its units (NoticeUnit[]). */
export interface NoticeRecord {
  id: number;
  recipient: string;
  period: string;
  kind: NoticeKind;
  /** The unit of an escalation notice; null for a leaders' digest. */
  unitCode: string | null;
  payload: string;
  createdAt: string;
  /** The address it is mailed to, null when the account has none. */
  email: string | null;
  language: Language;
  mailStatus: MailStatus;
  mailAttempts: number;
}
export type NewNotice = Omit<NoticeRecord, 'id' | 'mailAttempts'>;

/** A saved version of the escalation ladder: the JSON of its steps, and the day it governs periods from. */
export interface StoredLadder {
  version: number;
  /** YYYY-MM-DD. */
  effectiveFrom: string;
  json: string;
  createdAt: string;
  createdBy: string | null;
}

/**
 * The storage port. Adapters compute aggregates in the database: callers never pull dossiers into memory
 * to count them. Every write is one transaction.
 */
export interface Store {
  listUnits(): Promise<Unit[]>;
  replaceUnits(units: readonly Unit[], outcome: ImportOutcome): Promise<ImportRecord>;
  listTargets(): Promise<Target[]>;
  /** Replaces targets with the same measure, scope and effective date. */
  replaceTargets(targets: readonly Target[], outcome: ImportOutcome | null): Promise<ImportRecord | null>;
  openDossierWriter(): Promise<DossierWriter>;
  /**
   * Optional: imports a dossier CSV by itself when it proves every row valid (as `openDossierWriter` would store
   * them, in one transaction with the import's record made by `outcome`); otherwise says why it declined.
   */
  loadDossierCsv?(load: DossierCsvLoad, outcome: (rows: number) => ImportOutcome): Promise<{ rows: number; record: ImportRecord } | { declined: string }>;
  recordImport(outcome: ImportOutcome): Promise<ImportRecord>;
  listImports(limit: number): Promise<ImportRecord[]>;
  /** The earliest and latest `received_at` of counted dossiers, or null when there are none. */
  receivedRange(): Promise<{ first: number; last: number } | null>;
  /**
   * Changes whenever data that figures depend on changes (dossiers, units, targets, indicators and their values,
   * index definitions), and only then: sessions, audit entries, reports and schedule claims leave it alone.
   */
  dataVersion(): Promise<number>;
  /**
   * The changes of the versions after `from` up to `to`: per unit, the span of received days (Vietnam day numbers)
   * whose counted dossiers changed, and whether nothing but dossiers changed; null when some version in between did
   * not say (decision 029).
   */
  dataChanges(from: number, to: number): Promise<DataChanges | null>;
  /** Migrations this build knows and the database has not applied (0 when its schema is current), for `/readyz`. */
  pendingMigrations(): Promise<number>;
  /** Counts per unit and window, aligned with `windows`; units without dossiers are absent. */
  countsByUnit(windows: readonly Window[], unitCodes?: readonly string[]): Promise<Map<string, (Counts | undefined)[]>>;
  /** The same counts by window: for each window in order, its units' counts (units without dossiers absent). */
  countsByWindow(windows: readonly Window[], unitCodes?: readonly string[]): Promise<Map<string, Counts>[]>;
  /** How many windows countsByUnit answered from the period counts, the segment rollups and by reading dossiers, since opened. */
  readonly countsPaths: { period: number; rollup: number; scan: number };
  /** Rows by which the per-day rollups differ from a rebuild from dossiers: 0 when they are exact (decision 022). */
  rollupDrift(): Promise<number>;
  procedureCounts(unitCode: string, window: Window): Promise<ProcedureCounts[]>;
  /** Median and 90th percentile (continuous) of elapsed processing days of dossiers completed by the cut-off. */
  processingQuantiles(unitCode: string, window: Window): Promise<{ median: number | null; p90: number | null }>;
  overdueDossiers(unitCode: string, window: Window, limit: number): Promise<OverdueRow[]>;
  /**
   * procedureCounts, processingQuantiles and overdueDossiers (the first `limit`) of every unit with dossiers in the
   * window, in three statements: after the first unit page of a window the others need no query (decision 022).
   */
  unitBreakdowns(window: Window, limit: number): Promise<Map<string, UnitBreakdown>>;
  /** procedureCounts, processingQuantiles and overdueDossiers of one unit, from one read of its dossiers in the window. */
  unitBreakdown(unitCode: string, window: Window, limit: number): Promise<UnitBreakdown>;
  /**
   * Biểu số 06 (SPEC §8) per unit for [start, cutOff): dossiers carried over from before `start` and received in the
   * window, resolved by the cut-off or pending at it. Units with nothing on the form are absent.
   */
  form06Counts(window: Window, unitCodes?: readonly string[]): Promise<Map<string, Form06Counts>>;
  listIndicators(): Promise<Indicator[]>;
  /** Inserts or replaces catalogue entries by code, with their audit entry or import record. */
  saveIndicators(list: readonly Indicator[], outcome: ImportOutcome | null, audit: AuditInput | null): Promise<ImportRecord | null>;
  listIndicatorValues(): Promise<IndicatorValue[]>;
  /**
   * A short digest of every stored value (figures, note and state): equal digests, equal listIndicatorValues. Read
   * in milliseconds, so that a data change that leaves the values alone (an import of dossiers) keeps their lookup.
   */
  indicatorValuesDigest(): Promise<string>;
  /** Replaces values with the same indicator, unit and period. */
  replaceIndicatorValues(values: readonly IndicatorValue[], outcome: ImportOutcome, actor: string | null): Promise<ImportRecord>;
  /** Values with their state; a returned value is not in `listIndicatorValues` until it is reported again. */
  listValueRecords(filter: { unitCode: string | null; period: string | null }): Promise<ValueRecord[]>;
  /** Every version of a unit's values, newest first. */
  listValueHistory(unitCode: string, indicator: string | null): Promise<ValueRecord[]>;
  /** Reports (or corrects) one value, keeping the earlier version in the history, with its audit entry. */
  submitIndicatorValue(value: IndicatorValue, actor: string | null, audit: AuditInput): Promise<void>;
  /** Returns a value to its unit with a comment; false when there is no such value. */
  returnIndicatorValue(key: ValueKey, comment: string, actor: string | null, audit: AuditInput): Promise<boolean>;
  /**
   * Attaches an evidence file to a reported value (replacing the one it had; corrections and returns keep it), as a
   * new version in the value's history, with its audit entry (whose `after` becomes the stored file's name, type, size
   * and SHA-256); moves the data version. Null, with nothing written, when there is no such value.
   */
  attachEvidence(key: ValueKey, file: { fileName: string; contentType: string; content: Buffer }, actor: string | null, audit: AuditInput): Promise<EvidenceFile | null>;
  /** An evidence file with the value it was attached to, and its bytes; null when there is no such file. */
  evidenceContent(id: number): Promise<{ key: ValueKey; file: EvidenceFile; content: Buffer } | null>;
  listDefinitions(): Promise<StoredDefinition[]>;
  saveDefinition(definition: Omit<StoredDefinition, 'createdAt'>, audit: AuditInput): Promise<void>;
  getAccount(username: string): Promise<StoredAccount | null>;
  listAccounts(): Promise<Account[]>;
  /** Inserts or replaces an account, and writes its audit entry in the same transaction. */
  saveAccount(account: StoredAccount, audit: AuditInput | null): Promise<void>;
  /** Also removes sessions that expired before `now`. */
  createSession(tokenHash: string, username: string, now: number, expiresAt: number): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRow | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(username: string): Promise<void>;
  /** Appends to the audit trail; there is no way to change or remove an entry. */
  audit(entry: AuditInput): Promise<void>;
  listAudit(limit: number, offset: number): Promise<AuditEntry[]>;
  /** Upserts a unit with its audit entry. */
  saveUnit(unit: Unit, audit: AuditInput): Promise<void>;
  deleteTarget(target: Pick<Target, 'measure' | 'kind' | 'unitCode' | 'effectiveFrom'>, audit: AuditInput): Promise<boolean>;
  upsertTarget(target: Target, audit: AuditInput): Promise<void>;
  /** Stores a generated report as a new version of its (period, format, language). */
  saveReport(report: NewReport, content: Buffer): Promise<ReportRecord>;
  listReports(): Promise<ReportRecord[]>;
  reportContent(id: number): Promise<{ record: ReportRecord; content: Buffer } | null>;
  /** Appends a commitment with its audit entry; commitments are never changed or removed. Figures do not depend on them. */
  addCommitment(commitment: NewCommitment, audit: AuditInput): Promise<CommitmentRecord>;
  /** Newest first, optionally of one unit and/or one period. */
  listCommitments(filter: AccountabilityFilter): Promise<CommitmentRecord[]>;
  /** Appends a decision of the meeting with its audit entry. */
  addDecision(decision: NewDecision, audit: AuditInput): Promise<Decision>;
  /** Newest first, optionally of one unit and/or one period. */
  listDecisions(filter: AccountabilityFilter): Promise<Decision[]>;
  /**
   * Stores notices, skipping any whose recipient, period, kind and unit are already stored, so that a notice is made
   * (and mailed) once; returns those stored now.
   */
  addNotices(notices: readonly NewNotice[]): Promise<NoticeRecord[]>;
  /** An account's notices, newest first. */
  listNotices(recipient: string, limit: number): Promise<NoticeRecord[]>;
  /**
   * Records a try at mailing a notice. `pending` (to be tried again) keeps the notice claimed until `leaseUntil`
   * (epoch ms); `sent` and `failed` end the claim.
   */
  recordDelivery(id: number, status: MailStatus, attempts: number, leaseUntil?: number): Promise<void>;
  /**
   * Claims for `by` until `leaseUntil` the pending notices nobody holds (never claimed, released, or whose claim lapsed
   * by `now`), oldest first; a notice goes to one claimer only, even when processes race.
   */
  claimNotices(by: string, now: number, leaseUntil: number): Promise<NoticeRecord[]>;
  /** Lets go of the pending notices `by` holds, so that the next process to look takes them at once. */
  releaseNotices(by: string): Promise<void>;
  /** Every saved version of the escalation ladder, oldest first. */
  listLadders(): Promise<StoredLadder[]>;
  /** Saves the next version of the ladder (one above the highest) with its audit entry; figures shown change, so the data version moves. */
  saveLadder(ladder: Pick<StoredLadder, 'effectiveFrom' | 'json' | 'createdBy'>, audit: AuditInput): Promise<StoredLadder>;
  /** Claims a scheduled run once across processes: true for the first caller only. */
  claimRun(key: string, by: string): Promise<boolean>;
  /** Gives back a claim `by` made and did not finish (its process is stopping): the next caller gets the run. */
  releaseRun(key: string, by: string): Promise<void>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Removes every unit, target and dossier, every reported value with its history and evidence, and the commitments, decisions and
   * notices about them (the import log and audit trail stay): a value's history belongs to the data, not to the trail.
   */
  clearData(): Promise<void>;
  close(): Promise<void>;
}
