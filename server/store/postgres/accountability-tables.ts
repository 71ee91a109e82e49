import type { MailStatus, NoticeKind } from '../../../shared/domain/accountability';
import type { AccountabilityFilter, Decision, Language } from '../../../shared/schemas/accountability';
import type { AuditInput, CommitmentRecord, NewCommitment, NewDecision, NewNotice, NoticeRecord, StoredLadder } from '../port';
import { appendAudit } from './access-tables';
import { dataChanged } from './data-tables';
import type { Client, PgDb } from './pg-db';
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
    // Flag lists and unit pages show the latest commitment: their cached answers must go.
    await dataChanged(conn, 'untouched');
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
    await dataChanged(conn, 'untouched');
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

export async function recordDelivery(db: PgDb, id: number, status: MailStatus, attempts: number, leaseUntil?: number): Promise<void> {
  const lease = status === 'pending' ? (leaseUntil ?? null) : null;
  await db.query('UPDATE notices SET mail_status = $1, mail_attempts = $2, mail_lease_ms = $3 WHERE id = $4', [status, attempts, lease, id]);
}

const NOTICE_COLUMNS = `id, recipient, period, kind, unit_code, payload_json, ${epochMs('created_at')} AS created, email, language, mail_status, mail_attempts`;

function noticeRow(r: Row): NoticeRecord {
  return {
    id: num(r.id), recipient: String(r.recipient), period: String(r.period), kind: r.kind as NoticeKind, unitCode: str(r.unit_code), payload: String(r.payload_json),
    createdAt: iso(r.created), email: str(r.email), language: r.language as Language, mailStatus: r.mail_status as MailStatus, mailAttempts: num(r.mail_attempts),
  };
}

/**
 * One statement: rows another process claims at the same moment are locked, and PostgreSQL checks the condition again
 * on the row it then sees, so a notice goes to one claimer; `SKIP LOCKED` lets the others move on without waiting.
 */
export async function claimNotices(db: PgDb, by: string, now: number, leaseUntil: number): Promise<NoticeRecord[]> {
  const rows = await db.query(
    `UPDATE notices SET mail_claimed_by = $1, mail_lease_ms = $2
       WHERE id IN (SELECT id FROM notices WHERE mail_status = 'pending' AND (mail_lease_ms IS NULL OR mail_lease_ms <= $3) FOR UPDATE SKIP LOCKED)
         AND mail_status = 'pending' AND (mail_lease_ms IS NULL OR mail_lease_ms <= $3)
       RETURNING ${NOTICE_COLUMNS}`,
    [by, leaseUntil, now],
  );
  return rows.map(noticeRow).sort((a, b) => a.id - b.id);
}

export async function releaseNotices(db: PgDb, by: string): Promise<void> {
  await db.query(`UPDATE notices SET mail_lease_ms = NULL WHERE mail_status = 'pending' AND mail_claimed_by = $1`, [by]);
}

export async function listLadders(db: PgDb): Promise<StoredLadder[]> {
  const rows = await db.query(`SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective, steps_json, ${epochMs('created_at')} AS created, created_by FROM escalation_ladders ORDER BY version`);
  return rows.map((r) => ({ version: num(r.version), effectiveFrom: String(r.effective), json: String(r.steps_json), createdAt: iso(r.created), createdBy: str(r.created_by) }));
}

/** The next version, under the data write lock the caller holds, with its audit entry (target `ladder/v<version>`). */
export async function insertLadder(c: Client, l: Pick<StoredLadder, 'effectiveFrom' | 'json' | 'createdBy'>, entry: AuditInput, at: number): Promise<StoredLadder> {
  const { rows } = await c.query('SELECT coalesce(max(version), 0) + 1 AS v FROM escalation_ladders');
  const version = num(rows[0]?.v);
  await c.query(`INSERT INTO escalation_ladders VALUES ($1, $2::DATE, $3, ${msToTimestamp('$4')}, $5)`, [version, l.effectiveFrom, l.json, at, l.createdBy]);
  const record: StoredLadder = { version, effectiveFrom: l.effectiveFrom, json: l.json, createdAt: new Date(at).toISOString(), createdBy: l.createdBy };
  await appendAudit(c, { ...entry, target: `ladder/v${version}`, after: JSON.stringify(record) });
  return record;
}
