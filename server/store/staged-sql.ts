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
 * sorts by receipt, so that the received-time zone maps prune. A keyed layout needs the staging's codes in the key
 * tables first (`addStagedKeys`).
 */
export function insertStagedDossiers(staging: string, time: (msColumn: string) => string, ordered: boolean, layout: DossierLayout = 'text'): string {
  const keyed = layout === 'keyed';
  return `INSERT INTO ${keyed ? 'dossier_rows' : 'dossiers'}
      SELECT s.dossier_id, ${keyed ? 'u.key, p.key' : 's.unit_code, s.procedure_code'}, nullif(s.procedure_code_raw, s.procedure_code),
             s.procedure_name, s.channel, s.end_to_end,
             ${time('s.received_ms')}, ${time('s.due_ms')}, ${time('s.completed_ms')}, ${time('s.returned_ms')},
             s.status, nullif(s.status_raw, s.status), s.service_level, s.e_result, s.digitized, s.fee_required, s.paid_online, s.counted
        FROM ${staging} s${keyed ? ' JOIN unit_keys u ON u.code = s.unit_code JOIN procedure_keys p ON p.code = s.procedure_code' : ''}${ordered ? ' ORDER BY s.received_ms' : ''}`;
}

/** Statements that give every unit and procedure code of the staging a key (a keyed layout; decision 035). */
export function addStagedKeys(staging: string): string[] {
  return [
    `INSERT INTO unit_keys (code) SELECT DISTINCT unit_code FROM ${staging} WHERE unit_code NOT IN (SELECT code FROM unit_keys)`,
    `INSERT INTO procedure_keys (code) SELECT DISTINCT procedure_code FROM ${staging} WHERE procedure_code NOT IN (SELECT code FROM procedure_keys)`,
  ];
}
