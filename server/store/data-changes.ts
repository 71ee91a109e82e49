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

/** Versions kept in the log: a cache older than that counts everything again. */
const KEEP_VERSIONS = 1000;

const CURRENT = '(SELECT max(v) FROM data_version)';

export function dataChangesDdl(text: string): string {
  return `CREATE TABLE data_changes (v BIGINT NOT NULL, unit_code ${text}, lo INTEGER, hi INTEGER)`;
}

const prune = `DELETE FROM data_changes WHERE v <= ${CURRENT} - ${KEEP_VERSIONS}`;

/** Statements recording that the current version changed no dossier (run after the version moved, in its transaction). */
export function logNoDossierChange(): string[] {
  return [`INSERT INTO data_changes SELECT ${CURRENT}, NULL, NULL, NULL`, prune];
}

/** Statements recording the (unit_code, day) keys of table `keys` as the current version's dossier changes. */
export function logDossierKeys(keys: string): string[] {
  return [
    `INSERT INTO data_changes SELECT ${CURRENT}, NULL, NULL, NULL`,
    `INSERT INTO data_changes SELECT ${CURRENT}, unit_code, min(day), max(day) FROM ${keys} GROUP BY unit_code`,
    prune,
  ];
}

/** The log rows of the versions after `from` up to `to`. */
export function dossierChangesSql(from: number, to: number): string {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new Error('data versions are integers');
  return `SELECT v, unit_code, lo, hi FROM data_changes WHERE v > ${from} AND v <= ${to}`;
}

/** The changes between two versions from the log's rows, or null when some version in between is not logged. */
export function dossierChangesOf(rows: readonly Record<string, unknown>[], from: number, to: number): DossierChanges | null {
  if (to < from) return null;
  const logged = new Set<number>();
  const changes: DossierChanges = new Map();
  for (const r of rows) {
    if (r.unit_code === null || r.unit_code === undefined) {
      logged.add(Number(r.v));
      continue;
    }
    const code = String(r.unit_code);
    const lo = Number(r.lo);
    const hi = Number(r.hi);
    const known = changes.get(code);
    changes.set(code, known ? { lo: Math.min(known.lo, lo), hi: Math.max(known.hi, hi) } : { lo, hi });
  }
  return logged.size === to - from ? changes : null;
}
