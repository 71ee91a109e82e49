import type { MailStatus, NoticeKind } from '../../../shared/domain/accountability';
import type { AccountabilityFilter, Decision, Language } from '../../../shared/schemas/accountability';
import type { AuditInput, CommitmentRecord, NewCommitment, NewDecision, NewNotice, NoticeRecord } from '../port';
import { appendAudit } from './access-tables';
import type { PgDb } from './pg-db';
import { epochMs, iso, msToTimestamp, num, str, type Row } from './sql';

/** `WHERE` for the optional unit and period of a listing, its parameters numbered from 1. */
function where(filter: AccountabilityFilter): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [['unit_code', filter.unitCode], ['period', filter.period]] as const) {
    if (value === undefined) continue;
    params.push(value);
    parts.push(`${column} = $${params.length}`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const COMMITMENT_COLUMNS = `id, unit_code, period, measure, explanation, action, to_char(due_date, 'YYYY-MM-DD') AS due, ${epochMs('created_at')} AS created, created_by`;

function commitment(r: Row): CommitmentRecord {
  return {
    id: num(r.id), unitCode: String(r.unit_code), period: String(r.period), measure: String(r.measure), explanation: String(r.explanation),
    action: String(r.action), dueDate: String(r.due), createdAt: iso(r.created), createdBy: str(r.created_by),
  };
}

export function addCommitment(db: PgDb, c: NewCommitment, entry: AuditInput): Promise<CommitmentRecord> {
  return db.transaction(async (conn) => {
    const { rows } = await conn.query(
      `INSERT INTO commitments (unit_code, period, measure, explanation, action, due_date, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::DATE, ${msToTimestamp('$7')}, $8) RETURNING id`,
      [c.unitCode, c.period, c.measure, c.explanation, c.action, c.dueDate, Date.parse(c.createdAt), c.createdBy],
    );
    const record = { ...c, id: num(rows[0]?.id) };
    await appendAudit(conn, { ...entry, after: JSON.stringify(record) });
    return record;
  });
}

export async function listCommitments(db: PgDb, filter: AccountabilityFilter): Promise<CommitmentRecord[]> {
  const w = where(filter);
  return (await db.query(`SELECT ${COMMITMENT_COLUMNS} FROM commitments ${w.sql} ORDER BY created_at DESC, id DESC`, w.params)).map(commitment);
}

const DECISION_COLUMNS = `id, unit_code, period, decision, owner, to_char(due_date, 'YYYY-MM-DD') AS due, ${epochMs('created_at')} AS created, created_by`;

function decision(r: Row): Decision {
  return {
    id: num(r.id), unitCode: String(r.unit_code), period: String(r.period), decision: String(r.decision), owner: String(r.owner),
    dueDate: String(r.due), createdAt: iso(r.created), createdBy: str(r.created_by),
  };
}

export function addDecision(db: PgDb, d: NewDecision, entry: AuditInput): Promise<Decision> {
  return db.transaction(async (conn) => {
    const { rows } = await conn.query(
      `INSERT INTO decisions (unit_code, period, decision, owner, due_date, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5::DATE, ${msToTimestamp('$6')}, $7) RETURNING id`,
      [d.unitCode, d.period, d.decision, d.owner, d.dueDate, Date.parse(d.createdAt), d.createdBy],
    );
    const record = { ...d, id: num(rows[0]?.id) };
    await appendAudit(conn, { ...entry, after: JSON.stringify(record) });
    return record;
  });
}

export async function listDecisions(db: PgDb, filter: AccountabilityFilter): Promise<Decision[]> {
  const w = where(filter);
  return (await db.query(`SELECT ${DECISION_COLUMNS} FROM decisions ${w.sql} ORDER BY created_at DESC, id DESC`, w.params)).map(decision);
}

/** The unique (recipient, period, kind, unit) makes a notice once even when processes race to make it. */
export function addNotices(db: PgDb, list: readonly NewNotice[]): Promise<NoticeRecord[]> {
  return db.transaction(async (conn) => {
    const stored: NoticeRecord[] = [];
    for (const n of list) {
      const { rows } = await conn.query(
        `INSERT INTO notices (recipient, period, kind, unit_code, payload_json, created_at, email, language, mail_status, mail_attempts)
         VALUES ($1, $2, $3, $4, $5, ${msToTimestamp('$6')}, $7, $8, $9, 0) ON CONFLICT DO NOTHING RETURNING id`,
        [n.recipient, n.period, n.kind, n.unitCode, n.payload, Date.parse(n.createdAt), n.email, n.language, n.mailStatus],
      );
      if (rows[0]) stored.push({ ...n, id: num(rows[0].id), mailAttempts: 0 });
    }
    return stored;
  });
}

export async function listNotices(db: PgDb, recipient: string, limit: number): Promise<NoticeRecord[]> {
  const rows = await db.query(
    `SELECT id, recipient, period, kind, unit_code, payload_json, ${epochMs('created_at')} AS created, email, language, mail_status, mail_attempts
       FROM notices WHERE recipient = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [recipient, limit],
  );
  return rows.map((r) => ({
    id: num(r.id), recipient: String(r.recipient), period: String(r.period), kind: r.kind as NoticeKind, unitCode: str(r.unit_code), payload: String(r.payload_json),
    createdAt: iso(r.created), email: str(r.email), language: r.language as Language, mailStatus: r.mail_status as MailStatus, mailAttempts: num(r.mail_attempts),
  }));
}

export async function recordDelivery(db: PgDb, id: number, status: MailStatus, attempts: number): Promise<void> {
  await db.query('UPDATE notices SET mail_status = $1, mail_attempts = $2 WHERE id = $3', [status, attempts, id]);
}
