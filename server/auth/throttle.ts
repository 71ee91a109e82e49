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
  private readonly checking = new Map<string, number>();
  /** Who waits for some check to end (see `checkEnded`). */
  private waiters: (() => void)[] = [];

  constructor(
    private readonly limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  /** Counts a try, or says how many seconds to wait when the account or the address has used up its tries. */
  reserve(username: string, address: string): Reservation {
    const checks: [string, number][] = [[`u:${username.toLowerCase()}`, this.limits.perAccount], [`a:${address}`, this.limits.perAddress]];
    let wait = 0;
    let failedInTheWay = false;
    for (const [key, limit] of checks) {
      const list = this.recent(key);
      if (list.length < limit) continue;
      // Tries still being checked count (so that concurrent guesses cannot pass the limit together); when the failed
      // ones alone are under the limit, the way clears as soon as those checks end.
      if (list.length - (this.checking.get(key) ?? 0) >= limit) {
        failedInTheWay = true;
        wait = Math.max(wait, Math.ceil(((list[list.length - limit] as number) + this.limits.windowMs - this.now()) / 1000));
      } else wait = Math.max(wait, CHECKING_RETRY_S);
    }
    if (wait > 0) return failedInTheWay ? { ok: false, retryAfter: wait, checking: false } : { ok: false, retryAfter: CHECKING_RETRY_S, checking: true };
    const attempt = { keys: checks.map(([key]) => key), at: this.now() };
    for (const key of attempt.keys) {
      this.attempts.set(key, [...this.recent(key), attempt.at]);
      this.checking.set(key, (this.checking.get(key) ?? 0) + 1);
    }
    return { ok: true, attempt };
  }

  /** A try's check has ended, whatever its outcome (call once per reserved try; a failed try stays counted). */
  settle(attempt: Attempt): void {
    for (const key of attempt.keys) {
      const n = (this.checking.get(key) ?? 0) - 1;
      if (n > 0) this.checking.set(key, n);
      else this.checking.delete(key);
    }
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Resolves when some try's check ends, or after `ms` at the latest. */
  checkEnded(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** A try that turned out not to be a wrong password is held against no one. */
  release(attempt: Attempt): void {
    for (const key of attempt.keys) {
      const list = this.attempts.get(key) ?? [];
      const index = list.indexOf(attempt.at);
      if (index >= 0) list.splice(index, 1);
      if (!list.length) this.attempts.delete(key);
    }
  }

  /** The right password forgives the account's failures; the address keeps its count of others' failures. */
  succeed(attempt: Attempt): void {
    this.release(attempt);
    for (const key of attempt.keys) if (key.startsWith('u:')) this.attempts.delete(key);
  }
}
