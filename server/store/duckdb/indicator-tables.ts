import type { DuckDBConnection } from '@duckdb/node-api';
import type { Indicator, IndicatorValue } from '../../../shared/domain/indicator';
import type { UnitKind } from '../../../shared/schemas/unit';
import { createHash } from 'node:crypto';
import type { EvidenceFile, StoredDefinition, ValueKey, ValueRecord } from '../port';
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

/** A digest of what listIndicatorValues answers: a 64-bit hash per stored value (state included), summed. */
export async function indicatorValuesDigest(db: Db): Promise<string> {
  const [r] = await db.rows('SELECT count(*)::VARCHAR AS n, coalesce(sum(hash(indicator, unit_code, period, numerator, denominator, value, note, state)), 0)::VARCHAR AS h FROM indicator_values');
  return `${String(r?.n)}:${String(r?.h)}`;
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
  await c.run(`INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at_ms, actor, evidence_id)
                 SELECT ${RECORD_COLUMNS}, reported_ms, reported_by, ${CURRENT_EVIDENCE('values_staging')} FROM values_staging`);
  await c.run('DROP TABLE values_staging');
}

const RECORD_COLUMNS = 'indicator, unit_code, period, numerator, denominator, value, note, state, comment';
const RECORD_OF = (t: string) => RECORD_COLUMNS.split(', ').map((c) => `${t}.${c}`).join(', ');
/** The id of the evidence a value has now: the last one attached to its indicator, unit and period (decision 024). */
const CURRENT_EVIDENCE = (t: string) =>
  `(SELECT max(e.id) FROM indicator_evidence e WHERE e.indicator = ${t}.indicator AND e.unit_code = ${t}.unit_code AND e.period = ${t}.period)`;
const EVIDENCE_COLUMNS = 'e.id AS e_id, e.file_name AS e_name, e.content_type AS e_type, e.size AS e_size, e.sha256 AS e_sha, epoch_ms(e.created_at) AS e_at, e.created_by AS e_by';

function evidenceFile(r: Row): EvidenceFile | null {
  if (r.e_id === null || r.e_id === undefined) return null;
  return { id: num(r.e_id), fileName: String(r.e_name), contentType: String(r.e_type), size: num(r.e_size), sha256: String(r.e_sha), at: new Date(num(r.e_at)).toISOString(), actor: str(r.e_by) };
}

function valueRecord(r: Row, at: unknown, actor: unknown): ValueRecord {
  return {
    indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period), numerator: numOrNull(r.numerator), denominator: numOrNull(r.denominator),
    value: numOrNull(r.value), note: str(r.note), state: r.state === 'returned' ? 'returned' : 'submitted', comment: str(r.comment),
    at: new Date(num(at)).toISOString(), actor: str(actor), evidence: evidenceFile(r),
  };
}

/** Reported values with their state, for the reporting round (who reported, who was asked to correct). */
export async function listValueRecords(db: Db, unitCode: string | null, period: string | null): Promise<ValueRecord[]> {
  const rows = await db.rows(
    `SELECT ${RECORD_OF('v')}, v.reported_ms AS at, v.reported_by AS actor, ${EVIDENCE_COLUMNS} FROM indicator_values v
       LEFT JOIN (SELECT indicator, unit_code, period, max(id) AS id FROM indicator_evidence GROUP BY indicator, unit_code, period) l
              ON l.indicator = v.indicator AND l.unit_code = v.unit_code AND l.period = v.period
       LEFT JOIN indicator_evidence e ON e.id = l.id
      WHERE ($u IS NULL OR v.unit_code = $u) AND ($p IS NULL OR v.period = $p) ORDER BY v.indicator, v.unit_code, v.period`,
    { u: unitCode, p: period },
  );
  return rows.map((r) => valueRecord(r, r.at, r.actor));
}

