import type { Store } from '../store/port';

/**
 * The scheduled runs (a week's reports, a quarter's Biểu 06) this process has claimed and not finished. A claim is
 * once across processes and restarts, so a process that stops in the middle of one — a deploy's SIGTERM while the
 * Monday pack is being laid out — gives it back; the next start, or another process, then makes it. A week's
 * report asked again is the stored one, and a quarter's scheduled Biểu 06 is not made again once stored, so a run
 * that still finished after its claim was given back is not stored twice (except when two processes finish the same
 * run at the same moment on a shared database: then the second is a later version of the same report).
 */
export class ClaimedRuns {
  private readonly held = new Set<string>();
  /** Claims being made: a stop waits for them, so that one won meanwhile is given back too. */
  private readonly claiming = new Set<Promise<boolean>>();
  private stopping = false;

  constructor(
    private readonly store: Store,
    private readonly by: string,
  ) {}

  /** Claims `key` and does its work; false, without working, when another caller has it or this process is stopping. */
  async run(key: string, work: () => Promise<void>): Promise<boolean> {
    if (this.stopping) return false;
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
    } finally {
      this.held.delete(key);
    }
    return true;
  }

  /** Takes no more runs and gives back the claims whose work has not finished, those being made included. */
  async release(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.claiming]);
    const keys = [...this.held];
    this.held.clear();
    for (const key of keys) await this.store.releaseRun(key, this.by);
  }
}
