import type { Indicator, IndicatorValue } from '../../../shared/domain/indicator';
import type { UnitKind } from '../../../shared/schemas/unit';
import { createHash } from 'node:crypto';
import type { EvidenceFile, StoredDefinition, ValueKey, ValueRecord } from '../port';
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

/** A digest of what listIndicatorValues answers: a 64-bit hash per stored value (state included), summed. */
export async function indicatorValuesDigest(db: PgDb): Promise<string> {
  const [r] = await db.query(`SELECT count(*)::TEXT AS n, coalesce(sum(('x' || left(md5(ROW(indicator, unit_code, period, numerator, denominator, value, note, state)::TEXT), 16))::BIT(64)::BIGINT::NUMERIC), 0)::TEXT AS h
                                FROM indicator_values`);
  return `${String(r?.n)}:${String(r?.h)}`;
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
const RECORD_OF = (t: string) => RECORD_COLUMNS.split(', ').map((c) => `${t}.${c}`).join(', ');
/** The id of the evidence a value has now: the last one attached to its indicator, unit and period (decision 024). */
const CURRENT_EVIDENCE = (t: string) =>
  `(SELECT max(e.id) FROM indicator_evidence e WHERE e.indicator = ${t}.indicator AND e.unit_code = ${t}.unit_code AND e.period = ${t}.period)`;
const EVIDENCE_COLUMNS = `e.id AS e_id, e.file_name AS e_name, e.content_type AS e_type, e.size AS e_size, e.sha256 AS e_sha, ${epochMs('e.created_at')} AS e_at, e.created_by AS e_by`;

function evidenceFile(r: Row): EvidenceFile | null {
  if (r.e_id === null || r.e_id === undefined) return null;
  return { id: num(r.e_id), fileName: String(r.e_name), contentType: String(r.e_type), size: num(r.e_size), sha256: String(r.e_sha), at: iso(r.e_at), actor: str(r.e_by) };
}

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
  await c.query(`INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at, actor, evidence_id) SELECT s.*, 'submitted', NULL, ${msToTimestamp('$8')}, $9, ${CURRENT_EVIDENCE('s')} FROM ${given}`, stamped);
}

function valueRecord(r: Row): ValueRecord {
  return {
    indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period), numerator: numOrNull(r.numerator), denominator: numOrNull(r.denominator),
    value: numOrNull(r.value), note: str(r.note), state: r.state === 'returned' ? 'returned' : 'submitted', comment: str(r.comment), at: iso(r.at), actor: str(r.actor),
    evidence: evidenceFile(r),
  };
}

/** Reported values with their state, for the reporting round (who reported, who was asked to correct). */
export async function listValueRecords(db: PgDb, unitCode: string | null, period: string | null): Promise<ValueRecord[]> {
  const rows = await db.query(
    `SELECT ${RECORD_OF('v')}, ${epochMs('v.reported_at')} AS at, v.reported_by AS actor, ${EVIDENCE_COLUMNS} FROM indicator_values v
       LEFT JOIN (SELECT indicator, unit_code, period, max(id) AS id FROM indicator_evidence GROUP BY indicator, unit_code, period) l
              ON l.indicator = v.indicator AND l.unit_code = v.unit_code AND l.period = v.period
       LEFT JOIN indicator_evidence e ON e.id = l.id
      WHERE ($1::TEXT IS NULL OR v.unit_code = $1) AND ($2::TEXT IS NULL OR v.period = $2) ORDER BY v.indicator, v.unit_code, v.period`,
    [unitCode, period],
  );
  return rows.map(valueRecord);
}

