import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReportRecord } from '../../../shared/schemas/report';
import type { Db } from './access-tables';
import type { NewReport } from '../port';

type Row = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
const COLUMNS = `id, period, format, language, version, epoch_ms(cut_off) AS cut_off, epoch_ms(generated_at) AS generated_at, inputs_hash, definition_id, targets_json, trigger_kind, created_by, size`;

function record(r: Row): ReportRecord {
  return {
    id: num(r.id), period: String(r.period), format: r.format as ReportRecord['format'], language: r.language as ReportRecord['language'], version: num(r.version),
    cutOff: new Date(num(r.cut_off)).toISOString(), generatedAt: new Date(num(r.generated_at)).toISOString(), inputsHash: String(r.inputs_hash),
    definitionId: String(r.definition_id), targets: String(r.targets_json), trigger: r.trigger_kind as ReportRecord['trigger'], createdBy: r.created_by === null ? null : String(r.created_by), size: num(r.size),
  };
}

export async function saveReport(c: DuckDBConnection, r: NewReport, content: Buffer): Promise<ReportRecord> {
  const reader = await c.runAndReadAll(
    `INSERT INTO reports
       SELECT nextval('report_ids'), $p, $f, $l, coalesce((SELECT max(version) FROM reports WHERE period = $p AND format = $f AND language = $l), 0) + 1,
              epoch_ms($cut::BIGINT), epoch_ms($gen::BIGINT), $hash, $def, $targets, $trigger, $by, $size, $content, $defjson
     RETURNING ${COLUMNS}`,
    { p: r.period, f: r.format, l: r.language, cut: Date.parse(r.cutOff), gen: Date.parse(r.generatedAt), hash: r.inputsHash, def: r.definitionId, targets: r.targets, trigger: r.trigger, by: r.createdBy, size: content.length, content: content.toString('base64'), defjson: r.definitionJson },
  );
  return record(reader.getRowObjectsJS()[0] as Row);
}

export async function listReports(db: Db): Promise<ReportRecord[]> {
  return (await db.rows(`SELECT ${COLUMNS} FROM reports ORDER BY period DESC, format, language, version DESC`)).map(record);
}

export async function reportContent(db: Db, id: number): Promise<{ record: ReportRecord; content: Buffer } | null> {
  const [r] = await db.rows(`SELECT ${COLUMNS}, content_base64 FROM reports WHERE id = $id`, { id });
  return r ? { record: record(r), content: Buffer.from(String(r.content_base64), 'base64') } : null;
}

export async function claimRun(c: DuckDBConnection, key: string, by: string): Promise<boolean> {
  const reader = await c.runAndReadAll(`INSERT INTO report_runs VALUES ($k, now()::TIMESTAMP, $by) ON CONFLICT DO NOTHING RETURNING run_key`, { k: key, by });
  return reader.currentRowCount > 0;
}

export async function releaseRun(c: DuckDBConnection, key: string, by: string): Promise<void> {
  await c.run('DELETE FROM report_runs WHERE run_key = $k AND claimed_by = $by', { k: key, by });
}
