import { DATA_CHANGES_ONLY_DOSSIERS_DDL, dataChangesDdl } from '../data-changes';
import { periodRefresh, periodTableDdl, rebuildRollups, rollupTablesDdl } from '../rollup-sql';
import { DUCKDB } from './sql';

/** Applied in order on open; each entry runs once. Keep the SQL portable where the dialects agree. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE units (
     code VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     name_en VARCHAR,
     kind VARCHAR NOT NULL,
     parent_code VARCHAR,
     head_name VARCHAR,
     head_title VARCHAR,
     population BIGINT
   );
   CREATE TABLE targets (
     measure VARCHAR NOT NULL,
     kind VARCHAR,
     unit_code VARCHAR,
     threshold DOUBLE NOT NULL,
     effective_from DATE NOT NULL,
     deadline DATE
   );
   CREATE TABLE dossiers (
     dossier_id VARCHAR NOT NULL,
     unit_code VARCHAR NOT NULL,
     procedure_code VARCHAR NOT NULL,
     procedure_code_raw VARCHAR NOT NULL,
     procedure_name VARCHAR,
     channel VARCHAR NOT NULL,
     end_to_end BOOLEAN NOT NULL,
     received_at TIMESTAMP NOT NULL,
     due_at TIMESTAMP NOT NULL,
     completed_at TIMESTAMP,
     returned_at TIMESTAMP,
     status VARCHAR,
     status_raw VARCHAR,
     service_level INTEGER,
     e_result BOOLEAN,
     digitized BOOLEAN,
     fee_required BOOLEAN,
     paid_online BOOLEAN,
     counted BOOLEAN NOT NULL
   );
   CREATE SEQUENCE import_ids START 1;
   CREATE TABLE imports (
     id BIGINT PRIMARY KEY,
     kind VARCHAR NOT NULL,
     file_name VARCHAR NOT NULL,
     row_count BIGINT NOT NULL,
     outcome VARCHAR NOT NULL,
     error_count BIGINT NOT NULL,
     actor VARCHAR,
     started_at TIMESTAMP NOT NULL,
     finished_at TIMESTAMP NOT NULL
   );
   CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);`,
  `CREATE TABLE users (
     username VARCHAR PRIMARY KEY,
     display_name VARCHAR,
     role VARCHAR NOT NULL,
     unit_code VARCHAR,
     password_hash VARCHAR NOT NULL,
     disabled BOOLEAN NOT NULL,
     demo BOOLEAN NOT NULL,
     created_at TIMESTAMP NOT NULL,
     updated_at TIMESTAMP NOT NULL
   );
   CREATE TABLE sessions (
     token_hash VARCHAR PRIMARY KEY,
     username VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL,
     expires_at TIMESTAMP NOT NULL
   );
   CREATE SEQUENCE audit_ids START 1;
   CREATE TABLE audit (
     id BIGINT PRIMARY KEY,
     happened_at TIMESTAMP NOT NULL,
     actor VARCHAR,
     action VARCHAR NOT NULL,
     target VARCHAR,
     before_json VARCHAR,
     after_json VARCHAR,
     address VARCHAR
   );`,
  `CREATE SEQUENCE report_ids START 1;
   CREATE TABLE reports (
     id BIGINT PRIMARY KEY,
     period VARCHAR NOT NULL,
     format VARCHAR NOT NULL,
     language VARCHAR NOT NULL,
     version INTEGER NOT NULL,
     cut_off TIMESTAMP NOT NULL,
     generated_at TIMESTAMP NOT NULL,
     inputs_hash VARCHAR NOT NULL,
     definition_id VARCHAR NOT NULL,
     targets_json VARCHAR NOT NULL,
     trigger_kind VARCHAR NOT NULL,
     created_by VARCHAR,
     size BIGINT NOT NULL,
     content_base64 VARCHAR NOT NULL
   );
   CREATE TABLE report_runs (run_key VARCHAR PRIMARY KEY, claimed_at TIMESTAMP NOT NULL, claimed_by VARCHAR NOT NULL);`,
  `CREATE TABLE data_version (v BIGINT NOT NULL);
   INSERT INTO data_version VALUES (1);
   CREATE TABLE indicators (
     code VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     name_en VARCHAR,
     pillar VARCHAR NOT NULL,
     unit VARCHAR NOT NULL,
     direction VARCHAR NOT NULL,
     frequency VARCHAR NOT NULL,
     kinds VARCHAR NOT NULL,
     description VARCHAR
   );
   CREATE TABLE indicator_values (
     indicator VARCHAR NOT NULL,
     unit_code VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     numerator DOUBLE,
     denominator DOUBLE,
     value DOUBLE,
     note VARCHAR,
     reported_ms DOUBLE NOT NULL,
     reported_by VARCHAR
   );
   CREATE TABLE index_definitions (
     id VARCHAR NOT NULL,
     version INTEGER NOT NULL,
     definition_json VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL,
     created_by VARCHAR,
     PRIMARY KEY (id, version)
   );
   ALTER TABLE reports ADD COLUMN definition_json VARCHAR;`,
  `ALTER TABLE indicator_values ADD COLUMN state VARCHAR DEFAULT 'submitted';
   ALTER TABLE indicator_values ADD COLUMN comment VARCHAR;
   CREATE TABLE indicator_value_history (
     indicator VARCHAR NOT NULL,
     unit_code VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     numerator DOUBLE,
     denominator DOUBLE,
     value DOUBLE,
     note VARCHAR,
     state VARCHAR NOT NULL,
     comment VARCHAR,
     at_ms DOUBLE NOT NULL,
     actor VARCHAR
   );`,
  `CREATE SEQUENCE commitment_ids START 1;
   CREATE TABLE commitments (
     id BIGINT PRIMARY KEY,
     unit_code VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     measure VARCHAR NOT NULL,
     explanation VARCHAR NOT NULL,
     action VARCHAR NOT NULL,
     due_date DATE NOT NULL,
     created_at TIMESTAMP NOT NULL,
     created_by VARCHAR
   );
   CREATE SEQUENCE decision_ids START 1;
   CREATE TABLE decisions (
     id BIGINT PRIMARY KEY,
     unit_code VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     decision VARCHAR NOT NULL,
     owner VARCHAR NOT NULL,
     due_date DATE NOT NULL,
     created_at TIMESTAMP NOT NULL,
     created_by VARCHAR
   );
   CREATE SEQUENCE notice_ids START 1;
   CREATE TABLE notices (
     id BIGINT PRIMARY KEY,
     dedupe_key VARCHAR NOT NULL UNIQUE,
     recipient VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     kind VARCHAR NOT NULL,
     unit_code VARCHAR,
     payload_json VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL,
     email VARCHAR,
     language VARCHAR NOT NULL,
     mail_status VARCHAR NOT NULL,
     mail_attempts INTEGER NOT NULL
   );
   ALTER TABLE users ADD COLUMN email VARCHAR;
   ALTER TABLE users ADD COLUMN language VARCHAR;`,
  // The escalation ladder as data an admin changes (versions only grow), and claims on notices being mailed.
  `CREATE TABLE escalation_ladders (
     version INTEGER PRIMARY KEY,
     effective_from DATE NOT NULL,
     steps_json VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL,
     created_by VARCHAR
   );
   ALTER TABLE notices ADD COLUMN mail_claimed_by VARCHAR;
   ALTER TABLE notices ADD COLUMN mail_lease_ms DOUBLE;`,
  // Per-unit, per-day rollups of the dossiers (decision 022), filled from the dossiers already stored.
  `${rollupTablesDdl('VARCHAR')}
   ${rebuildRollups(DUCKDB).join(';\n')};`,
  // Evidence files attached to reported values (decision 024): bytes once per content, base64 as reports keep theirs.
  `CREATE SEQUENCE evidence_ids START 1;
   CREATE TABLE evidence_files (sha256 VARCHAR PRIMARY KEY, content VARCHAR NOT NULL);
   CREATE TABLE indicator_evidence (
     id BIGINT PRIMARY KEY,
     indicator VARCHAR NOT NULL,
     unit_code VARCHAR NOT NULL,
     period VARCHAR NOT NULL,
     file_name VARCHAR NOT NULL,
     content_type VARCHAR NOT NULL,
     size BIGINT NOT NULL,
     sha256 VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL,
     created_by VARCHAR
   );
   ALTER TABLE indicator_value_history ADD COLUMN evidence_id BIGINT;`,
  // The rollups keyed by period segment instead of day (decision 022, "Segments"): same tables, rebuilt.
  `${rebuildRollups(DUCKDB).join(';\n')};`,
  // What each data version changed in the dossiers, so that caches keep the windows it did not touch (decision 029).
  `${dataChangesDdl('VARCHAR')};`,
  // Each week's, month's, quarter's and year's counts per unit, from the rollups (decision 030).
  `${periodTableDdl('VARCHAR')};
   ${periodRefresh(DUCKDB, null).join(';\n')};`,
  // Which logged versions changed dossiers only, so that caches keep units, targets and the like (decision 030).
  `${DATA_CHANGES_ONLY_DOSSIERS_DDL};`,
  // The code and status as written are stored only where they differ from their reading (NULL: the same), which
  // halves what an import writes of them (decision 032); the rows stored before keep theirs, read the same way.
  `ALTER TABLE dossiers ALTER COLUMN procedure_code_raw DROP NOT NULL;`,
  // Narrower dossiers (decision 034): the channel and status of a closed list as enums (a byte each, written four
  // times faster than text), the ids with the string compression that suits unique ids, chosen rather than tried
  // against every other. The lists are the ones of shared/schemas/dossier.ts at the time (a test holds them equal).
  `CREATE TYPE dossier_channel AS ENUM ('online', 'counter', 'postal');
   CREATE TYPE dossier_status AS ENUM ('processing', 'completed', 'rejected', 'withdrawn', 'not_received');
   CREATE TABLE dossiers_narrow (
     dossier_id VARCHAR NOT NULL USING COMPRESSION fsst,
     unit_code VARCHAR NOT NULL,
     procedure_code VARCHAR NOT NULL,
     procedure_code_raw VARCHAR,
     procedure_name VARCHAR,
     channel dossier_channel NOT NULL,
     end_to_end BOOLEAN NOT NULL,
     received_at TIMESTAMP NOT NULL,
     due_at TIMESTAMP NOT NULL,
     completed_at TIMESTAMP,
     returned_at TIMESTAMP,
     status dossier_status,
     status_raw VARCHAR,
     service_level INTEGER,
     e_result BOOLEAN,
     digitized BOOLEAN,
     fee_required BOOLEAN,
     paid_online BOOLEAN,
     counted BOOLEAN NOT NULL
   );
   INSERT INTO dossiers_narrow SELECT * FROM dossiers;
   DROP TABLE dossiers;
   ALTER TABLE dossiers_narrow RENAME TO dossiers;`,
  // Unit and procedure codes as integer keys (decision 035): the rows are stored in dossier_rows, each code once in
  // unit_keys / procedure_keys, and \`dossiers\` becomes a view with the columns, names and order it had, so every
  // query reads it as before; only the writers know dossier_rows. Keys are never reused nor deleted with rows.
  `CREATE SEQUENCE unit_key_ids START 1;
   CREATE SEQUENCE procedure_key_ids START 1;
   CREATE TABLE unit_keys (key INTEGER PRIMARY KEY DEFAULT nextval('unit_key_ids'), code VARCHAR NOT NULL UNIQUE);
   CREATE TABLE procedure_keys (key INTEGER PRIMARY KEY DEFAULT nextval('procedure_key_ids'), code VARCHAR NOT NULL UNIQUE);
   INSERT INTO unit_keys (code) SELECT DISTINCT unit_code FROM dossiers ORDER BY unit_code;
   INSERT INTO procedure_keys (code) SELECT DISTINCT procedure_code FROM dossiers ORDER BY procedure_code;
   CREATE TABLE dossier_rows (
     dossier_id VARCHAR NOT NULL USING COMPRESSION fsst,
     unit_key INTEGER NOT NULL,
     procedure_key INTEGER NOT NULL,
     procedure_code_raw VARCHAR,
     procedure_name VARCHAR,
     channel dossier_channel NOT NULL,
     end_to_end BOOLEAN NOT NULL,
     received_at TIMESTAMP NOT NULL,
     due_at TIMESTAMP NOT NULL,
     completed_at TIMESTAMP,
     returned_at TIMESTAMP,
     status dossier_status,
     status_raw VARCHAR,
     service_level INTEGER,
     e_result BOOLEAN,
     digitized BOOLEAN,
     fee_required BOOLEAN,
     paid_online BOOLEAN,
     counted BOOLEAN NOT NULL
   );
   INSERT INTO dossier_rows
     SELECT d.dossier_id, u.key, p.key, d.procedure_code_raw, d.procedure_name, d.channel, d.end_to_end, d.received_at,
            d.due_at, d.completed_at, d.returned_at, d.status, d.status_raw, d.service_level, d.e_result, d.digitized,
            d.fee_required, d.paid_online, d.counted
       FROM dossiers d JOIN unit_keys u ON u.code = d.unit_code JOIN procedure_keys p ON p.code = d.procedure_code
      ORDER BY d.rowid;
   DROP TABLE dossiers;
   CREATE VIEW dossiers AS
     SELECT r.dossier_id, u.code AS unit_code, p.code AS procedure_code, r.procedure_code_raw, r.procedure_name,
            r.channel, r.end_to_end, r.received_at, r.due_at, r.completed_at, r.returned_at, r.status, r.status_raw,
            r.service_level, r.e_result, r.digitized, r.fee_required, r.paid_online, r.counted
       FROM dossier_rows r JOIN unit_keys u ON u.key = r.unit_key JOIN procedure_keys p ON p.key = r.procedure_key;`,
];
