import { MIGRATIONS } from '../store/duckdb/migrations';

/** The number of the DuckDB migration that keyed the unit and procedure codes (decision 035). */
export function keysMigration(): number {
  return MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE dossier_rows')) + 1;
}

/**
 * Statements that turn a DuckDB database's dossiers back into one table with text codes, as before decision 035,
 * and forget that migration: the layout a database or backup made by an earlier chiso has.
 */
export function unkeyed(): string[] {
  return [
    'CREATE TABLE dossiers_table AS SELECT * FROM dossiers',
    'DROP VIEW dossiers',
    'DROP TABLE dossier_rows',
    'DROP TABLE unit_keys',
    'DROP TABLE procedure_keys',
    'DROP SEQUENCE unit_key_ids',
    'DROP SEQUENCE procedure_key_ids',
    'ALTER TABLE dossiers_table RENAME TO dossiers',
    `DELETE FROM schema_migrations WHERE version = ${keysMigration()}`,
  ];
}
