import type { Store } from '../store/port';

/**
 * The scheduled runs (a week's reports, a quarter's Biểu 06) this process has claimed and not finished. A claim is
 * once across processes and restarts, so a process that stops in the middle of one — a deploy's SIGTERM while the
 * Monday pack is being laid out — gives it back; the next start, or another process, then makes it. (A report asked
 * again is the stored one: making a run twice stores nothing twice.)
 */
export class ClaimedRuns {
  private readonly held = new Set<string>();
  private stopping = false;

  constructor(
    private readonly store: Store,
    private readonly by: string,
  ) {}

  /** Claims `key` and does its work; false, without working, when another caller has it or this process is stopping. */
  async run(key: string, work: () => Promise<void>): Promise<boolean> {
    if (this.stopping || !(await this.store.claimRun(key, this.by))) return false;
    // A stop that came while the claim was being made has already given back what it knew of.
    if (this.stopping) {
      await this.store.releaseRun(key, this.by);
      return false;
    }
    this.held.add(key);
    try {
      await work();
    } finally {
      this.held.delete(key);
    }
    return true;
  }

  /** Takes no more runs and gives back the claims whose work has not finished. */
  async release(): Promise<void> {
    this.stopping = true;
    const keys = [...this.held];
    this.held.clear();
    for (const key of keys) await this.store.releaseRun(key, this.by);
  }
}
