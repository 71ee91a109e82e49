/**
 * The one statement that moves an import's staging (the dossier writer's columns, times as epoch milliseconds) into
 * `dossiers`, for both engines: `time` turns a staging time column into the engine's timestamp (NULL stays NULL).
 * The code and status as written are kept only where they differ from their reading (decision 032); `ordered`
 * sorts by receipt, so that the received-time zone maps prune.
 */
export function insertStagedDossiers(staging: string, time: (msColumn: string) => string, ordered: boolean): string {
  return `INSERT INTO dossiers
      SELECT dossier_id, unit_code, procedure_code, nullif(procedure_code_raw, procedure_code), procedure_name, channel, end_to_end,
             ${time('received_ms')}, ${time('due_ms')}, ${time('completed_ms')}, ${time('returned_ms')},
             status, nullif(status_raw, status), service_level, e_result, digitized, fee_required, paid_online, counted
        FROM ${staging}${ordered ? ' ORDER BY received_ms' : ''}`;
}
