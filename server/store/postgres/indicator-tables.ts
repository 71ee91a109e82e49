import type { Indicator, IndicatorValue } from '../../../shared/domain/indicator';
import type { UnitKind } from '../../../shared/schemas/unit';
import type { StoredDefinition, ValueKey, ValueRecord } from '../port';
import type { Client, PgDb } from './pg-db';
import { epochMs, iso, msToTimestamp, num, numOrNull, str, type Row } from './sql';

function indicator(r: Row): Indicator {
  return {
    code: String(r.code), name: String(r.name), nameEn: str(r.name_en), pillar: r.pillar as Indicator['pillar'], unit: r.unit as Indicator['unit'],
    direction: r.direction as Indicator['direction'], frequency: r.frequency as Indicator['frequency'],
    kinds: String(r.kinds).split(';').filter(Boolean) as UnitKind[], description: str(r.description),
  };
}

export async function listIndicators(db: PgDb): Promise<Indicator[]> {
  return (await db.query('SELECT * FROM indicators ORDER BY code')).map(indicator);
}

/** Inserts or replaces catalogue entries by code (or only inserts the missing ones). */
export async function writeIndicators(c: Client, list: readonly Indicator[], onlyMissing = false): Promise<void> {
  const onConflict = onlyMissing
    ? 'DO NOTHING'
    : `DO UPDATE SET name = excluded.name, name_en = excluded.name_en, pillar = excluded.pillar, unit = excluded.unit,
         direction = excluded.direction, frequency = excluded.frequency, kinds = excluded.kinds, description = excluded.description`;
  for (const i of list) {
    await c.query(`INSERT INTO indicators VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) ${onConflict}`, [
      i.code, i.name, i.nameEn, i.pillar, i.unit, i.direction, i.frequency, i.kinds.join(';'), i.description,
    ]);
  }
}

export async function listIndicatorValues(db: PgDb): Promise<IndicatorValue[]> {
  const rows = await db.query("SELECT indicator, unit_code, period, numerator, denominator, value, note FROM indicator_values WHERE state <> 'returned' ORDER BY indicator, unit_code, period");
  return rows.map((r) => ({
    indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period),
    numerator: numOrNull(r.numerator), denominator: numOrNull(r.denominator), value: numOrNull(r.value), note: str(r.note),
  }));
}

const VALUE_COLUMNS = 'indicator, unit_code, period, numerator, denominator, value, note';
const RECORD_COLUMNS = `${VALUE_COLUMNS}, state, comment`;

/**
 * Replaces the values with the same indicator, unit and period (a value reported again is submitted, whatever it
 * was), and keeps each in the history, in three statements whatever their number.
 */
export async function writeIndicatorValues(c: Client, values: readonly IndicatorValue[], actor: string | null): Promise<void> {
  const column = <T>(pick: (v: IndicatorValue) => T) => values.map(pick);
  const params = [
    column((v) => v.indicator), column((v) => v.unitCode), column((v) => v.period),
    column((v) => v.numerator), column((v) => v.denominator), column((v) => v.value), column((v) => v.note),
  ];
  const given = `unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::DOUBLE PRECISION[], $5::DOUBLE PRECISION[], $6::DOUBLE PRECISION[], $7::TEXT[])
                   AS s(indicator, unit_code, period, numerator, denominator, value, note)`;
  await c.query(`DELETE FROM indicator_values v USING ${given} WHERE v.indicator = s.indicator AND v.unit_code = s.unit_code AND v.period = s.period`, params);
  const stamped = [...params, Date.now(), actor];
  await c.query(`INSERT INTO indicator_values (${VALUE_COLUMNS}, reported_at, reported_by, state) SELECT s.*, ${msToTimestamp('$8')}, $9, 'submitted' FROM ${given}`, stamped);
  await c.query(`INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at, actor) SELECT s.*, 'submitted', NULL, ${msToTimestamp('$8')}, $9 FROM ${given}`, stamped);
}

function valueRecord(r: Row): ValueRecord {
  return {
    indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period), numerator: numOrNull(r.numerator), denominator: numOrNull(r.denominator),
    value: numOrNull(r.value), note: str(r.note), state: r.state === 'returned' ? 'returned' : 'submitted', comment: str(r.comment), at: iso(r.at), actor: str(r.actor),
  };
}

/** Reported values with their state, for the reporting round (who reported, who was asked to correct). */
export async function listValueRecords(db: PgDb, unitCode: string | null, period: string | null): Promise<ValueRecord[]> {
  const rows = await db.query(
    `SELECT ${RECORD_COLUMNS}, ${epochMs('reported_at')} AS at, reported_by AS actor FROM indicator_values
      WHERE ($1::TEXT IS NULL OR unit_code = $1) AND ($2::TEXT IS NULL OR period = $2) ORDER BY indicator, unit_code, period`,
    [unitCode, period],
  );
  return rows.map(valueRecord);
}

/** Every version of a unit's values, newest first: corrections keep what was there before. */
export async function listValueHistory(db: PgDb, unitCode: string, indicator: string | null): Promise<ValueRecord[]> {
  const rows = await db.query(
    `SELECT ${RECORD_COLUMNS}, ${epochMs('at')} AS at, actor FROM indicator_value_history
      WHERE unit_code = $1 AND ($2::TEXT IS NULL OR indicator = $2) ORDER BY at DESC, period DESC`,
    [unitCode, indicator],
  );
  return rows.map(valueRecord);
}

/** Marks a value as returned to its unit with the city's comment; it counts in no figure until reported again. */
export async function returnValue(c: Client, key: ValueKey, comment: string, actor: string | null): Promise<boolean> {
  const { rowCount } = await c.query(`UPDATE indicator_values SET state = 'returned', comment = $1 WHERE indicator = $2 AND unit_code = $3 AND period = $4`, [comment, key.indicator, key.unitCode, key.period]);
  if (!rowCount) return false;
  await c.query(
    `INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at, actor)
     SELECT ${RECORD_COLUMNS}, ${msToTimestamp('$1')}, $2 FROM indicator_values WHERE indicator = $3 AND unit_code = $4 AND period = $5`,
    [Date.now(), actor, key.indicator, key.unitCode, key.period],
  );
  return true;
}

export async function listDefinitions(db: PgDb): Promise<StoredDefinition[]> {
  const rows = await db.query(`SELECT id, version, definition_json, ${epochMs('created_at')} AS at, created_by FROM index_definitions ORDER BY id, version`);
  return rows.map((r) => ({ id: String(r.id), version: num(r.version), json: String(r.definition_json), createdAt: iso(r.at), createdBy: str(r.created_by) }));
}

export async function insertDefinition(c: Client, d: Omit<StoredDefinition, 'createdAt'>): Promise<void> {
  await c.query('INSERT INTO index_definitions VALUES ($1, $2, $3, now(), $4)', [d.id, d.version, d.json, d.createdBy]);
}
