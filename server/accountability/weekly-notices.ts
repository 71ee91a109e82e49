import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { enteredNewLevel } from '../../shared/kpi/escalation';
import { previousPeriod } from '../../shared/kpi/periods';
import { NoticeUnitSchema, type NoticeUnit } from '../../shared/schemas/accountability';
import type { Account } from '../../shared/schemas/account';
import { periodOrThrow, type AnalyticsDeps } from '../analytics/deps';
import { flagList } from '../analytics/flags';
import { cachedIndicators } from '../analytics/definitions';
import { errorFields, type Logger } from '../log';
import type { NewNotice, NoticeRecord } from '../store/port';
import { ladderFor } from './ladder';
import type { Mailer } from './mailer';
import { renderNoticeMail, type NoticeMail } from './notice-mail';

export interface RetryPolicy {
  attempts: number;
  /** The wait before the second try; each further wait is four times longer. */
  firstDelayMs: number;
}

/** Three retries over about ten minutes: an SMTP server being restarted is back by then. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 30_000 };

/**
 * How long a claim on a notice outlives the moment its next try is due. It covers one try (the mailer gives up on a
 * dead server within 90 s): a process that dies holding notices leaves them to the others after that.
 */
export const CLAIM_MARGIN_MS = 5 * 60_000;

export interface NoticeSettings {
  mailer: Mailer | null;
  /** The dashboard's address for links, without a trailing slash. */
  publicUrl: string;
  log: Logger;
  retry?: RetryPolicy;
}

/**
 * Who is told what after the figures of `week`: the head of every unit that entered a new escalation level since the
 * week before (from none, too), and every leader, in one digest, when any unit did. Disabled accounts are skipped.
 * Each week is judged with its own ladder, so a unit told of a level is one that the dashboard showed rising.
 */
export async function planNotices(deps: AnalyticsDeps, week: string, settings: Pick<NoticeSettings, 'mailer'>): Promise<NewNotice[]> {
  const period = periodOrThrow(week);
  const [current, before, accounts] = await Promise.all([
    flagList(deps, { period: period.id }),
    flagList(deps, { period: previousPeriod(period).id }),
    deps.store.listAccounts(),
  ]);
  const previous = new Map(before.rows.map((r) => [r.unitCode, r.escalation]));
  const entered: NoticeUnit[] = current.rows.flatMap((r) => {
    const was = previous.get(r.unitCode) ?? null;
    if (!r.escalation || !enteredNewLevel(was, r.escalation)) return [];
    const measures = r.failed.map((f) => ({ measure: f.measure, value: f.value, target: f.target, periodsBelow: f.periodsBelow }));
    return [{ unitCode: r.unitCode, unitName: r.unitName, level: r.escalation, previousLevel: was, periodsBelow: r.periodsBelow, measures }];
  });
  if (entered.length === 0) return [];
  const createdAt = new Date(deps.now()).toISOString();
  const notice = (a: Account, kind: NewNotice['kind'], units: NoticeUnit[]): NewNotice => {
    const email = a.email ?? null;
    return {
      recipient: a.username, period: period.id, kind, unitCode: kind === 'escalation' ? (units[0] as NoticeUnit).unitCode : null, payload: JSON.stringify(units), createdAt, email,
      language: a.language ?? 'vi', mailStatus: email && settings.mailer ? 'pending' : 'none',
    };
  };
  const active = accounts.filter((a) => !a.disabled);
  return [
    ...entered.flatMap((u) => active.filter((a) => a.role === 'unit_head' && a.unitCode === u.unitCode).map((a) => notice(a, 'escalation', [u]))),
    ...active.filter((a) => a.role === 'leader').map((a) => notice(a, 'digest', entered)),
  ];
}

const UnitsSchema = z.array(NoticeUnitSchema);

/** A stored notice as the e-mail its recipient gets: their name, the period's ladder, links to the dashboard. */
export async function noticeMail(deps: AnalyticsDeps, record: NoticeRecord, publicUrl: string): Promise<NoticeMail> {
  const [account, ladder, indicators] = await Promise.all([deps.store.getAccount(record.recipient), ladderFor(deps, periodOrThrow(record.period)), cachedIndicators(deps)]);
  const units = UnitsSchema.parse(JSON.parse(record.payload));
  return renderNoticeMail({ kind: record.kind, period: record.period, units, language: record.language, recipientName: account?.displayName ?? record.recipient, publicUrl, ladder: ladder.steps, indicators });
}

