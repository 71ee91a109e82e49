import { DATA_CHANGES_ONLY_DOSSIERS_DDL, dataChangesDdl } from '../data-changes';
import { periodRefresh, periodTableDdl, rebuildRollups, ROLLUP_TABLES, rollupTablesDdl } from '../rollup-sql';
import { PG } from './sql';

/**
 * Applied in order on open, each once, under an advisory lock so that processes starting together on one database
 * do not race. Text compares bytewise (`COLLATE "C"`), as in DuckDB, so both engines list rows in the same order
 * whatever the database's locale. Instants are `timestamptz`.
 */
const T = 'TEXT COLLATE "C"';

export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE units (
     code ${T} PRIMARY KEY,
     name ${T} NOT NULL,
     name_en ${T},
     kind ${T} NOT NULL,
     parent_code ${T},
     head_name ${T},
     head_title ${T},
     population BIGINT
   );
   CREATE TABLE targets (
     measure ${T} NOT NULL,
     kind ${T},
     unit_code ${T},
     threshold DOUBLE PRECISION NOT NULL,
     effective_from DATE NOT NULL,
     deadline DATE
   );
   CREATE TABLE dossiers (
     dossier_id ${T} PRIMARY KEY,
     unit_code ${T} NOT NULL,
     procedure_code ${T} NOT NULL,
     procedure_code_raw ${T} NOT NULL,
     procedure_name ${T},
     channel ${T} NOT NULL,
     end_to_end BOOLEAN NOT NULL,
     received_at TIMESTAMPTZ NOT NULL,
     due_at TIMESTAMPTZ NOT NULL,
     completed_at TIMESTAMPTZ,
     returned_at TIMESTAMPTZ,
     status ${T},
     status_raw ${T},
     service_level INTEGER,
     e_result BOOLEAN,
     digitized BOOLEAN,
     fee_required BOOLEAN,
     paid_online BOOLEAN,
     counted BOOLEAN NOT NULL
   );
   CREATE INDEX dossiers_received ON dossiers (received_at) WHERE counted;
   CREATE INDEX dossiers_unit_received ON dossiers (unit_code, received_at) WHERE counted;
   CREATE TABLE imports (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     kind ${T} NOT NULL,
     file_name ${T} NOT NULL,
     row_count BIGINT NOT NULL,
     outcome ${T} NOT NULL,
     error_count BIGINT NOT NULL,
     actor ${T},
     started_at TIMESTAMPTZ NOT NULL,
     finished_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE meta (key ${T} PRIMARY KEY, value ${T} NOT NULL);
   CREATE TABLE users (
     username ${T} PRIMARY KEY,
     display_name ${T},
     role ${T} NOT NULL,
     unit_code ${T},
     password_hash ${T} NOT NULL,
     disabled BOOLEAN NOT NULL,
     demo BOOLEAN NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE sessions (
     token_hash ${T} PRIMARY KEY,
     username ${T} NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX sessions_username ON sessions (username);
   CREATE INDEX sessions_expires ON sessions (expires_at);
   CREATE TABLE audit (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     happened_at TIMESTAMPTZ NOT NULL,
     actor ${T},
     action ${T} NOT NULL,
     target ${T},
     before_json ${T},
     after_json ${T},
     address ${T}
   );
   CREATE TABLE reports (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     period ${T} NOT NULL,
     format ${T} NOT NULL,
     language ${T} NOT NULL,
     version INTEGER NOT NULL,
     cut_off TIMESTAMPTZ NOT NULL,
     generated_at TIMESTAMPTZ NOT NULL,
     inputs_hash ${T} NOT NULL,
     definition_id ${T} NOT NULL,
     targets_json ${T} NOT NULL,
     trigger_kind ${T} NOT NULL,
     created_by ${T},
     size BIGINT NOT NULL,
     content BYTEA NOT NULL,
     definition_json ${T},
     UNIQUE (period, format, language, version)
   );
   CREATE TABLE report_runs (run_key ${T} PRIMARY KEY, claimed_at TIMESTAMPTZ NOT NULL, claimed_by ${T} NOT NULL);
   CREATE TABLE data_version (id SMALLINT PRIMARY KEY CHECK (id = 1), v BIGINT NOT NULL);
   INSERT INTO data_version VALUES (1, 1);
   CREATE TABLE indicators (
     code ${T} PRIMARY KEY,
     name ${T} NOT NULL,
     name_en ${T},
     pillar ${T} NOT NULL,
     unit ${T} NOT NULL,
     direction ${T} NOT NULL,
     frequency ${T} NOT NULL,
     kinds ${T} NOT NULL,
     description ${T}
   );
   CREATE TABLE indicator_values (
     indicator ${T} NOT NULL,
     unit_code ${T} NOT NULL,
     period ${T} NOT NULL,
     numerator DOUBLE PRECISION,
     denominator DOUBLE PRECISION,
     value DOUBLE PRECISION,
     note ${T},
     reported_at TIMESTAMPTZ NOT NULL,
     reported_by ${T}
   );
   CREATE INDEX indicator_values_key ON indicator_values (indicator, unit_code, period);
   CREATE TABLE index_definitions (
     id ${T} NOT NULL,
     version INTEGER NOT NULL,
     definition_json ${T} NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     created_by ${T},
     PRIMARY KEY (id, version)
   );`,
  `CREATE TABLE commitments (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     unit_code ${T} NOT NULL,
     period ${T} NOT NULL,
     measure ${T} NOT NULL,
     explanation ${T} NOT NULL,
     action ${T} NOT NULL,
     due_date DATE NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     created_by ${T}
   );
   CREATE TABLE decisions (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     unit_code ${T} NOT NULL,
     period ${T} NOT NULL,
     decision ${T} NOT NULL,
     owner ${T} NOT NULL,
     due_date DATE NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     created_by ${T}
   );
   CREATE TABLE notices (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     recipient ${T} NOT NULL,
     period ${T} NOT NULL,
     kind ${T} NOT NULL,
     unit_code ${T},
     payload_json ${T} NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     email ${T},
     language ${T} NOT NULL,
     mail_status ${T} NOT NULL,
     mail_attempts INTEGER NOT NULL,
     UNIQUE NULLS NOT DISTINCT (recipient, period, kind, unit_code)
   );
   CREATE INDEX notices_recipient ON notices (recipient, created_at);
   ALTER TABLE users ADD COLUMN email ${T};
   ALTER TABLE users ADD COLUMN language ${T};`,
  `CREATE FUNCTION chiso_quantile_cont(sorted DOUBLE PRECISION[], p DOUBLE PRECISION) RETURNS DOUBLE PRECISION
     LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
       SELECT (1 - (r - floor(r))) * sorted[floor(r)::INTEGER + 1] + (r - floor(r)) * sorted[ceil(r)::INTEGER + 1]
         FROM (SELECT (cardinality(sorted) - 1) * p AS r) AS rank
     $$;`,
  `ALTER TABLE indicator_values ADD COLUMN state ${T} NOT NULL DEFAULT 'submitted';
   ALTER TABLE indicator_values ADD COLUMN comment ${T};
   CREATE TABLE indicator_value_history (
     indicator ${T} NOT NULL,
     unit_code ${T} NOT NULL,
     period ${T} NOT NULL,
     numerator DOUBLE PRECISION,
     denominator DOUBLE PRECISION,
     value DOUBLE PRECISION,
     note ${T},
     state ${T} NOT NULL,
     comment ${T},
     at TIMESTAMPTZ NOT NULL,
     actor ${T}
   );
   CREATE INDEX indicator_value_history_unit ON indicator_value_history (unit_code, at);`,
  // The escalation ladder as data an admin changes (versions only grow), and claims on notices being mailed.
  `CREATE TABLE escalation_ladders (
     version INTEGER PRIMARY KEY,
     effective_from DATE NOT NULL,
     steps_json ${T} NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     created_by ${T}
   );
   ALTER TABLE notices ADD COLUMN mail_claimed_by ${T};
   ALTER TABLE notices ADD COLUMN mail_lease_ms DOUBLE PRECISION;
   CREATE INDEX notices_pending ON notices (mail_status) WHERE mail_status = 'pending';`,
  // Per-unit, per-day rollups of the dossiers (decision 022), filled from the dossiers already stored.
  `${rollupTablesDdl(T)}
   ${ROLLUP_TABLES.map((t) => `CREATE INDEX ${t}_day ON ${t} (day, unit_code);`).join('\n')}
   ${rebuildRollups(PG).join(';\n')};
   ANALYZE dossier_days; ANALYZE dossier_completions; ANALYZE dossier_misses;`,
  // Evidence files attached to reported values (decision 024): bytes once per content.
  `CREATE TABLE evidence_files (sha256 ${T} PRIMARY KEY, content BYTEA NOT NULL);
   CREATE TABLE indicator_evidence (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     indicator ${T} NOT NULL,
     unit_code ${T} NOT NULL,
     period ${T} NOT NULL,
     file_name ${T} NOT NULL,
     content_type ${T} NOT NULL,
     size BIGINT NOT NULL,
     sha256 ${T} NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     created_by ${T}
   );
   CREATE INDEX indicator_evidence_value ON indicator_evidence (indicator, unit_code, period);
   ALTER TABLE indicator_value_history ADD COLUMN evidence_id BIGINT;`,
  // The rollups keyed by period segment instead of day (decision 022, "Segments"): same tables, rebuilt.
  `${rebuildRollups(PG).join(';\n')};
   ANALYZE dossier_days; ANALYZE dossier_completions; ANALYZE dossier_misses;`,
  // What each data version changed in the dossiers, so that caches keep the windows it did not touch (decision 029).
  `${dataChangesDdl(T)};
   CREATE INDEX data_changes_v ON data_changes (v);`,
  // Each week's, month's, quarter's and year's counts per unit, from the rollups (decision 030).
  `${periodTableDdl(T)};
   CREATE INDEX dossier_periods_period ON dossier_periods (start_day, end_day, unit_code);
   ${periodRefresh(PG, null).join(';\n')};
   ANALYZE dossier_periods;`,
  // Which logged versions changed dossiers only, so that caches keep units, targets and the like (decision 030).
  `${DATA_CHANGES_ONLY_DOSSIERS_DDL};`,
  // The code and status as written are stored only where they differ from their reading (NULL: the same; decision 032).
  `ALTER TABLE dossiers ALTER COLUMN procedure_code_raw DROP NOT NULL;`,
];
