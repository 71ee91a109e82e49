import type { DuckDBConnection } from '@duckdb/node-api';
import type { Indicator, IndicatorValue } from '../../../shared/domain/indicator';
import type { UnitKind } from '../../../shared/schemas/unit';
import type { StoredDefinition, ValueKey, ValueRecord } from '../port';
import type { Db } from './access-tables';

type Row = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : num(v));

function indicator(r: Row): Indicator {
  return {
    code: String(r.code), name: String(r.name), nameEn: str(r.name_en), pillar: r.pillar as Indicator['pillar'], unit: r.unit as Indicator['unit'],
    direction: r.direction as Indicator['direction'], frequency: r.frequency as Indicator['frequency'],
    kinds: String(r.kinds).split(';').filter(Boolean) as UnitKind[], description: str(r.description),
  };
}

export async function listIndicators(db: Db): Promise<Indicator[]> {
  return (await db.rows('SELECT * FROM indicators ORDER BY code')).map(indicator);
}

/** Inserts or replaces catalogue entries by code. */
export async function writeIndicators(c: DuckDBConnection, list: readonly Indicator[], onlyMissing = false): Promise<void> {
  for (const i of list) {
    if (onlyMissing) {
      const reader = await c.runAndReadAll('SELECT 1 FROM indicators WHERE code = $c', { c: i.code });
      if (reader.currentRowCount > 0) continue;
    } else await c.run('DELETE FROM indicators WHERE code = $c', { c: i.code });
    await c.run('INSERT INTO indicators VALUES ($c, $n, $ne, $p, $u, $d, $f, $k, $desc)', {
      c: i.code, n: i.name, ne: i.nameEn, p: i.pillar, u: i.unit, d: i.direction, f: i.frequency, k: i.kinds.join(';'), desc: i.description,
    });
  }
}

export async function listIndicatorValues(db: Db): Promise<IndicatorValue[]> {
  const rows = await db.rows("SELECT indicator, unit_code, period, numerator, denominator, value, note FROM indicator_values WHERE state <> 'returned' ORDER BY indicator, unit_code, period");
  return rows.map((r) => ({
    indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period),
    numerator: numOrNull(r.numerator), denominator: numOrNull(r.denominator), value: numOrNull(r.value), note: str(r.note),
  }));
}

/** Replaces the values with the same indicator, unit and period, in bulk through a staging table. */
export async function writeIndicatorValues(c: DuckDBConnection, values: readonly IndicatorValue[], actor: string | null): Promise<void> {
  await c.run('CREATE OR REPLACE TEMP TABLE values_staging AS SELECT * FROM indicator_values LIMIT 0');
  const appender = await c.createAppender('values_staging');
  const double = (v: number | null) => (v === null ? appender.appendNull() : appender.appendDouble(v));
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  const now = Date.now();
  for (const v of values) {
    appender.appendVarchar(v.indicator);
    appender.appendVarchar(v.unitCode);
    appender.appendVarchar(v.period);
    double(v.numerator);
    double(v.denominator);
    double(v.value);
    text(v.note);
    appender.appendDouble(now);
    text(actor);
    appender.appendVarchar('submitted');
    appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
  await c.run(`DELETE FROM indicator_values v USING values_staging s
                WHERE v.indicator = s.indicator AND v.unit_code = s.unit_code AND v.period = s.period`);
  await c.run('INSERT INTO indicator_values SELECT * FROM values_staging');
  await c.run(`INSERT INTO indicator_value_history
                 SELECT indicator, unit_code, period, numerator, denominator, value, note, state, comment, reported_ms, reported_by FROM values_staging`);
  await c.run('DROP TABLE values_staging');
}

const RECORD_COLUMNS = 'indicator, unit_code, period, numerator, denominator, value, note, state, comment';

function valueRecord(r: Row, at: unknown, actor: unknown): ValueRecord {
  return {
    indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period), numerator: numOrNull(r.numerator), denominator: numOrNull(r.denominator),
    value: numOrNull(r.value), note: str(r.note), state: r.state === 'returned' ? 'returned' : 'submitted', comment: str(r.comment),
    at: new Date(num(at)).toISOString(), actor: str(actor),
  };
}

/** Reported values with their state, for the reporting round (who reported, who was asked to correct). */
export async function listValueRecords(db: Db, unitCode: string | null, period: string | null): Promise<ValueRecord[]> {
  const rows = await db.rows(
    `SELECT ${RECORD_COLUMNS}, reported_ms AS at, reported_by AS actor FROM indicator_values
      WHERE ($u IS NULL OR unit_code = $u) AND ($p IS NULL OR period = $p) ORDER BY indicator, unit_code, period`,
    { u: unitCode, p: period },
  );
  return rows.map((r) => valueRecord(r, r.at, r.actor));
}

/** Every version of a unit's values, newest first: corrections keep what was there before. */
export async function listValueHistory(db: Db, unitCode: string, indicator: string | null): Promise<ValueRecord[]> {
  const rows = await db.rows(
    `SELECT ${RECORD_COLUMNS}, at_ms AS at, actor FROM indicator_value_history
      WHERE unit_code = $u AND ($i IS NULL OR indicator = $i) ORDER BY at_ms DESC, period DESC`,
    { u: unitCode, i: indicator },
  );
  return rows.map((r) => valueRecord(r, r.at, r.actor));
}

/** Marks a value as returned to its unit with the city's comment; it counts in no figure until reported again. */
export async function returnValue(c: DuckDBConnection, key: ValueKey, comment: string, actor: string | null): Promise<boolean> {
  const reader = await c.runAndReadAll(
    `UPDATE indicator_values SET state = 'returned', comment = $comment WHERE indicator = $i AND unit_code = $u AND period = $p RETURNING indicator`,
    { comment, i: key.indicator, u: key.unitCode, p: key.period },
  );
  if (reader.currentRowCount === 0) return false;
  await c.run(
    `INSERT INTO indicator_value_history SELECT ${RECORD_COLUMNS}, $at, $actor FROM indicator_values WHERE indicator = $i AND unit_code = $u AND period = $p`,
    { at: Date.now(), actor, i: key.indicator, u: key.unitCode, p: key.period },
  );
  return true;
}

export async function listDefinitions(db: Db): Promise<StoredDefinition[]> {
  const rows = await db.rows('SELECT id, version, definition_json, epoch_ms(created_at) AS at, created_by FROM index_definitions ORDER BY id, version');
  return rows.map((r) => ({ id: String(r.id), version: num(r.version), json: String(r.definition_json), createdAt: new Date(num(r.at)).toISOString(), createdBy: str(r.created_by) }));
}

export async function insertDefinition(c: DuckDBConnection, d: Omit<StoredDefinition, 'createdAt'>): Promise<void> {
  await c.run('INSERT INTO index_definitions VALUES ($id, $v, $json, now()::TIMESTAMP, $by)', { id: d.id, v: d.version, json: d.json, by: d.createdBy });
}
