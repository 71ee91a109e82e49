import type { ImportIssue, ImportKind, ImportRecord } from '../../shared/schemas/import';
import type { Target } from '../../shared/schemas/target';
import type { Unit } from '../../shared/schemas/unit';
import type { DossierWriter, ImportOutcome, Store } from '../store/port';
import { DOSSIER_COLUMNS } from './dossier-columns';
import { dossierFromRow } from './dossier-rows';
import { IssueLog, MAX_REPORTED_ISSUES, scanFile, type ScanResult } from './scan';
import { readHead, type FileSource } from './table-reader';
import { planDossierCsv } from './dossier-csv';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './file-refusal';
import { TARGET_COLUMNS, targetFromRow } from './target-rows';
import { UNIT_COLUMNS, unitFromRow } from './unit-rows';
import { INDICATOR_COLUMNS, indicatorFromRow } from './indicator-rows';
import { VALUE_COLUMNS, valueFromRow } from './value-rows';
import type { Indicator, IndicatorValue } from '../../shared/domain/indicator';
import { msg } from '../../shared/messages/catalogue';

export interface ImportReport {
  ok: boolean;
  kind: ImportKind;
  fileName: string;
  rows: number;
  issues: ImportIssue[];
  issueCount: number;
  record: ImportRecord | null;
}

export interface ImportRequest {
  kind: ImportKind;
  source: FileSource;
  fileName: string;
  actor: string | null;
  /** Where the import came from, for the audit trail (an address, or `cli`). */
  address?: string;
  limits?: ImportLimits;
  /** The import's time, which no received or completion date may pass by more than a day; by default, now. */
  now?: number;
  /** Dossiers: read every row with the row parser, never the SQL path (tests and benchmarks compare the two). */
  rowsOnly?: boolean;
  /** Dossiers: told which path read the file (`sql`, or `rows` with why the SQL path declined). */
  onPath?: (path: 'sql' | 'rows', declined: string | null) => void;
}

function outcomeOf(req: ImportRequest, scan: Pick<ScanResult, 'rows' | 'issueCount'>, startedAt: number): ImportOutcome {
  const ok = scan.issueCount === 0;
  return { kind: req.kind, fileName: req.fileName, rows: scan.rows, outcome: ok ? 'imported' : 'refused', errorCount: scan.issueCount, actor: req.actor, startedAt };
}

async function audited(store: Store, req: ImportRequest, scan: ScanResult, record: ImportRecord): Promise<ImportReport> {
  const ok = scan.issueCount === 0;
  await store.audit({ actor: req.actor, action: `import.${req.kind}`, target: req.fileName, before: null, after: JSON.stringify({ outcome: ok ? 'imported' : 'refused', rows: scan.rows, errors: scan.issueCount, importId: record.id }), address: req.address ?? null });
  return { ok, kind: req.kind, fileName: req.fileName, rows: scan.rows, issues: scan.issues, issueCount: scan.issueCount, record };
}

async function finish(store: Store, req: ImportRequest, scan: ScanResult, startedAt: number, write: (o: ImportOutcome) => Promise<ImportRecord>): Promise<ImportReport> {
  const outcome = outcomeOf(req, scan, startedAt);
  const record = scan.issueCount === 0 ? await write(outcome) : await store.recordImport(outcome);
  return audited(store, req, scan, record);
}

/**
 * The SQL path (decision 026): a plain UTF-8 CSV is parsed and checked by the store itself, which stores it only
 * when every row is valid; null when it declines, and the row parser then reads the file and reports.
 */
async function importDossiersBySql(store: Store, req: ImportRequest, startedAt: number, unitCodes: ReadonlySet<string>): Promise<ImportReport | null> {
  if (!store.loadDossierCsv || req.rowsOnly) return null;
  const head = await readHead(req.source);
  const plan = await planDossierCsv(req.source, head, req.limits ?? DEFAULT_IMPORT_LIMITS, unitCodes, req.now ?? startedAt);
  if ('declined' in plan) {
    req.onPath?.('rows', plan.declined);
    return null;
  }
  try {
    const loaded = await store.loadDossierCsv(plan.load, (rows) => outcomeOf(req, { rows, issueCount: 0 }, startedAt));
    if ('declined' in loaded) {
      req.onPath?.('rows', loaded.declined);
      return null;
    }
    req.onPath?.('sql', null);
    return await audited(store, req, { rows: loaded.rows, issues: [], issueCount: 0 }, loaded.record);
  } finally {
    // The byte checks have read the file to its end before it goes (they may still run after a decline).
    await plan.load.bytes;
    plan.cleanup();
  }
}

const NO_END_TO_END = msg('import.header.noEndToEnd');

