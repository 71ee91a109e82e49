import type { ImportRecord } from '../../../shared/schemas/import';
import type { Target } from '../../../shared/schemas/target';
import type { Unit, UnitKind } from '../../../shared/schemas/unit';
import type { ImportOutcome } from '../port';
import type { Client, PgDb } from './pg-db';
import { logNoDossierChange } from '../data-changes';
import { epochMs, iso, msToTimestamp, num, str } from './sql';

/**
 * Takes the data write lock and moves the data version, first thing in a transaction that changes figures: the row
 * lock on `data_version` makes data writes of every process wait for each other, so a replace by key (delete, then
 * insert) never interleaves with another one.
 */
export async function dataChanged(c: Client, dossiers?: 'untouched'): Promise<void> {
  await c.query('UPDATE data_version SET v = v + 1 WHERE id = 1');
  // Decision 029: a version that says nothing of the dossiers counts as having changed any.
  if (dossiers === 'untouched') for (const sql of logNoDossierChange()) await c.query(sql);
}

/** Takes the data write lock without moving the version, for a write that may turn out to change nothing. */
export async function lockData(c: Client): Promise<void> {
  await c.query('SELECT v FROM data_version WHERE id = 1 FOR UPDATE');
}

export async function writeUnits(c: Client, units: readonly Unit[]): Promise<void> {
  const column = <T>(pick: (u: Unit) => T) => units.map(pick);
  await c.query(
    `INSERT INTO units
     SELECT * FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[], $6::TEXT[], $7::TEXT[], $8::BIGINT[])
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, kind = excluded.kind, parent_code = excluded.parent_code,
       head_name = excluded.head_name, head_title = excluded.head_title, population = excluded.population`,
    [
      column((u) => u.code), column((u) => u.name), column((u) => u.nameEn), column((u) => u.kind), column((u) => u.parentCode),
      column((u) => u.headName), column((u) => u.headTitle), column((u) => u.population),
    ],
  );
}

export async function deleteTargetIn(c: Client, t: Pick<Target, 'measure' | 'kind' | 'unitCode' | 'effectiveFrom'>): Promise<boolean> {
  const { rowCount } = await c.query(
    'DELETE FROM targets WHERE measure = $1 AND kind IS NOT DISTINCT FROM $2 AND unit_code IS NOT DISTINCT FROM $3 AND effective_from = $4::DATE',
    [t.measure, t.kind, t.unitCode, t.effectiveFrom],
  );
  return (rowCount ?? 0) > 0;
}

/** Replaces the target with the same measure, scope and start date. */
export async function writeTarget(c: Client, t: Target): Promise<void> {
  await deleteTargetIn(c, t);
  await c.query('INSERT INTO targets VALUES ($1, $2, $3, $4, $5::DATE, $6::DATE)', [t.measure, t.kind, t.unitCode, t.threshold, t.effectiveFrom, t.deadline]);
}

export async function insertImport(c: Client, o: ImportOutcome): Promise<ImportRecord> {
  const finished = Date.now();
  const { rows } = await c.query(
    `INSERT INTO imports (kind, file_name, row_count, outcome, error_count, actor, started_at, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, ${msToTimestamp('$7')}, ${msToTimestamp('$8')}) RETURNING id`,
    [o.kind, o.fileName, o.rows, o.outcome, o.errorCount, o.actor, o.startedAt, finished],
  );
  return { id: num(rows[0]?.id), kind: o.kind, fileName: o.fileName, rows: o.rows, outcome: o.outcome, errorCount: o.errorCount, actor: o.actor, startedAt: iso(o.startedAt), finishedAt: iso(finished) };
}


export async function listUnits(db: PgDb): Promise<Unit[]> {
  const rows = await db.query('SELECT * FROM units ORDER BY code');
  return rows.map((r) => ({
    code: String(r.code), name: String(r.name), nameEn: str(r.name_en), kind: r.kind as UnitKind, parentCode: str(r.parent_code),
    headName: str(r.head_name), headTitle: str(r.head_title), population: r.population === null ? null : num(r.population),
  }));
}

export async function listTargets(db: PgDb): Promise<Target[]> {
  const rows = await db.query(
    `SELECT measure, kind, unit_code, threshold, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, to_char(deadline, 'YYYY-MM-DD') AS deadline
       FROM targets ORDER BY effective_from, measure, kind, unit_code`,
  );
  return rows.map((r) => ({
    measure: r.measure as Target['measure'], kind: str(r.kind) as UnitKind | null, unitCode: str(r.unit_code), threshold: num(r.threshold),
    effectiveFrom: String(r.effective_from), deadline: str(r.deadline),
  }));
}

export async function listImports(db: PgDb, limit: number): Promise<ImportRecord[]> {
  const rows = await db.query(
    `SELECT id, kind, file_name, row_count, outcome, error_count, actor, ${epochMs('started_at')} AS s, ${epochMs('finished_at')} AS f
       FROM imports ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: num(r.id), kind: r.kind as ImportRecord['kind'], fileName: String(r.file_name), rows: num(r.row_count),
    outcome: r.outcome as ImportRecord['outcome'], errorCount: num(r.error_count), actor: str(r.actor), startedAt: iso(r.s), finishedAt: iso(r.f),
  }));
}
