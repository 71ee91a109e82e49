import { createHash, randomBytes } from 'node:crypto';
import type { Me } from '../../shared/schemas/account';
import type { Viewer } from '../context';
import { UserError } from '../errors';
import type { Store } from '../store/port';
import { isDemoPassword } from './demo-accounts';
import { decoyHash, verifyPassword } from './password';
import { LoginThrottle, type Attempt } from './throttle';
import { msg } from '../../shared/messages/catalogue';

export const SESSION_TTL_MS = 12 * 3_600_000;
/**
 * How long a resolved session is trusted without asking the database again. Logouts and account changes made
 * through this process take effect at once; made by another process sharing the database, within this time.
 */
export const SESSION_RECHECK_MS = 5_000;
const MAX_REMEMBERED_SESSIONS = 10_000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AuthOptions {
  production: boolean;
  throttle?: LoginThrottle;
  now?: () => number;
}

/** How long a sign-in waits, at most, for other tries still being checked before it is refused, and how often it looks. */
const CHECK_WAIT_MS = 5000;
const CHECK_LOOK_MS = 250;

/** Resolves when `signal` aborts (at once if it has). */
function abortOf(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Logins, sessions and logouts; a session is a random token whose hash is stored, sent in an HttpOnly cookie. */
export class AuthService {
  readonly throttle: LoginThrottle;
  private readonly now: () => number;
  /** Sessions resolved recently, by token hash: every request checks its session, most within seconds of the last. */
  private readonly recent = new Map<string, { viewer: Viewer & { me: Me }; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly options: AuthOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.throttle = options.throttle ?? new LoginThrottle(undefined, this.now);
  }

  /**
   * Signs in. `signal` is the request's: a sign-in whose client has gone (closed the connection while it waited for
   * other checks) stops waiting and is not checked — its try is released, and no password check is spent on it.
   */
  async login(username: string, password: string, address: string, signal?: AbortSignal): Promise<{ token: string; me: Me }> {
    let reservation = this.throttle.reserve(username, address);
    // Refused only because other tries of the account or address are still being checked (a meeting's tablets signing
    // in one account at once): wait for those checks, as they may be right, rather than refuse a right password.
    const end = performance.now() + CHECK_WAIT_MS;
    const gone = signal && !reservation.ok ? abortOf(signal) : null;
    while (!reservation.ok && reservation.checking && !signal?.aborted) {
      const left = end - performance.now();
      const waiting = left > 0 ? this.throttle.checkEnded(username, address, Math.min(CHECK_LOOK_MS, left)) : null;
      if (!waiting) break;
      await (gone ? Promise.race([waiting, gone]) : waiting);
      if (!signal?.aborted) reservation = this.throttle.reserve(username, address);
    }
    if (signal?.aborted) {
      // Nobody reads the answer: a try counted but never checked is held against no one.
      if (reservation.ok) {
        this.throttle.release(reservation.attempt);
        this.throttle.settle(reservation.attempt);
      }
      throw new UserError('TOO_MANY_REQUESTS', msg('auth.beingChecked'));
    }
    if (!reservation.ok) {
      throw new UserError('TOO_MANY_REQUESTS', reservation.checking ? msg('auth.beingChecked') : msg('auth.tooMany', { minutes: Math.ceil(reservation.retryAfter / 60) }));
    }
    const { attempt } = reservation;
    try {
      return await this.checkedLogin(username, password, address, attempt);
    } finally {
      this.throttle.settle(attempt);
    }
  }

  private async checkedLogin(username: string, password: string, address: string, attempt: Attempt): Promise<{ token: string; me: Me }> {
    const account = await this.store.getAccount(username);
    const ok = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !ok || account.disabled) {
      await this.store.audit({ actor: username, action: 'auth.login-failed', target: null, before: null, after: null, address });
      throw new UserError('UNAUTHORIZED', msg('auth.wrong'));
    }
    if (this.options.production && (account.demo || isDemoPassword(password))) {
      this.throttle.release(attempt);
      await this.store.audit({ actor: username, action: 'auth.login-refused-demo', target: null, before: null, after: null, address });
      throw new UserError('FORBIDDEN', msg('auth.demoRefused'));
    }
    this.throttle.succeed(attempt);
    const token = randomBytes(32).toString('base64url');
    await this.store.createSession(tokenHash(token), account.username, this.now(), this.now() + SESSION_TTL_MS);
    await this.store.audit({ actor: account.username, action: 'auth.login', target: null, before: null, after: null, address });
    return { token, me: { username: account.username, displayName: account.displayName, role: account.role, unitCode: account.unitCode, demo: account.demo } };
  }

  /** The viewer behind a session token, or null when the session is unknown, expired or its account disabled. */
  async viewerFor(token: string | null): Promise<(Viewer & { me: Me }) | null> {
    if (!token) return null;
    const hash = tokenHash(token);
    const remembered = this.recent.get(hash);
    if (remembered && remembered.until > this.now()) return remembered.viewer;
    const session = await this.store.findSession(hash);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      await this.store.deleteSession(hash);
      return null;
    }
    const account = await this.store.getAccount(session.username);
    if (!account || account.disabled) return null;
    if (this.options.production && account.demo) return null;
    const me = { username: account.username, displayName: account.displayName, role: account.role, unitCode: account.unitCode, demo: account.demo };
    const viewer = { username: account.username, role: account.role, unitCode: account.unitCode, me };
    if (this.recent.size >= MAX_REMEMBERED_SESSIONS) this.recent.clear();
    this.recent.set(hash, { viewer, until: Math.min(this.now() + SESSION_RECHECK_MS, session.expiresAt) });
    return viewer;
  }

  /** Forgets the remembered sessions of an account whose role, unit, password or state changed. */
  forgetAccount(username: string): void {
    for (const [hash, { viewer }] of this.recent) if (viewer.username === username) this.recent.delete(hash);
  }

  async logout(token: string | null, actor: string | null, address: string): Promise<void> {
    if (token) {
      this.recent.delete(tokenHash(token));
      await this.store.deleteSession(tokenHash(token));
    }
    if (actor) await this.store.audit({ actor, action: 'auth.logout', target: null, before: null, after: null, address });
  }
}
