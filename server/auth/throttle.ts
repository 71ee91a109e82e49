/** One counted sign-in try: the keys it was counted under and when. */
export interface Attempt {
  readonly keys: readonly string[];
  readonly at: number;
}

/**
 * A refusal says how many seconds to wait, and whether the tries in the way are still being checked (`checking`: some
 * of them may turn out right, and the wait is a moment) or have failed.
 */
export type Reservation = { ok: true; attempt: Attempt } | { ok: false; retryAfter: number; checking: boolean };

/** The wait suggested when only tries still being checked stand in the way (a password check takes about 0.1 s). */
const CHECKING_RETRY_S = 1;

/**
 * Counts sign-in tries in a sliding window, per account and per address. A try is counted before its password is
 * checked, in one synchronous step: checking the limit first and counting a failure after the (asynchronous) scrypt
 * let 40 concurrent tries all pass the check. In memory: a restart forgives, which is acceptable for a throttle (not a
 * lockout).
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();
  /** Tries counted and not yet settled (their password still being checked), per key. */
  private readonly checking = new Map<string, Set<Attempt>>();
  /** Tries held against no one (released, or the right password) while perhaps still being checked. */
  private readonly forgiven = new WeakSet<Attempt>();
  /** When every key was last cleared of tries older than the window (see `sweep`). */
  private swept: number;
  /** Who waits for a check under a key to end (see `checkEnded`), per key. */
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {
    this.swept = now();
  }

  /** Sign-ins waiting for checks under way to end (each waits under its account's key and its address's). */
  get waiting(): number {
    return new Set([...this.waiters.values()].flatMap((set) => [...set])).size;
  }

  /** Keys with tries held (accounts and addresses): at most those tried within about two windows. */
  get tracked(): number {
    return this.attempts.size;
  }

  /**
   * Once a window, forgets the keys whose tries have all left it: a key is otherwise cleared only when it is tried
   * again, and names sprayed from many addresses would each stay held for good.
   */
  private sweep(): void {
    const now = this.now();
    if (now - this.swept < this.limits.windowMs) return;
    this.swept = now;
    for (const key of [...this.attempts.keys()]) this.recent(key);
  }

  /** The keys a try of `username` from `address` is counted under, with their limits. */
  private limitsOf(username: string, address: string): [string, number][] {
    return [[`u:${username.toLowerCase()}`, this.limits.perAccount], [`a:${address}`, this.limits.perAddress]];
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  /** Counts a try, or says how many seconds to wait when the account or the address has used up its tries. */
  reserve(username: string, address: string): Reservation {
    this.sweep();
    const checks = this.limitsOf(username, address);
    let wait = 0;
    let checking = false;
    for (const [key, limit] of checks) {
      const list = this.recent(key);
      if (list.length < limit) continue;
      // Tries still being checked count (so that concurrent guesses cannot pass the limit together); when the failed
      // ones alone are under the limit, the way clears as soon as those checks end.
      if (list.length - (this.checking.get(key)?.size ?? 0) >= limit) wait = Math.max(wait, Math.ceil(((list[list.length - limit] as number) + this.limits.windowMs - this.now()) / 1000));
      else checking = true;
    }
    if (wait > 0) return { ok: false, retryAfter: wait, checking: false };
    if (checking) return { ok: false, retryAfter: CHECKING_RETRY_S, checking: true };
    const attempt = { keys: checks.map(([key]) => key), at: this.now() };
    for (const key of attempt.keys) {
      this.attempts.set(key, [...this.recent(key), attempt.at]);
      let inFlight = this.checking.get(key);
      if (!inFlight) this.checking.set(key, (inFlight = new Set()));
      inFlight.add(attempt);
    }
    return { ok: true, attempt };
  }

  /** A try's check has ended, whatever its outcome (call once per reserved try; a failed try stays counted). */
  settle(attempt: Attempt): void {
    for (const key of attempt.keys) {
      const inFlight = this.checking.get(key);
      inFlight?.delete(attempt);
      if (inFlight?.size === 0) this.checking.delete(key);
    }
    for (const key of attempt.keys) for (const wake of [...(this.waiters.get(key) ?? [])]) wake();
  }

  /**
   * Resolves when a try of this account or address settles, or after `ms` at the latest; null (wait no more) when
   * as many sign-ins already wait on the account or the address as its limit allows.
   */
  checkEnded(username: string, address: string, ms: number): Promise<void> | null {
    const checks = this.limitsOf(username, address);
    if (checks.some(([key, limit]) => (this.waiters.get(key)?.size ?? 0) >= limit)) return null;
    const keys = checks.map(([key]) => key);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        for (const key of keys) {
          const set = this.waiters.get(key);
          set?.delete(wake);
          if (set?.size === 0) this.waiters.delete(key);
        }
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      for (const key of keys) {
        let set = this.waiters.get(key);
        if (!set) this.waiters.set(key, (set = new Set()));
        set.add(wake);
      }
    });
  }

  /** A try that turned out not to be a wrong password is held against no one. */
  release(attempt: Attempt): void {
    this.forgiven.add(attempt);
    for (const key of attempt.keys) {
      const list = this.attempts.get(key) ?? [];
      const index = list.indexOf(attempt.at);
      if (index >= 0) list.splice(index, 1);
      if (!list.length) this.attempts.delete(key);
    }
  }

  /**
   * The right password forgives the account's failures; the address keeps its count of others' failures, and the
   * account the tries still being checked (a guess sent alongside the owner's sign-in is counted when it fails).
   */
  succeed(attempt: Attempt): void {
    this.release(attempt);
    for (const key of attempt.keys) {
      if (!key.startsWith('u:')) continue;
      const pending = [...(this.checking.get(key) ?? [])].filter((a) => !this.forgiven.has(a)).map((a) => a.at);
      if (pending.length) this.attempts.set(key, pending);
      else this.attempts.delete(key);
    }
  }
}
