import type { ReportRecord } from '../../../shared/schemas/report';
import type { NewReport } from '../port';
import type { Client, PgDb } from './pg-db';
import { epochMs, iso, LOCKS, msToTimestamp, num, type Row } from './sql';

const COLUMNS = `id, period, format, language, version, ${epochMs('cut_off')} AS cut_off, ${epochMs('generated_at')} AS generated_at, inputs_hash, definition_id, targets_json, trigger_kind, created_by, size`;

function record(r: Row): ReportRecord {
  return {
    id: num(r.id), period: String(r.period), format: r.format as ReportRecord['format'], language: r.language as ReportRecord['language'], version: num(r.version),
    cutOff: iso(r.cut_off), generatedAt: iso(r.generated_at), inputsHash: String(r.inputs_hash),
    definitionId: String(r.definition_id), targets: String(r.targets_json), trigger: r.trigger_kind as ReportRecord['trigger'], createdBy: r.created_by === null ? null : String(r.created_by), size: num(r.size),
  };
}

/** Versions are numbered per (period, format, language); the lock keeps two processes from taking the same number. */
export async function saveReport(c: Client, r: NewReport, content: Buffer): Promise<ReportRecord> {
  await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.reports]);
  const { rows } = await c.query(
    `INSERT INTO reports (period, format, language, version, cut_off, generated_at, inputs_hash, definition_id, targets_json, trigger_kind, created_by, size, content, definition_json)
     SELECT $1, $2, $3, coalesce((SELECT max(version) FROM reports WHERE period = $1 AND format = $2 AND language = $3), 0) + 1,
            ${msToTimestamp('$4')}, ${msToTimestamp('$5')}, $6, $7, $8, $9, $10, $11, $12, $13
     RETURNING ${COLUMNS}`,
    [r.period, r.format, r.language, Date.parse(r.cutOff), Date.parse(r.generatedAt), r.inputsHash, r.definitionId, r.targets, r.trigger, r.createdBy, content.length, content, r.definitionJson],
  );
  return record(rows[0] as Row);
}

export async function listReports(db: PgDb): Promise<ReportRecord[]> {
  return (await db.query(`SELECT ${COLUMNS} FROM reports ORDER BY period DESC, format, language, version DESC`)).map(record);
}

export async function reportContent(db: PgDb, id: number): Promise<{ record: ReportRecord; content: Buffer } | null> {
  const [r] = await db.query(`SELECT ${COLUMNS}, content FROM reports WHERE id = $1`, [id]);
  return r ? { record: record(r), content: r.content as Buffer } : null;
}

/** One statement: of processes racing for a key, exactly one inserts it and sees a row returned. */
export async function claimRun(db: PgDb, key: string, by: string): Promise<boolean> {
  const rows = await db.query('INSERT INTO report_runs VALUES ($1, now(), $2) ON CONFLICT DO NOTHING RETURNING run_key', [key, by]);
  return rows.length > 0;
}

export async function releaseRun(db: PgDb, key: string, by: string): Promise<void> {
  await db.query('DELETE FROM report_runs WHERE run_key = $1 AND claimed_by = $2', [key, by]);
}
