import { logNoDossierChange } from '../data-changes';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MailStatus, NoticeKind } from '../../../shared/domain/accountability';
import type { AccountabilityFilter, Decision, Language } from '../../../shared/schemas/accountability';
import type { AuditInput, CommitmentRecord, NewCommitment, NewDecision, NewNotice, NoticeRecord, StoredLadder } from '../port';
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
    // Flag lists and unit pages show the latest commitment: their cached answers must go.
    await conn.run('UPDATE data_version SET v = v + 1');
    for (const sql of logNoDossierChange()) await conn.run(sql);
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
    await conn.run('UPDATE data_version SET v = v + 1');
    for (const sql of logNoDossierChange()) await conn.run(sql);
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
        `INSERT INTO notices VALUES (nextval('notice_ids'), $key, $recipient, $period, $kind, $unit, $payload, epoch_ms($at::BIGINT), $email, $language, $status, 0, NULL, NULL)
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

export function recordDelivery(db: Db, id: number, status: MailStatus, attempts: number, leaseUntil?: number): Promise<void> {
  return db.transaction(async (conn) => {
    const lease = status === 'pending' ? (leaseUntil ?? null) : null;
    await conn.run('UPDATE notices SET mail_status = $status, mail_attempts = $attempts, mail_lease_ms = $lease WHERE id = $id', { status, attempts, lease, id });
  });
}

const NOTICE_COLUMNS = `id, recipient, period, kind, unit_code, payload_json, epoch_ms(created_at) AS created, email, language, mail_status, mail_attempts`;

function noticeRow(r: Row): NoticeRecord {
  return {
    id: num(r.id), recipient: String(r.recipient), period: String(r.period), kind: r.kind as NoticeKind, unitCode: str(r.unit_code), payload: String(r.payload_json),
    createdAt: iso(r.created), email: str(r.email), language: r.language as Language, mailStatus: r.mail_status as MailStatus, mailAttempts: num(r.mail_attempts),
  };
}

/** One writer at a time (the store's write queue) makes the claim atomic: a notice goes to one claimer. */
export function claimNotices(db: Db, by: string, now: number, leaseUntil: number): Promise<NoticeRecord[]> {
  return db.transaction(async (conn) => {
    const reader = await conn.runAndReadAll(
      `UPDATE notices SET mail_claimed_by = $by, mail_lease_ms = $until
         WHERE mail_status = 'pending' AND (mail_lease_ms IS NULL OR mail_lease_ms <= $now)
         RETURNING ${NOTICE_COLUMNS}`,
      { by, until: leaseUntil, now },
    );
    return (reader.getRowObjectsJS() as Row[]).map(noticeRow).sort((a, b) => a.id - b.id);
  });
}

export function releaseNotices(db: Db, by: string): Promise<void> {
  return db.transaction(async (conn) => {
    await conn.run(`UPDATE notices SET mail_lease_ms = NULL WHERE mail_status = 'pending' AND mail_claimed_by = $by`, { by });
  });
}

export async function listLadders(db: Db): Promise<StoredLadder[]> {
  const rows = await db.rows(`SELECT version, strftime(effective_from, '%Y-%m-%d') AS effective, steps_json, epoch_ms(created_at) AS created, created_by FROM escalation_ladders ORDER BY version`);
  return rows.map((r) => ({ version: num(r.version), effectiveFrom: String(r.effective), json: String(r.steps_json), createdAt: iso(r.created), createdBy: str(r.created_by) }));
}

/** The next version in the same transaction as its audit entry (target `ladder/v<version>`, `after` the stored record). */
export async function insertLadder(conn: DuckDBConnection, l: Pick<StoredLadder, 'effectiveFrom' | 'json' | 'createdBy'>, entry: AuditInput, at: number): Promise<StoredLadder> {
  const reader = await conn.runAndReadAll('SELECT coalesce(max(version), 0) + 1 AS v FROM escalation_ladders');
  const version = num((reader.getRowObjectsJS()[0] as Row).v);
  await conn.run('INSERT INTO escalation_ladders VALUES ($v, $from::DATE, $json, epoch_ms($at::BIGINT), $by)', { v: version, from: l.effectiveFrom, json: l.json, at, by: l.createdBy });
  const record: StoredLadder = { version, effectiveFrom: l.effectiveFrom, json: l.json, createdAt: new Date(at).toISOString(), createdBy: l.createdBy };
  await appendAudit(conn, { ...entry, target: `ladder/v${version}`, after: JSON.stringify(record) });
  return record;
}