/**
 * Mails notices for one process. It claims the pending notices nobody holds (those just made, and those a stopped or
 * dead process left), so that each is mailed by one process only, and tries each again after a wait that grows
 * fourfold, up to `attempts` tries in all (counting tries made before a restart). Failures are logged and recorded on
 * the notice; nothing is thrown. `stop` lets the current try finish, then hands what is left to the next process.
 */
export class NoticeCourier {
  /** Whose claims these are: unique per process, even for the same pid on another machine or after a restart. */
  readonly id = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private stopping = false;
  private readonly running = new Set<Promise<void>>();
  private readonly wake = new Set<() => void>();

  constructor(
    private readonly deps: AnalyticsDeps,
    private readonly mailer: Mailer,
    private readonly settings: Pick<NoticeSettings, 'publicUrl' | 'log' | 'retry'>,
  ) {}

  /** Claims what is pending and mails it in the background; `delivered` settles when each is sent, given up on, or left at a stop. */
  async sendPending(): Promise<{ claimed: NoticeRecord[]; delivered: Promise<void> }> {
    if (this.stopping) return { claimed: [], delivered: Promise.resolve() };
    const now = this.deps.now();
    const claimed = await this.deps.store.claimNotices(this.id, now, now + CLAIM_MARGIN_MS);
    if (claimed.length === 0) return { claimed, delivered: Promise.resolve() };
    const delivered = this.deliver(claimed).catch((error: unknown) => this.settings.log('error', 'mailing notices stopped', errorFields(error)));
    this.running.add(delivered);
    void delivered.finally(() => this.running.delete(delivered));
    return { claimed, delivered };
  }

  /** Lets the try under way finish, starts no other, and lets go of the notices still pending so the next process mails them at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wake) wake();
    await Promise.allSettled([...this.running]);
    await this.deps.store.releaseNotices(this.id);
  }

  /** Waits `ms`, or until a stop: one that came before the wait began ends it at once (stop wakes only the waiting). */
  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake.add(done);
    });
  }

  private async deliver(records: readonly NoticeRecord[]): Promise<void> {
    const retry = this.settings.retry ?? DEFAULT_RETRY;
    const { log } = this.settings;
    let waiting = records.filter((r) => r.email).map((record) => ({ record, tries: record.mailAttempts }));
    while (waiting.length > 0 && !this.stopping) {
      const failed: typeof waiting = [];
      for (const item of waiting) {
        if (this.stopping) break;
        const { record } = item;
        const attempt = item.tries + 1;
        try {
          const mail = await noticeMail(this.deps, record, this.settings.publicUrl);
          await this.mailer.send({ to: record.email as string, ...mail });
          await this.deps.store.recordDelivery(record.id, 'sent', attempt);
        } catch (error) {
          const last = attempt >= retry.attempts;
          log(last ? 'error' : 'warn', last ? 'a notice could not be mailed; it stays in the dashboard' : 'mailing a notice failed; it will be tried again', { notice: record.id, recipient: record.recipient, attempt, ...errorFields(error) });
          if (last) await this.deps.store.recordDelivery(record.id, 'failed', attempt).catch(() => undefined);
          else failed.push({ record, tries: attempt });
        }
      }
      if (failed.length === 0 || this.stopping) break;
      const wait = retry.firstDelayMs * 4 ** (Math.min(...failed.map((f) => f.tries)) - 1);
      const leaseUntil = this.deps.now() + wait + CLAIM_MARGIN_MS;
      for (const f of failed) await this.deps.store.recordDelivery(f.record.id, 'pending', f.tries, leaseUntil);
      await this.sleep(wait);
      waiting = failed;
    }
  }
}

export interface NoticeRun {
  week: string;
  stored: NoticeRecord[];
  /** Settles when every mail this process took on has been sent or given up on (or left to the next process at a stop). */
  delivered: Promise<void>;
}

/**
 * Makes the notices of `week` once across processes (claimed like the weekly report) and mails them in the background
 * through `courier` (a new one when none is given).
 */
export async function runWeeklyNotices(deps: AnalyticsDeps, week: string, by: string, settings: NoticeSettings, courier?: NoticeCourier): Promise<NoticeRun | null> {
  if (!(await deps.store.claimRun(`notices:${week}`, by))) return null;
  const planned = await planNotices(deps, week, settings);
  const stored = planned.length ? await deps.store.addNotices(planned) : [];
  const mailer = settings.mailer;
  const sender = courier ?? (mailer ? new NoticeCourier(deps, mailer, settings) : null);
  const delivered = sender ? (await sender.sendPending()).delivered : Promise.resolve();
  return { week, stored, delivered };
}
