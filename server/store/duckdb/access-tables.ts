import type { DuckDBConnection } from '@duckdb/node-api';
import type { Account, AuditEntry, Role } from '../../../shared/schemas/account';
import type { Language } from '../../../shared/schemas/accountability';
import type { AuditInput, SessionRow, StoredAccount } from '../port';

type Row = Record<string, unknown>;

/** What the account, session and audit functions need from the store. */
export interface Db {
  rows(sql: string, values?: Record<string, string | number | boolean | null>): Promise<Row[]>;
  transaction<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T>;
}

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => new Date(num(v)).toISOString();
const ACCOUNT_COLUMNS = `username, display_name, role, unit_code, password_hash, disabled, demo, epoch_ms(created_at) AS created, epoch_ms(updated_at) AS updated, email, language`;

function account(r: Row): StoredAccount {
  return {
    username: String(r.username), displayName: str(r.display_name), role: r.role as Role, unitCode: str(r.unit_code), passwordHash: String(r.password_hash),
    disabled: Boolean(r.disabled), demo: Boolean(r.demo), createdAt: iso(r.created), updatedAt: iso(r.updated),
    email: str(r.email), language: str(r.language) as Language | null,
  };
}

export async function getAccount(db: Db, username: string): Promise<StoredAccount | null> {
  const [r] = await db.rows(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE username = $u`, { u: username });
  return r ? account(r) : null;
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db.rows(`SELECT ${ACCOUNT_COLUMNS} FROM users ORDER BY role, username`);
  return rows.map((r) => {
    const { passwordHash: _hidden, ...rest } = account(r);
    return rest;
  });
}

export function saveAccount(db: Db, a: StoredAccount, entry: AuditInput | null): Promise<void> {
  return db.transaction(async (c) => {
    await c.run(
      `INSERT OR REPLACE INTO users (username, display_name, role, unit_code, password_hash, disabled, demo, created_at, updated_at, email, language)
         VALUES ($u, $n, $r, $unit, $h, $d, $demo, epoch_ms($c::BIGINT), epoch_ms($up::BIGINT), $email, $language)`,
      {
        u: a.username, n: a.displayName, r: a.role, unit: a.unitCode, h: a.passwordHash, d: a.disabled, demo: a.demo, c: Date.parse(a.createdAt), up: Date.parse(a.updatedAt),
        email: a.email ?? null, language: a.language ?? null,
      },
    );
    if (entry) await appendAudit(c, entry);
  });
}

export function createSession(db: Db, tokenHash: string, username: string, now: number, expiresAt: number): Promise<void> {
  return db.transaction(async (c) => {
    await c.run(`DELETE FROM sessions WHERE expires_at < epoch_ms($now::BIGINT)`, { now });
    await c.run(`INSERT INTO sessions VALUES ($t, $u, epoch_ms($now::BIGINT), epoch_ms($e::BIGINT))`, { t: tokenHash, u: username, now, e: expiresAt });
  });
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const [r] = await db.rows(`SELECT username, epoch_ms(expires_at) AS e FROM sessions WHERE token_hash = $t`, { t: tokenHash });
  return r ? { username: String(r.username), expiresAt: num(r.e) } : null;
}

export function deleteSession(db: Db, tokenHash: string): Promise<void> {
  return db.transaction(async (c) => {
    await c.run(`DELETE FROM sessions WHERE token_hash = $t`, { t: tokenHash });
  });
}

export function deleteSessionsOf(db: Db, username: string): Promise<void> {
  return db.transaction(async (c) => {
    await c.run(`DELETE FROM sessions WHERE username = $u`, { u: username });
  });
}

export async function appendAudit(c: DuckDBConnection, e: AuditInput): Promise<void> {
  await c.run(`INSERT INTO audit VALUES (nextval('audit_ids'), epoch_ms($at::BIGINT), $actor, $action, $target, $before, $after, $address)`, {
    at: Date.now(), actor: e.actor, action: e.action, target: e.target, before: e.before, after: e.after, address: e.address,
  });
}

export async function listAudit(db: Db, limit: number, offset: number): Promise<AuditEntry[]> {
  const rows = await db.rows(`SELECT id, epoch_ms(happened_at) AS at, actor, action, target, before_json, after_json, address FROM audit ORDER BY id DESC LIMIT $l OFFSET $o`, { l: limit, o: offset });
  return rows.map((r) => ({ id: num(r.id), at: iso(r.at), actor: str(r.actor), action: String(r.action), target: str(r.target), before: str(r.before_json), after: str(r.after_json), address: str(r.address) }));
}
