import type { Account, AuditEntry, Role } from '../../../shared/schemas/account';
import type { Language } from '../../../shared/schemas/accountability';
import type { AuditInput, SessionRow, StoredAccount } from '../port';
import type { Client, PgDb } from './pg-db';
import { epochMs, iso, msToTimestamp, num, str, type Row } from './sql';

const ACCOUNT_COLUMNS = `username, display_name, role, unit_code, password_hash, disabled, demo, ${epochMs('created_at')} AS created, ${epochMs('updated_at')} AS updated, email, language`;

function account(r: Row): StoredAccount {
  return {
    username: String(r.username), displayName: str(r.display_name), role: r.role as Role, unitCode: str(r.unit_code), passwordHash: String(r.password_hash),
    disabled: Boolean(r.disabled), demo: Boolean(r.demo), createdAt: iso(r.created), updatedAt: iso(r.updated),
    email: str(r.email), language: str(r.language) as Language | null,
  };
}

export async function getAccount(db: PgDb, username: string): Promise<StoredAccount | null> {
  const [r] = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE username = $1`, [username]);
  return r ? account(r) : null;
}

export async function listAccounts(db: PgDb): Promise<Account[]> {
  const rows = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users ORDER BY role, username`);
  return rows.map((r) => {
    const { passwordHash: _hidden, ...rest } = account(r);
    return rest;
  });
}

export function saveAccount(db: PgDb, a: StoredAccount, entry: AuditInput | null): Promise<void> {
  return db.transaction(async (c) => {
    await c.query(
      `INSERT INTO users (username, display_name, role, unit_code, password_hash, disabled, demo, created_at, updated_at, email, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${msToTimestamp('$8')}, ${msToTimestamp('$9')}, $10, $11)
       ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, unit_code = excluded.unit_code,
         password_hash = excluded.password_hash, disabled = excluded.disabled, demo = excluded.demo, created_at = excluded.created_at,
         updated_at = excluded.updated_at, email = excluded.email, language = excluded.language`,
      [a.username, a.displayName, a.role, a.unitCode, a.passwordHash, a.disabled, a.demo, Date.parse(a.createdAt), Date.parse(a.updatedAt), a.email ?? null, a.language ?? null],
    );
    if (entry) await appendAudit(c, entry);
  });
}

export function createSession(db: PgDb, tokenHash: string, username: string, now: number, expiresAt: number): Promise<void> {
  return db.transaction(async (c) => {
    await c.query(`DELETE FROM sessions WHERE expires_at < ${msToTimestamp('$1')}`, [now]);
    await c.query(`INSERT INTO sessions VALUES ($1, $2, ${msToTimestamp('$3')}, ${msToTimestamp('$4')})`, [tokenHash, username, now, expiresAt]);
  });
}

export async function findSession(db: PgDb, tokenHash: string): Promise<SessionRow | null> {
  const [r] = await db.query(`SELECT username, ${epochMs('expires_at')} AS e FROM sessions WHERE token_hash = $1`, [tokenHash]);
  return r ? { username: String(r.username), expiresAt: num(r.e) } : null;
}

export async function deleteSession(db: PgDb, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOf(db: PgDb, username: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE username = $1', [username]);
}

export async function appendAudit(c: Client, e: AuditInput): Promise<void> {
  await c.query(
    `INSERT INTO audit (happened_at, actor, action, target, before_json, after_json, address) VALUES (${msToTimestamp('$1')}, $2, $3, $4, $5, $6, $7)`,
    [Date.now(), e.actor, e.action, e.target, e.before, e.after, e.address],
  );
}

export async function listAudit(db: PgDb, limit: number, offset: number): Promise<AuditEntry[]> {
  const rows = await db.query(
    `SELECT id, ${epochMs('happened_at')} AS at, actor, action, target, before_json, after_json, address FROM audit ORDER BY id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return rows.map((r) => ({ id: num(r.id), at: iso(r.at), actor: str(r.actor), action: String(r.action), target: str(r.target), before: str(r.before_json), after: str(r.after_json), address: str(r.address) }));
}
