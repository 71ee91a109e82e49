import type { DuckDBConnection } from '@duckdb/node-api';
import type { MailStatus, NoticeKind } from '../../../shared/domain/accountability';
import type { AccountabilityFilter, Decision, Language } from '../../../shared/schemas/accountability';
import type { AuditInput, CommitmentRecord, NewCommitment, NewDecision, NewNotice, NoticeRecord } from '../port';
import { appendAudit, type Db } from './access-tables';

type Row = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => new Date(num(v)).toISOString();

/** `WHERE` for the optional unit and period of a listing, with its parameters. */
function where(filter: AccountabilityFilter): { sql: string; values: Record<string, string> } {
  const parts: string[] = [];
  const values: Record<string, string> = {};
  if (filter.unitCode !== undefined) {
    parts.push('unit_code = $unit');
    values.unit = filter.unitCode;
  }
  if (filter.period !== undefined) {
    parts.push('period = $period');
    values.period = filter.period;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values };
}

async function returningId(c: DuckDBConnection, sql: string, values: Record<string, string | number | null>): Promise<number | null> {
  const reader = await c.runAndReadAll(sql, values);
  const row = reader.getRowObjectsJS()[0] as Row | undefined;
  return row ? num(row.id) : null;
}

const COMMITMENT_COLUMNS = `id, unit_code, period, measure, explanation, action, strftime(due_date, '%Y-%m-%d') AS due, epoch_ms(created_at) AS created, created_by`;

function commitment(r: Row): CommitmentRecord {
  return {
    id: num(r.id), unitCode: String(r.unit_code), period: String(r.period), measure: String(r.measure), explanation: String(r.explanation),
    action: String(r.action), dueDate: String(r.due), createdAt: iso(r.created), createdBy: str(r.created_by),
  };
}

export function addCommitment(db: Db, c: NewCommitment, entry: AuditInput): Promise<CommitmentRecord> {
  return db.transaction(async (conn) => {
    const id = await returningId(
      conn,
      `INSERT INTO commitments VALUES (nextval('commitment_ids'), $unit, $period, $measure, $explanation, $action, $due::DATE, epoch_ms($at::BIGINT), $by) RETURNING id`,
      { unit: c.unitCode, period: c.period, measure: c.measure, explanation: c.explanation, action: c.action, due: c.dueDate, at: Date.parse(c.createdAt), by: c.createdBy },
    );
    const record = { ...c, id: id as number };
    await appendAudit(conn, { ...entry, after: JSON.stringify(record) });
    return record;
  });
}

export async function listCommitments(db: Db, filter: AccountabilityFilter): Promise<CommitmentRecord[]> {
  const w = where(filter);
  return (await db.rows(`SELECT ${COMMITMENT_COLUMNS} FROM commitments ${w.sql} ORDER BY created_at DESC, id DESC`, w.values)).map(commitment);
}

const DECISION_COLUMNS = `id, unit_code, period, decision, owner, strftime(due_date, '%Y-%m-%d') AS due, epoch_ms(created_at) AS created, created_by`;

function decision(r: Row): Decision {
  return {
    id: num(r.id), unitCode: String(r.unit_code), period: String(r.period), decision: String(r.decision), owner: String(r.owner),
    dueDate: String(r.due), createdAt: iso(r.created), createdBy: str(r.created_by),
  };
}

export function addDecision(db: Db, d: NewDecision, entry: AuditInput): Promise<Decision> {
  return db.transaction(async (conn) => {
    const id = await returningId(
      conn,
      `INSERT INTO decisions VALUES (nextval('decision_ids'), $unit, $period, $decision, $owner, $due::DATE, epoch_ms($at::BIGINT), $by) RETURNING id`,
      { unit: d.unitCode, period: d.period, decision: d.decision, owner: d.owner, due: d.dueDate, at: Date.parse(d.createdAt), by: d.createdBy },
    );
    const record = { ...d, id: id as number };
    await appendAudit(conn, { ...entry, after: JSON.stringify(record) });
    return record;
  });
}

export async function listDecisions(db: Db, filter: AccountabilityFilter): Promise<Decision[]> {
  const w = where(filter);
  return (await db.rows(`SELECT ${DECISION_COLUMNS} FROM decisions ${w.sql} ORDER BY created_at DESC, id DESC`, w.values)).map(decision);
}

/** What makes two notices the same notice: made once, mailed once. */
export const noticeKey = (n: Pick<NewNotice, 'recipient' | 'period' | 'kind' | 'unitCode'>) => JSON.stringify([n.recipient, n.period, n.kind, n.unitCode]);

export function addNotices(db: Db, list: readonly NewNotice[]): Promise<NoticeRecord[]> {
  return db.transaction(async (conn) => {
    const stored: NoticeRecord[] = [];
    for (const n of list) {
      const id = await returningId(
        conn,
        `INSERT INTO notices VALUES (nextval('notice_ids'), $key, $recipient, $period, $kind, $unit, $payload, epoch_ms($at::BIGINT), $email, $language, $status, 0)
           ON CONFLICT DO NOTHING RETURNING id`,
        { key: noticeKey(n), recipient: n.recipient, period: n.period, kind: n.kind, unit: n.unitCode, payload: n.payload, at: Date.parse(n.createdAt), email: n.email, language: n.language, status: n.mailStatus },
      );
      if (id !== null) stored.push({ ...n, id, mailAttempts: 0 });
    }
    return stored;
  });
}

export async function listNotices(db: Db, recipient: string, limit: number): Promise<NoticeRecord[]> {
  const rows = await db.rows(
    `SELECT id, recipient, period, kind, unit_code, payload_json, epoch_ms(created_at) AS created, email, language, mail_status, mail_attempts
       FROM notices WHERE recipient = $recipient ORDER BY created_at DESC, id DESC LIMIT $limit`,
    { recipient, limit },
  );
  return rows.map((r) => ({
    id: num(r.id), recipient: String(r.recipient), period: String(r.period), kind: r.kind as NoticeKind, unitCode: str(r.unit_code), payload: String(r.payload_json),
    createdAt: iso(r.created), email: str(r.email), language: r.language as Language, mailStatus: r.mail_status as MailStatus, mailAttempts: num(r.mail_attempts),
  }));
}

export function recordDelivery(db: Db, id: number, status: MailStatus, attempts: number): Promise<void> {
  return db.transaction(async (conn) => {
    await conn.run('UPDATE notices SET mail_status = $status, mail_attempts = $attempts WHERE id = $id', { status, attempts, id });
  });
}