/** Every version of a unit's values, newest first: corrections keep what was there before. */
export async function listValueHistory(db: PgDb, unitCode: string, indicator: string | null): Promise<ValueRecord[]> {
  const rows = await db.query(
    `SELECT ${RECORD_OF('h')}, ${epochMs('h.at')} AS at, h.actor, ${EVIDENCE_COLUMNS} FROM indicator_value_history h
       LEFT JOIN indicator_evidence e ON e.id = h.evidence_id
      WHERE h.unit_code = $1 AND ($2::TEXT IS NULL OR h.indicator = $2) ORDER BY h.at DESC, h.period DESC`,
    [unitCode, indicator],
  );
  return rows.map(valueRecord);
}

/** Marks a value as returned to its unit with the city's comment; it counts in no figure until reported again. */
export async function returnValue(c: Client, key: ValueKey, comment: string, actor: string | null): Promise<boolean> {
  const { rowCount } = await c.query(`UPDATE indicator_values SET state = 'returned', comment = $1 WHERE indicator = $2 AND unit_code = $3 AND period = $4`, [comment, key.indicator, key.unitCode, key.period]);
  if (!rowCount) return false;
  await c.query(
    `INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at, actor, evidence_id)
     SELECT ${RECORD_COLUMNS}, ${msToTimestamp('$1')}, $2, ${CURRENT_EVIDENCE('indicator_values')} FROM indicator_values WHERE indicator = $3 AND unit_code = $4 AND period = $5`,
    [Date.now(), actor, key.indicator, key.unitCode, key.period],
  );
  return true;
}

/**
 * Attaches a file to a reported value: its bytes once per content, a row naming it, and a version in the value's
 * history that carries it. Null, with nothing written, when the value does not exist.
 */
export async function attachEvidence(c: Client, key: ValueKey, file: { fileName: string; contentType: string; content: Buffer }, actor: string | null): Promise<EvidenceFile | null> {
  const where = 'indicator = $1 AND unit_code = $2 AND period = $3';
  const keyParams = [key.indicator, key.unitCode, key.period];
  const { rowCount } = await c.query(`SELECT 1 FROM indicator_values WHERE ${where}`, keyParams);
  if (!rowCount) return null;
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  await c.query('INSERT INTO evidence_files VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha256, file.content]);
  const at = Date.now();
  const { rows } = await c.query(
    `INSERT INTO indicator_evidence (indicator, unit_code, period, file_name, content_type, size, sha256, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, ${msToTimestamp('$8')}, $9) RETURNING id`,
    [...keyParams, file.fileName, file.contentType, file.content.length, sha256, at, actor],
  );
  const id = num(rows[0]?.id);
  await c.query(
    `INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at, actor, evidence_id)
     SELECT ${RECORD_COLUMNS}, ${msToTimestamp('$4')}, $5, $6 FROM indicator_values WHERE ${where}`,
    [...keyParams, at, actor, id],
  );
  return { id, fileName: file.fileName, contentType: file.contentType, size: file.content.length, sha256, at: new Date(at).toISOString(), actor };
}

export async function evidenceContent(db: PgDb, id: number): Promise<{ key: ValueKey; file: EvidenceFile; content: Buffer } | null> {
  const [r] = await db.query(
    `SELECT e.indicator, e.unit_code, e.period, ${EVIDENCE_COLUMNS}, f.content FROM indicator_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.id = $1`,
    [id],
  );
  const file = r ? evidenceFile(r) : null;
  if (!r || !file) return null;
  return { key: { indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period) }, file, content: r.content as Buffer };
}

export async function listDefinitions(db: PgDb): Promise<StoredDefinition[]> {
  const rows = await db.query(`SELECT id, version, definition_json, ${epochMs('created_at')} AS at, created_by FROM index_definitions ORDER BY id, version`);
  return rows.map((r) => ({ id: String(r.id), version: num(r.version), json: String(r.definition_json), createdAt: iso(r.at), createdBy: str(r.created_by) }));
}

export async function insertDefinition(c: Client, d: Omit<StoredDefinition, 'createdAt'>): Promise<void> {
  await c.query('INSERT INTO index_definitions VALUES ($1, $2, $3, now(), $4)', [d.id, d.version, d.json, d.createdBy]);
}
