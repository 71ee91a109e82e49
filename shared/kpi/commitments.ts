import { MAX_DUE_DAYS, type CommitmentState } from '../domain/accountability';
import type { Period } from '../domain/period';
import type { FlagState } from '../schemas/ranking';
import { nextPeriod } from './periods';
import { DAY_MS, vnDateString, vnStartOfDate } from './vn-time';
import { msg, type Message } from '../messages/catalogue';
import { renderMessage } from '../messages/render';

export interface CommitmentTerms {
  /** The period whose shortfall the commitment answers. */
  period: Period;
  /** `YYYY-MM-DD`, inclusive: the commitment has until the end of that Vietnam day. */
  dueDate: string;
}

export interface JudgedCommitment {
  state: CommitmentState;
  /** The period that decided it: the first one no longer below (met), or the last one judged (missed). */
  judgedIn: string | null;
}

export function dueEnd(dueDate: string): number {
  return vnStartOfDate(dueDate) + DAY_MS;
}

/** The periods a commitment is judged on: those after its own, of the same kind, complete at `now` and ending by its due date. */
export function judgingPeriods(terms: CommitmentTerms, now: number): Period[] {
  const limit = Math.min(dueEnd(terms.dueDate), now);
  const out: Period[] = [];
  for (let p = nextPeriod(terms.period); p.end <= limit; p = nextPeriod(p)) out.push(p);
  return out;
}

/**
 * met: the measure is no longer below (met or at risk) in a complete period ending by the due date; missed: the due
 * date has passed without that; open otherwise. A period without data, or without a target in force, proves nothing.
 * `stateIn` gives the measure's flag state in a period, null when no target is in force.
 */
export function commitmentState(terms: CommitmentTerms, now: number, stateIn: (p: Period) => FlagState | null): JudgedCommitment {
  const periods = judgingPeriods(terms, now);
  for (const p of periods) {
    const state = stateIn(p);
    if (state === 'met' || state === 'at-risk') return { state: 'met', judgedIn: p.id };
  }
  if (now >= dueEnd(terms.dueDate)) return { state: 'missed', judgedIn: periods[periods.length - 1]?.id ?? null };
  return { state: 'open', judgedIn: null };
}

/** The first due date a commitment on `period` may have: the last day of the next period, the first one it can be judged on. */
export function earliestDueDate(period: Period): string {
  return nextPeriod(period).endDate;
}

export function latestDueDate(period: Period): string {
  return vnDateString(period.end - DAY_MS + MAX_DUE_DAYS * DAY_MS);
}

/** Why a commitment on `period`, written on `today` (`YYYY-MM-DD`), cannot be due on `dueDate`; null when it can. */
export function commitmentDueMessage(period: Period, dueDate: string, today: string): Message | null {
  if (dueDate < today) return msg('due.passed', { date: dueDate });
  const earliest = earliestDueDate(period);
  if (dueDate < earliest) return msg('due.tooEarly', { date: dueDate, earliest, period: period.id });
  const latest = latestDueDate(period);
  if (dueDate > latest) return msg('due.tooLate', { date: dueDate, days: MAX_DUE_DAYS, period: period.id, latest });
  return null;
}

/** Why a meeting decision on `period`, recorded on `today`, cannot be due on `dueDate`; null when it can. */
export function decisionDueMessage(period: Period, dueDate: string, today: string): Message | null {
  if (dueDate < today) return msg('due.passed', { date: dueDate });
  const latest = latestDueDate(period);
  if (dueDate > latest) return msg('due.tooLate', { date: dueDate, days: MAX_DUE_DAYS, period: period.id, latest });
  return null;
}

const inEnglish = (message: Message | null) => message && renderMessage(message);
export const commitmentDueProblem = (period: Period, dueDate: string, today: string) => inEnglish(commitmentDueMessage(period, dueDate, today));
export const decisionDueProblem = (period: Period, dueDate: string, today: string) => inEnglish(decisionDueMessage(period, dueDate, today));

/** The date a commitment form offers first: the earliest allowed due date, not before today. */
export function firstAllowedDueDate(period: Period, today: string): string {
  const earliest = earliestDueDate(period);
  return earliest > today ? earliest : today;
}
