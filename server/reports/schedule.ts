import { periodContaining } from '../../shared/kpi/periods';
import { addDays, vnCivilDate, vnInstant, vnWeekday } from '../../shared/kpi/vn-time';
import type { AnalyticsDeps } from '../analytics/deps';
import { generateReport } from './reports-service';
import { ClaimedRuns } from './claimed-runs';
import { runQuarterlyForm06 } from './form06-schedule';
import { NoticeCourier, runWeeklyNotices, type NoticeRun, type NoticeSettings } from '../accountability/weekly-notices';

export interface Schedule {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  minute: number;
}

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** `MON 07:00` (the default), another day and time, or `off`. */
export function parseSchedule(text: string): Schedule | null | 'invalid' {
  const t = text.trim().toUpperCase();
  if (t === 'OFF') return null;
  const m = /^(MON|TUE|WED|THU|FRI|SAT|SUN)\s+(\d{1,2}):(\d{2})$/.exec(t);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return 'invalid';
  return { weekday: DAYS.indexOf(m[1] as string) + 1, hour: Number(m[2]), minute: Number(m[3]) };
}

/** The latest scheduled instant at or before `now` (Vietnam time). */
export function lastDue(schedule: Schedule, now: number): number {
  const today = vnCivilDate(now);
  const back = (vnWeekday(now) - schedule.weekday + 7) % 7;
  let at = vnInstant(addDays(today, -back), schedule.hour, schedule.minute);
  if (at > now) at = vnInstant(addDays(today, -back - 7), schedule.hour, schedule.minute);
  return at;
}

/** The week a run at `at` reports on: the last complete week before it. */
export function reportedWeek(at: number): string {
  return periodContaining('week', periodContaining('week', at).start - 1).id;
}

/**
 * Runs the latest due report once: the claim row makes it once across processes and restarts, and a server that
 * was down at the scheduled time catches up when it next ticks. A run that fails is tried again later
 * (claimed-runs.ts); the quarter's Biểu 06 is tried whatever became of the week's pack. Returns the week generated,
 * if any; rejects, after both were tried, with a `DueRunsFailed`.
 */
export async function runDue(deps: AnalyticsDeps, schedule: Schedule, by: string, runs = new ClaimedRuns(deps.store, by, deps.now)): Promise<string | null> {
  const at = lastDue(schedule, deps.now());
  const week = reportedWeek(at);
  const failures: unknown[] = [];
  const claimed = await runs
    .run(`weekly:${week}`, async () => {
      for (const format of ['pdf', 'xlsx'] as const) await generateReport(deps, { period: week, format, language: 'vi', regenerate: false, trigger: 'schedule', actor: null });
    })
    .catch((error: unknown) => (failures.push(error), false));
  // The first run of a quarter also makes the quarter before's Biểu 06, claimed on its own.
  await runQuarterlyForm06(deps, at, by, runs).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new DueRunsFailed(claimed ? week : null, failures);
  return claimed ? week : null;
}

/** Some of the due runs failed (each a `RunFailed`); `week` is the week whose pack was made all the same, if any. */
export class DueRunsFailed extends Error {
  constructor(
    readonly week: string | null,
    readonly failures: readonly unknown[],
  ) {
    super(failures.map((e) => (e instanceof Error ? e.message : String(e))).join('; '));
    this.name = 'DueRunsFailed';
  }
}

/** The notices of the week the latest due report covers (SPEC §9), claimed on their own so a failed report does not stop them. */
export function runDueNotices(deps: AnalyticsDeps, schedule: Schedule, by: string, settings: NoticeSettings, courier?: NoticeCourier): Promise<NoticeRun | null> {
  return runWeeklyNotices(deps, reportedWeek(lastDue(schedule, deps.now())), by, settings, courier);
}

/**
 * Every minute: the due report, the due notices, and the mail of notices left pending (by a process that stopped or
 * died mid-retry, the first tick after a start included). The returned function stops the ticks and hands the notices
 * this process still holds, and the runs it claimed and has not finished, to the next one.
 */
export function startScheduler(deps: AnalyticsDeps, schedule: Schedule, log: (m: string) => void, notices?: NoticeSettings): () => Promise<void> {
  const by = `pid ${process.pid}`;
  const courier = notices?.mailer ? new NoticeCourier(deps, notices.mailer, notices) : undefined;
  const runs = new ClaimedRuns(deps.store, by, deps.now);
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runDue(deps, schedule, by, runs)
      .then((week) => week && log(`weekly report for ${week} generated`))
      .catch((error: unknown) => {
        if (error instanceof DueRunsFailed && error.week) log(`weekly report for ${error.week} generated`);
        log(`scheduled report failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .then(() => notices && runDueNotices(deps, schedule, by, notices, courier))
      .then((run) => run && log(`notices for ${run.week}: ${run.stored.length} made`))
      .catch((error: unknown) => log(`weekly notices failed: ${error instanceof Error ? error.message : String(error)}`))
      .then(() => courier?.sendPending())
      .then((resumed) => resumed?.claimed.length && log(`mailing ${resumed.claimed.length} notices left pending`))
      .catch((error: unknown) => log(`mailing pending notices failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await runs.release();
    await courier?.stop();
  };
}
