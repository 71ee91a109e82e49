import type { Form06Counts } from '../../../shared/schemas/form06';
import { form06ByUnit, form06Sql } from '../form06-sql';
import { DUCKDB } from './sql';
import type { Window } from '../port';
import type { Db } from './access-tables';

/** Biểu số 06 per unit (SPEC §8), computed in the database. */
export async function form06Counts(db: Pick<Db, 'rows'>, window: Window, unitCodes?: readonly string[]): Promise<Map<string, Form06Counts>> {
  const filter = unitCodes ? 'd.unit_code IN (SELECT unnest($units::VARCHAR[]))' : 'TRUE';
  return form06ByUnit(await db.rows(form06Sql(DUCKDB, window, filter), unitCodes ? { units: JSON.stringify(unitCodes) } : undefined));
}