async function importDossiers(store: Store, req: ImportRequest, startedAt: number): Promise<ImportReport> {
  const unitCodes = new Set((await store.listUnits()).map((u) => u.code));
  const bySql = await importDossiersBySql(store, req, startedAt, unitCodes);
  if (bySql) return bySql;
  const writer: DossierWriter = await store.openDossierWriter();
  try {
    const log = new IssueLog();
    let idHeader = 'dossier_id';
    const context = { unitCodes, importedAt: req.now ?? startedAt };
    const scanned = await scanFile(
      req.source,
      DOSSIER_COLUMNS,
      3,
      (row) => {
        idHeader = row.headerOf('dossier_id');
        const dossier = dossierFromRow(row, context);
        if (dossier) writer.append(dossier, row.line);
        else if (row.text('dossier_id')) writer.reserve(row.text('dossier_id') as string, row.line);
      },
      { checkHeader: (columns) => (columns.has('end_to_end') || columns.has('service_level') ? null : NO_END_TO_END), log, limits: req.limits },
    );
    const repeated = await writer.duplicates(MAX_REPORTED_ISSUES);
    log.merge(
      repeated.rows.map((d) => ({ line: d.line, column: idHeader, value: d.dossierId, message: msg('import.row.duplicate', { line: d.firstLine }) })),
      repeated.total,
    );
    const scan = { ...scanned, issues: log.issues, issueCount: log.count };
    if (scan.issueCount > 0) await writer.abort();
    return await finish(store, req, scan, startedAt, (o) => writer.commit(o));
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}

async function importUnits(store: Store, req: ImportRequest, startedAt: number): Promise<ImportReport> {
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  const scan = await scanFile(req.source, UNIT_COLUMNS, 3, (row) => {
    const unit = unitFromRow(row, seen);
    if (unit) units.push(unit);
  }, { limits: req.limits });
  return finish(store, req, scan, startedAt, (o) => store.replaceUnits(units, o));
}

async function importTargets(store: Store, req: ImportRequest, startedAt: number): Promise<ImportReport> {
  const unitCodes = new Set((await store.listUnits()).map((u) => u.code));
  const indicators = new Map((await store.listIndicators()).map((i) => [i.code, i]));
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  const scan = await scanFile(req.source, TARGET_COLUMNS, 3, (row) => {
    const target = targetFromRow(row, unitCodes, seen, indicators);
    if (target) targets.push(target);
  }, { limits: req.limits });
  return finish(store, req, scan, startedAt, async (o) => (await store.replaceTargets(targets, o)) as ImportRecord);
}

async function importIndicators(store: Store, req: ImportRequest, startedAt: number): Promise<ImportReport> {
  const list: Indicator[] = [];
  const seen = new Map<string, number>();
  const scan = await scanFile(req.source, INDICATOR_COLUMNS, 3, (row) => {
    const indicator = indicatorFromRow(row, seen);
    if (indicator) list.push(indicator);
  }, { limits: req.limits });
  return finish(store, req, scan, startedAt, async (o) => (await store.saveIndicators(list, o, null)) as ImportRecord);
}

async function importValues(store: Store, req: ImportRequest, startedAt: number): Promise<ImportReport> {
  const [units, catalogue] = await Promise.all([store.listUnits(), store.listIndicators()]);
  const ctx = { indicators: new Map(catalogue.map((i) => [i.code, i])), units: new Map(units.map((u) => [u.code, u])), seen: new Map<string, number>() };
  const values: IndicatorValue[] = [];
  const scan = await scanFile(req.source, VALUE_COLUMNS, 3, (row) => {
    const value = valueFromRow(row, ctx);
    if (value) values.push(value);
  }, { limits: req.limits });
  return finish(store, req, scan, startedAt, (o) => store.replaceIndicatorValues(values, o, req.actor));
}

/** Runs one import at a time per store, in the order they arrive: two large files never hold memory together. */
class ImportQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

const queues = new WeakMap<Store, ImportQueue>();

/**
 * Imports a whole file or nothing: any bad row refuses the file, and the report names every bad cell. An import
 * that arrives while another runs on the same store waits for it.
 */
export function importFile(store: Store, req: ImportRequest): Promise<ImportReport> {
  let queue = queues.get(store);
  if (!queue) {
    queue = new ImportQueue();
    queues.set(store, queue);
  }
  return queue.run(() => runImport(store, { ...req, limits: req.limits ?? DEFAULT_IMPORT_LIMITS }));
}

function runImport(store: Store, req: ImportRequest): Promise<ImportReport> {
  const startedAt = Date.now();
  switch (req.kind) {
    case 'dossiers':
      return importDossiers(store, req, startedAt);
    case 'units':
      return importUnits(store, req, startedAt);
    case 'targets':
      return importTargets(store, req, startedAt);
    case 'indicators':
      return importIndicators(store, req, startedAt);
    case 'values':
      return importValues(store, req, startedAt);
  }
}