/** Every version of a unit's values, newest first: corrections keep what was there before. */
export async function listValueHistory(db: Db, unitCode: string, indicator: string | null): Promise<ValueRecord[]> {
  const rows = await db.rows(
    `SELECT ${RECORD_OF('h')}, h.at_ms AS at, h.actor, ${EVIDENCE_COLUMNS} FROM indicator_value_history h
       LEFT JOIN indicator_evidence e ON e.id = h.evidence_id
      WHERE h.unit_code = $u AND ($i IS NULL OR h.indicator = $i) ORDER BY h.at_ms DESC, h.period DESC`,
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
    `INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at_ms, actor, evidence_id)
     SELECT ${RECORD_COLUMNS}, $at, $actor, ${CURRENT_EVIDENCE('indicator_values')} FROM indicator_values WHERE indicator = $i AND unit_code = $u AND period = $p`,
    { at: Date.now(), actor, i: key.indicator, u: key.unitCode, p: key.period },
  );
  return true;
}

/**
 * Attaches a file to a reported value: its bytes once per content, a row naming it, and a version in the value's
 * history that carries it. Null, with nothing written, when the value does not exist.
 */
export async function attachEvidence(c: DuckDBConnection, key: ValueKey, file: { fileName: string; contentType: string; content: Buffer }, actor: string | null): Promise<EvidenceFile | null> {
  const found = await c.runAndReadAll('SELECT 1 FROM indicator_values WHERE indicator = $i AND unit_code = $u AND period = $p', { i: key.indicator, u: key.unitCode, p: key.period });
  if (found.currentRowCount === 0) return null;
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  await c.run('INSERT INTO evidence_files VALUES ($sha, $content) ON CONFLICT DO NOTHING', { sha: sha256, content: file.content.toString('base64') });
  const at = Date.now();
  const reader = await c.runAndReadAll(
    `INSERT INTO indicator_evidence VALUES (nextval('evidence_ids'), $i, $u, $p, $name, $type, $size, $sha, epoch_ms($at::BIGINT), $by) RETURNING id`,
    { i: key.indicator, u: key.unitCode, p: key.period, name: file.fileName, type: file.contentType, size: file.content.length, sha: sha256, at, by: actor },
  );
  const id = num((reader.getRowObjectsJS()[0] as Row).id);
  await c.run(
    `INSERT INTO indicator_value_history (${RECORD_COLUMNS}, at_ms, actor, evidence_id)
     SELECT ${RECORD_COLUMNS}, $at, $actor, $id FROM indicator_values WHERE indicator = $i AND unit_code = $u AND period = $p`,
    { at, actor, id, i: key.indicator, u: key.unitCode, p: key.period },
  );
  return { id, fileName: file.fileName, contentType: file.contentType, size: file.content.length, sha256, at: new Date(at).toISOString(), actor };
}

export async function evidenceContent(db: Db, id: number): Promise<{ key: ValueKey; file: EvidenceFile; content: Buffer } | null> {
  const [r] = await db.rows(
    `SELECT e.indicator, e.unit_code, e.period, ${EVIDENCE_COLUMNS}, f.content FROM indicator_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.id = $id`,
    { id },
  );
  const file = r ? evidenceFile(r) : null;
  if (!r || !file) return null;
  return { key: { indicator: String(r.indicator), unitCode: String(r.unit_code), period: String(r.period) }, file, content: Buffer.from(String(r.content), 'base64') };
}

export async function listDefinitions(db: Db): Promise<StoredDefinition[]> {
  const rows = await db.rows('SELECT id, version, definition_json, epoch_ms(created_at) AS at, created_by FROM index_definitions ORDER BY id, version');
  return rows.map((r) => ({ id: String(r.id), version: num(r.version), json: String(r.definition_json), createdAt: new Date(num(r.at)).toISOString(), createdBy: str(r.created_by) }));
}

export async function insertDefinition(c: DuckDBConnection, d: Omit<StoredDefinition, 'createdAt'>): Promise<void> {
  await c.run('INSERT INTO index_definitions VALUES ($id, $v, $json, now()::TIMESTAMP, $by)', { id: d.id, v: d.version, json: d.json, by: d.createdBy });
}
