import type { Form06Counts } from '../../../shared/schemas/form06';
import { form06ByUnit, form06Sql } from '../form06-sql';
import type { Window } from '../port';
import type { PgDb } from './pg-db';
import { PG } from './sql';

/** Biểu số 06 per unit (SPEC §8), computed in the database. */
export async function form06Counts(db: PgDb, window: Window, unitCodes?: readonly string[]): Promise<Map<string, Form06Counts>> {
  const filter = unitCodes ? 'd.unit_code = ANY($1::TEXT[])' : 'TRUE';
  return form06ByUnit(await db.query(form06Sql(PG, window, filter), unitCodes ? [unitCodes] : []));
}
