/**
 * How an engine stores dossiers: PostgreSQL in the table `dossiers` with the codes as text; DuckDB in `dossier_rows`
 * with the unit and procedure codes as integer keys of `unit_keys` / `procedure_keys`, read through the view
 * `dossiers` (decision 035).
 */
export type DossierLayout = 'text' | 'keyed';

/**
 * The one statement that moves an import's staging (the dossier writer's columns, times as epoch milliseconds) into
 * the stored dossiers, for both engines: `time` turns a staging time column into the engine's timestamp (NULL stays
 * NULL). The code and status as written are kept only where they differ from their reading (decision 032); `ordered`
 * sorts by receipt, so that the received-time zone maps prune. A file already in received order is not sorted: a
 * keyed insert then reads through hash joins and DuckDB writes in parallel, each thread whole row groups of the
 * staging, so each stored row group still spans a short stretch of time though the groups are not in sequence
 * (decision 035). A keyed layout needs the staging's codes in the key tables first (`addStagedKeys`); the lookups
 * are outer joins, so that a code without a key fails the NOT NULL of the key column rather than dropping the row.
 */
export function insertStagedDossiers(staging: string, time: (msColumn: string) => string, ordered: boolean, layout: DossierLayout = 'text'): string {
  const keyed = layout === 'keyed';
  return `INSERT INTO ${keyed ? 'dossier_rows' : 'dossiers'}
      SELECT s.dossier_id, ${keyed ? 'u.key, p.key' : 's.unit_code, s.procedure_code'}, nullif(s.procedure_code_raw, s.procedure_code),
             s.procedure_name, s.channel, s.end_to_end,
             ${time('s.received_ms')}, ${time('s.due_ms')}, ${time('s.completed_ms')}, ${time('s.returned_ms')},
             s.status, nullif(s.status_raw, s.status), s.service_level, s.e_result, s.digitized, s.fee_required, s.paid_online, s.counted
        FROM ${staging} s${keyed ? ' LEFT JOIN unit_keys u ON u.code = s.unit_code LEFT JOIN procedure_keys p ON p.code = s.procedure_code' : ''}${ordered ? ' ORDER BY s.received_ms, s.line' : ''}`;
}


/** Statements that give every unit and procedure code of the staging a key (a keyed layout; decision 035). */
export function addStagedKeys(staging: string): string[] {
  return [
    `INSERT INTO unit_keys (code) SELECT DISTINCT unit_code FROM ${staging} WHERE unit_code NOT IN (SELECT code FROM unit_keys)`,
    `INSERT INTO procedure_keys (code) SELECT DISTINCT procedure_code FROM ${staging} WHERE procedure_code NOT IN (SELECT code FROM procedure_keys)`,
  ];
}
