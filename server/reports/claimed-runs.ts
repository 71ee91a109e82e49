import type { Store } from '../store/port';

const FIRST_PAUSE_MS = 60_000;
const MAX_PAUSE_MS = 3_600_000;

/** A claimed run whose work failed: its claim was given back, and this process tries it again from `retryAt`. */
export class RunFailed extends Error {
  constructor(
    readonly key: string,
    readonly attempts: number,
    readonly retryAt: number,
    readonly reason: unknown,
  ) {
    const why = reason instanceof Error ? reason.message : String(reason);
    super(`${key} failed (${attempts === 1 ? 'once' : `${attempts} times in a row`}): ${why}; tried again from ${new Date(retryAt).toISOString()}`);
    this.name = 'RunFailed';
  }
}

/**
 * The scheduled runs (a week's reports, a quarter's Biểu 06) this process has claimed and not finished. A claim is
 * once across processes and restarts, so a process that stops in the middle of one — a deploy's SIGTERM while the
 * Monday pack is being laid out — gives it back; the next start, or another process, then makes it. A week's
 * report asked again is the stored one, and a quarter's scheduled Biểu 06 is not made again once stored, so a run
 * that still finished after its claim was given back is not stored twice (except when two processes finish the same
 * run at the same moment on a shared database: then the second is a later version of the same report).
 *
 * A run whose work fails (the database busy, a renderer that crashed) gives its claim back too, so that it is made
 * later rather than never while it is due (a week's pack until the next week's is due, a quarter's Biểu 06 during
 * the quarter's first week; after that an admin regenerates it): this process tries it again after a pause that
 * doubles with each failure (1 minute, then 2, 4 … up to an hour: a failure that persists is tried, and logged, once
 * an hour), and another process may take it at once. A claim that could not be given back (the database down with
 * the run) is given back before this process claims the run again, or when it stops. What the failed run stored
 * stays stored: a week's report made before the failure is reused.
 */
export class ClaimedRuns {
  private readonly held = new Set<string>();
  /** The runs that failed in this process: how many times in a row, and when to try again. */
  private readonly failed = new Map<string, { attempts: number; retryAt: number }>();
  /** Claims of failed runs that could not be given back yet. */
  private readonly unreleased = new Set<string>();
  /** Claims being made: a stop waits for them, so that one won meanwhile is given back too. */
  private readonly claiming = new Set<Promise<boolean>>();
  private stopping = false;

  constructor(
    private readonly store: Store,
    private readonly by: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Claims `key` and does its work; false, without working, when another caller has it, this process is stopping or
   * the run failed here and its pause is not over. A failure gives the claim back and rejects with a `RunFailed`.
   */
  async run(key: string, work: () => Promise<void>): Promise<boolean> {
    if (this.stopping) return false;
    const failedBefore = this.failed.get(key);
    if (failedBefore && this.now() < failedBefore.retryAt) return false;
    if (this.unreleased.has(key) && !(await this.giveBack(key))) return false;
    const claim = this.store.claimRun(key, this.by);
    this.claiming.add(claim);
    let won: boolean;
    try {
      won = await claim;
    } finally {
      this.claiming.delete(claim);
    }
    if (!won) return false;
    this.held.add(key);
    // Won while stopping: `release` (which waited for this claim) gives it back.
    if (this.stopping) return false;
    try {
      await work();
    } catch (error) {
      this.held.delete(key);
      const attempts = (failedBefore?.attempts ?? 0) + 1;
      const retryAt = this.now() + Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (attempts - 1));
      this.failed.set(key, { attempts, retryAt });
      // A stopping process has given its claims back already (release).
      if (!this.stopping) {
        this.unreleased.add(key);
        await this.giveBack(key);
      }
      throw new RunFailed(key, attempts, retryAt, error);
    }
    this.held.delete(key);
    this.failed.delete(key);
    return true;
  }

  /** Takes no more runs and gives back the claims whose work has not finished, those being made included. */
  async release(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.claiming]);
    const keys = [...this.held];
    this.held.clear();
    for (const key of keys) await this.store.releaseRun(key, this.by);
    for (const key of [...this.unreleased]) await this.giveBack(key);
  }

  /** Gives back the claim of a failed run; false when the store refused again (tried again later). */
  private async giveBack(key: string): Promise<boolean> {
    try {
      await this.store.releaseRun(key, this.by);
      this.unreleased.delete(key);
      return true;
    } catch {
      return false;
    }
  }
}
