import type { Counts } from '../../../shared/schemas/measure';
import { countColumns, countsFromRow, overdueOpen, processingQuantiles, windowedDossiers, windowsCte } from '../measure-sql';
import type { OverdueRow, ProcedureCounts, Window } from '../port';
import type { PgDb } from './pg-db';
import { epochMs, num, PG, str } from './sql';

/** The first and last receipt of counted dossiers. */
export async function receivedRange(db: PgDb): Promise<{ first: number; last: number } | null> {
  const [r] = await db.query(`SELECT ${epochMs('min(received_at)')} AS first, ${epochMs('max(received_at)')} AS last FROM dossiers WHERE counted`);
  return r && r.first !== null ? { first: num(r.first), last: num(r.last) } : null;
}

export async function countsByUnit(db: PgDb, windows: readonly Window[], unitCodes?: readonly string[]): Promise<Map<string, (Counts | undefined)[]>> {
  const out = new Map<string, (Counts | undefined)[]>();
  if (windows.length === 0) return out;
  const unitFilter = unitCodes ? 'unit_code = ANY($1::TEXT[])' : 'TRUE';
  const rows = await db.query(
    `WITH ${windowsCte(PG, windows)}
     SELECT d.unit_code, d.idx, ${countColumns(PG)} FROM ${windowedDossiers(PG, windows, unitFilter)} GROUP BY d.unit_code, d.idx`,
    unitCodes ? [unitCodes] : [],
  );
  for (const r of rows) {
    const code = String(r.unit_code);
    const series = out.get(code) ?? new Array<Counts | undefined>(windows.length).fill(undefined);
    series[num(r.idx)] = countsFromRow(r);
    out.set(code, series);
  }
  return out;
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
  const days = (v: unknown) => (v === null || v === undefined ? null : num(v) / 86_400_000);
  return { median: days(r?.median), p90: days(r?.p90) };
}

export async function overdueDossiers(db: PgDb, unitCode: string, window: Window, limit: number): Promise<OverdueRow[]> {
  const rows = await db.query(`WITH ${windowsCte(PG, [window])} ${overdueOpen(PG, '$1')} LIMIT $2`, [unitCode, limit]);
  return rows.map((r) => ({ dossierId: String(r.dossier_id), procedureCode: String(r.procedure_code), procedureName: str(r.procedure_name), receivedAt: num(r.r), dueAt: num(r.due) }));
}
