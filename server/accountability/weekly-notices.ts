import { enteredNewLevel } from '../../shared/kpi/escalation';
import { previousPeriod } from '../../shared/kpi/periods';
import type { NoticeUnit } from '../../shared/schemas/accountability';
import type { Account } from '../../shared/schemas/account';
import { periodOrThrow, type AnalyticsDeps } from '../analytics/deps';
import { flagList } from '../analytics/flags';
import { errorFields, type Logger } from '../log';
import type { NewNotice, NoticeRecord } from '../store/port';
import type { Mailer } from './mailer';
import { renderNoticeMail, type NoticeMail } from './notice-mail';

export interface RetryPolicy {
  attempts: number;
  /** The wait before the second try; each further wait is four times longer. */
  firstDelayMs: number;
}

/** Three retries over about ten minutes: an SMTP server being restarted is back by then. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 30_000 };

export interface NoticeSettings {
  mailer: Mailer | null;
  /** The dashboard's address for links, without a trailing slash. */
  publicUrl: string;
  log: Logger;
  retry?: RetryPolicy;
}

interface Planned {
  notice: NewNotice;
  mail: NoticeMail;
}

const keyOf = (n: Pick<NewNotice, 'recipient' | 'kind' | 'unitCode'>) => `${n.recipient}|${n.kind}|${n.unitCode ?? ''}`;

/**
 * Who is told what after the figures of `week`: the head of every unit that entered a new escalation level since the
 * week before (from none, too), and every leader, in one digest, when any unit did. Disabled accounts are skipped.
 */
export async function planNotices(deps: AnalyticsDeps, week: string, settings: Pick<NoticeSettings, 'mailer' | 'publicUrl'>): Promise<Planned[]> {
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
  const plan = (a: Account, kind: NewNotice['kind'], units: NoticeUnit[]): Planned => {
    const language = a.language ?? 'vi';
    const email = a.email ?? null;
    return {
      notice: { recipient: a.username, period: period.id, kind, unitCode: kind === 'escalation' ? (units[0] as NoticeUnit).unitCode : null, payload: JSON.stringify(units), createdAt, email, language, mailStatus: email && settings.mailer ? 'pending' : 'none' },
      mail: renderNoticeMail({ kind, period: period.id, units, language, recipientName: a.displayName ?? a.username, publicUrl: settings.publicUrl }),
    };
  };
  const active = accounts.filter((a) => !a.disabled);
  return [
    ...entered.flatMap((u) => active.filter((a) => a.role === 'unit_head' && a.unitCode === u.unitCode).map((a) => plan(a, 'escalation', [u]))),
    ...active.filter((a) => a.role === 'leader').map((a) => plan(a, 'digest', entered)),
  ];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Mails the stored notices that have an address, in rounds: whatever failed is tried again after a wait that grows
 * fourfold, up to `attempts` tries. Failures are logged and recorded on the notice; nothing is thrown.
 */
export async function deliver(deps: AnalyticsDeps, items: readonly { record: NoticeRecord; mail: NoticeMail }[], mailer: Mailer, log: Logger, retry: RetryPolicy = DEFAULT_RETRY): Promise<void> {
  let waiting = items.filter((i) => i.record.email);
  for (let attempt = 1; waiting.length > 0; attempt++) {
    const failed: typeof waiting = [];
    for (const item of waiting) {
      const { record, mail } = item;
      try {
        await mailer.send({ to: record.email as string, ...mail });
        await deps.store.recordDelivery(record.id, 'sent', attempt);
      } catch (error) {
        const last = attempt >= retry.attempts;
        log(last ? 'error' : 'warn', last ? 'a notice could not be mailed; it stays in the dashboard' : 'mailing a notice failed; it will be tried again', { notice: record.id, recipient: record.recipient, attempt, ...errorFields(error) });
        if (last) await deps.store.recordDelivery(record.id, 'failed', attempt).catch(() => undefined);
        else failed.push(item);
      }
    }
    waiting = failed;
    if (waiting.length > 0) await sleep(retry.firstDelayMs * 4 ** (attempt - 1));
  }
}

export interface NoticeRun {
  week: string;
  stored: NoticeRecord[];
  /** Settles when every mail has been sent or given up on. */
  delivered: Promise<void>;
}

/** Makes the notices of `week` once across processes (claimed like the weekly report) and mails them in the background. */
export async function runWeeklyNotices(deps: AnalyticsDeps, week: string, by: string, settings: NoticeSettings): Promise<NoticeRun | null> {
  if (!(await deps.store.claimRun(`notices:${week}`, by))) return null;
  const planned = await planNotices(deps, week, settings);
  const stored = planned.length ? await deps.store.addNotices(planned.map((p) => p.notice)) : [];
  const mails = new Map(planned.map((p) => [keyOf(p.notice), p.mail]));
  const items = stored.map((record) => ({ record, mail: mails.get(keyOf(record)) as NoticeMail }));
  const mailer = settings.mailer;
  const delivered = mailer ? deliver(deps, items, mailer, settings.log, settings.retry).catch((error: unknown) => settings.log('error', 'mailing notices stopped', errorFields(error))) : Promise.resolve();
  return { week, stored, delivered };
}
