/**
 * What each data version changed in the dossiers (decision 029), so that a running server keeps the counts of the
 * windows an import did not touch instead of counting every window again after each import.
 *
 * `data_changes` holds, for a version whose writer knew what it changed, one marker row (unit_code NULL) and one row per
 * unit whose counted dossiers changed, with the span of their received days (Vietnam day numbers, inclusive; the
 * days of the replaced rows and of the new ones). A version without a marker — a writer that logs nothing, a restore,
 * a version pruned from the log — counts as "anything may have changed", so that forgetting to log is never wrong,
 * only slower.
 */

/** Received-day spans per unit code; an empty map: no dossier changed. */
export type DossierChanges = Map<string, { lo: number; hi: number }>;

/**
 * What changed between two versions: the dossiers, and whether nothing else did (every version in between was written
 * by a dossier import, whose marker says so; other writers' markers say "other data too").
 */
export interface DataChanges {
  dossiers: DossierChanges;
  onlyDossiers: boolean;
}

/** Versions kept in the log: a cache older than that counts everything again. */
const KEEP_VERSIONS = 1000;

const CURRENT = '(SELECT max(v) FROM data_version)';

export function dataChangesDdl(text: string): string {
  return `CREATE TABLE data_changes (v BIGINT NOT NULL, unit_code ${text}, lo INTEGER, hi INTEGER)`;
}

const prune = `DELETE FROM data_changes WHERE v <= ${CURRENT} - ${KEEP_VERSIONS}`;

/** Statements recording that the current version changed no dossier (run after the version moved, in its transaction). */
export function logNoDossierChange(): string[] {
  return [`INSERT INTO data_changes (v, unit_code, lo, hi, only_dossiers) SELECT ${CURRENT}, NULL, NULL, NULL, FALSE`, prune];
}

/**
 * Statements recording the (unit_code, day) keys of table `keys` as the current version's dossier changes, by a
 * writer that changed nothing but dossiers (and their summaries).
 */
export function logDossierKeys(keys: string): string[] {
  return [
    `INSERT INTO data_changes (v, unit_code, lo, hi, only_dossiers) SELECT ${CURRENT}, NULL, NULL, NULL, TRUE`,
    `INSERT INTO data_changes (v, unit_code, lo, hi) SELECT ${CURRENT}, unit_code, min(day), max(day) FROM ${keys} GROUP BY unit_code`,
    prune,
  ];
}

/** The log rows of the versions after `from` up to `to`. */
export function dossierChangesSql(from: number, to: number): string {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new Error('data versions are integers');
  return `SELECT v, unit_code, lo, hi, only_dossiers FROM data_changes WHERE v > ${from} AND v <= ${to}`;
}

/** The changes between two versions from the log's rows, or null when some version in between is not logged. */
export function dataChangesOf(rows: readonly Record<string, unknown>[], from: number, to: number): DataChanges | null {
  if (to < from) return null;
  const logged = new Set<number>();
  const changes: DossierChanges = new Map();
  let onlyDossiers = true;
  for (const r of rows) {
    if (r.unit_code === null || r.unit_code === undefined) {
      logged.add(Number(r.v));
      if (r.only_dossiers !== true) onlyDossiers = false;
      continue;
    }
    const code = String(r.unit_code);
    const lo = Number(r.lo);
    const hi = Number(r.hi);
    const known = changes.get(code);
    changes.set(code, known ? { lo: Math.min(known.lo, lo), hi: Math.max(known.hi, hi) } : { lo, hi });
  }
  return logged.size === to - from ? { dossiers: changes, onlyDossiers } : null;
}

/** The column that says a version changed dossiers only (added after the log itself). */
export const DATA_CHANGES_ONLY_DOSSIERS_DDL = 'ALTER TABLE data_changes ADD COLUMN only_dossiers BOOLEAN';
