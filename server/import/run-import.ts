import type { ImportIssue, ImportKind, ImportRecord } from '../../shared/schemas/import';
import type { Target } from '../../shared/schemas/target';
import type { Unit } from '../../shared/schemas/unit';
import type { DossierWriter, ImportOutcome, Store } from '../store/port';
import { DOSSIER_COLUMNS } from './dossier-columns';
import { dossierFromRow } from './dossier-rows';
import { scanFile, type ScanResult } from './scan';
import type { FileSource } from './table-reader';
import { TARGET_COLUMNS, targetFromRow } from './target-rows';
import { UNIT_COLUMNS, unitFromRow } from './unit-rows';

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
}

async function finish(store: Store, req: ImportRequest, scan: ScanResult, startedAt: number, write: (o: ImportOutcome) => Promise<ImportRecord>): Promise<ImportReport> {
  const ok = scan.issueCount === 0;
  const outcome: ImportOutcome = { kind: req.kind, fileName: req.fileName, rows: scan.rows, outcome: ok ? 'imported' : 'refused', errorCount: scan.issueCount, actor: req.actor, startedAt };
  const record = ok ? await write(outcome) : await store.recordImport(outcome);
  return { ok, kind: req.kind, fileName: req.fileName, rows: scan.rows, issues: scan.issues, issueCount: scan.issueCount, record };
}

async function importDossiers(store: Store, req: ImportRequest, startedAt: number): Promise<ImportReport> {
  const unitCodes = new Set((await store.listUnits()).map((u) => u.code));
  const writer: DossierWriter = await store.openDossierWriter();
  let failed = false;
  try {
    const seen = new Map<string, number>();
    const scan = await scanFile(req.source, DOSSIER_COLUMNS, 3, (row) => {
      const dossier = dossierFromRow(row, { unitCodes, seen });
      if (!dossier) failed = true;
      else if (!failed) writer.append(dossier);
    }, (columns) => (columns.has('end_to_end') || columns.has('service_level') ? null : 'the header row has neither an end_to_end (toàn trình) nor a service level (mức độ) column, so end-to-end dossiers cannot be told apart'));
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
  });
  return finish(store, req, scan, startedAt, (o) => store.replaceUnits(units, o));
}

async function importTargets(store: Store, req: ImportRequest, startedAt: number): Promise<ImportReport> {
  const unitCodes = new Set((await store.listUnits()).map((u) => u.code));
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  const scan = await scanFile(req.source, TARGET_COLUMNS, 3, (row) => {
    const target = targetFromRow(row, unitCodes, seen);
    if (target) targets.push(target);
  });
  return finish(store, req, scan, startedAt, async (o) => (await store.replaceTargets(targets, o)) as ImportRecord);
}

/** Imports a whole file or nothing: any bad row refuses the file, and the report names every bad cell. */
export function importFile(store: Store, req: ImportRequest): Promise<ImportReport> {
  const startedAt = Date.now();
  switch (req.kind) {
    case 'dossiers':
      return importDossiers(store, req, startedAt);
    case 'units':
      return importUnits(store, req, startedAt);
    case 'targets':
      return importTargets(store, req, startedAt);
  }
}
