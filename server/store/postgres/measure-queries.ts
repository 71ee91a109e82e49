import type { Counts } from '../../../shared/schemas/measure';
import { breakdownSql, breakdownsFromRows, quantilesFromRow, countColumns, countsByUnitSql, countsByWindowSql, sinkRows, type CountsQuery, countsFromRow, overdueOpen, processingQuantiles, windowedDossiers, windowsCte, unitBreakdownFromRows, unitBreakdownSql, type CountsPaths } from '../measure-sql';
import { rollupDriftSql } from '../rollup-sql';
import type { OverdueRow, ProcedureCounts, UnitBreakdown, Window } from '../port';
import type { PgDb } from './pg-db';
import { epochMs, num, PG, str } from './sql';

/** The first and last receipt of counted dossiers. */
export async function receivedRange(db: PgDb): Promise<{ first: number; last: number } | null> {
  const [r] = await db.query(`SELECT ${epochMs('min(received_at)')} AS first, ${epochMs('max(received_at)')} AS last FROM dossiers WHERE counted`);
  return r && r.first !== null ? { first: num(r.first), last: num(r.last) } : null;
}

/** The counts statements' arguments on PostgreSQL: the units asked for as the array parameter $1. */
function countsQuery(db: PgDb, windows: readonly Window[], paths: CountsPaths, unitCodes?: readonly string[]): CountsQuery {
  return {
    d: PG,
    windows,
    unitFilter: unitCodes ? 'unit_code = ANY($1::TEXT[])' : 'TRUE',
    run: async (sql, sink) => sinkRows(await db.query(sql, unitCodes ? [unitCodes] : []), sink),
    paths,
  };
}

export function countsByUnit(db: PgDb, windows: readonly Window[], paths: CountsPaths, unitCodes?: readonly string[]): Promise<Map<string, (Counts | undefined)[]>> {
  return countsByUnitSql(countsQuery(db, windows, paths, unitCodes));
}

export function countsByWindow(db: PgDb, windows: readonly Window[], paths: CountsPaths, unitCodes?: readonly string[]): Promise<Map<string, Counts>[]> {
  return countsByWindowSql(countsQuery(db, windows, paths, unitCodes));
}

/** Rows by which the per-day rollups differ from a rebuild from dossiers. */
export async function rollupDrift(db: PgDb): Promise<number> {
  const [r] = await db.query(rollupDriftSql(PG));
  return num(r?.drift ?? 0);
}

export async function procedureCounts(db: PgDb, unitCode: string, window: Window): Promise<ProcedureCounts[]> {
  const rows = await db.query(
    `WITH ${windowsCte(PG, [window])}
     SELECT d.procedure_code, max(d.procedure_name) AS procedure_name, ${countColumns(PG)}
       FROM ${windowedDossiers(PG, [window], 'unit_code = $1')}
      GROUP BY d.procedure_code`,
    [unitCode],
  );
  return rows.map((r) => ({ procedureCode: String(r.procedure_code), procedureName: str(r.procedure_name), counts: countsFromRow(r) }));
}

export async function quantiles(db: PgDb, unitCode: string, window: Window): Promise<{ median: number | null; p90: number | null }> {
  const [r] = await db.query(`WITH ${windowsCte(PG, [window])} ${processingQuantiles(PG, '$1')}`, [unitCode]);
  return quantilesFromRow(r);
}

export async function overdueDossiers(db: PgDb, unitCode: string, window: Window, limit: number): Promise<OverdueRow[]> {
  const rows = await db.query(`WITH ${windowsCte(PG, [window])} ${overdueOpen(PG, '$1')} LIMIT $2`, [unitCode, limit]);
  return rows.map((r) => ({ dossierId: String(r.dossier_id), procedureCode: String(r.procedure_code), procedureName: str(r.procedure_name), receivedAt: num(r.r), dueAt: num(r.due) }));
}

export async function unitBreakdown(db: PgDb, unitCode: string, window: Window, limit: number): Promise<UnitBreakdown> {
  return unitBreakdownFromRows(await db.query(unitBreakdownSql(PG, window, '$1', limit), [unitCode]));
}

export async function unitBreakdowns(db: PgDb, window: Window, limit: number): Promise<Map<string, UnitBreakdown>> {
  const sql = breakdownSql(PG, window, limit);
  const [procedures, quantiles, overdue] = await Promise.all([db.query(sql.procedures), db.query(sql.quantiles), db.query(sql.overdue)]);
  return breakdownsFromRows(procedures, quantiles, overdue);
}
