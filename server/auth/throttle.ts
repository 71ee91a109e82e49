/**
 * Counts failed logins in a sliding window, per account and per address. In memory: a restart forgives, which is
 * acceptable for a throttle (not a lockout).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before trying again, or 0 when a try is allowed. */
  retryAfter(username: string, address: string): number {
    const checks: [string, number][] = [[`u:${username.toLowerCase()}`, this.limits.perAccount], [`a:${address}`, this.limits.perAddress]];
    let wait = 0;
    for (const [key, limit] of checks) {
      const list = this.recent(key);
      if (list.length >= limit) wait = Math.max(wait, Math.ceil(((list[list.length - limit] as number) + this.limits.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  fail(username: string, address: string): void {
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
