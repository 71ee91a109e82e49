import { commitmentDueMessage } from '../../shared/kpi/commitments';
import { parsePeriod } from '../../shared/kpi/periods';
import { vnDateString } from '../../shared/kpi/vn-time';
import type { AccountabilityFilter, Commitment, CommitmentInput } from '../../shared/schemas/accountability';
import type { Period } from '../../shared/schemas/period';
import { periodOrThrow, unitOrThrow, type AnalyticsDeps } from '../analytics/deps';
import { UserError } from '../errors';
import type { AuditInput, CommitmentRecord } from '../store/port';
import { judgeCommitments, measureState } from './judge';
import { msg } from '../../shared/messages/catalogue';

/**
 * Records a unit's explanation and corrective action for a measure it is below target on in `period`. Refused for a
 * measure without a target in force, one the unit is not below on (nothing to explain), and a due date that has
 * passed, comes before the next period ends (it could never be judged) or lies more than a year out.
 */
export async function submitCommitment(deps: AnalyticsDeps, input: CommitmentInput, actor: string | null, audit: AuditInput): Promise<Commitment> {
  const unit = await unitOrThrow(deps, input.unitCode);
  const period = periodOrThrow(input.period);
  const now = deps.now();
  const state = await measureState(deps, unit, input.measure, period, now);
  if (state === null) throw new UserError('BAD_REQUEST', msg('commitment.noTarget', { unit: unit.name, measure: input.measure, period: period.id }));
  if (state !== 'below') throw new UserError('BAD_REQUEST', msg('commitment.notBelow', { unit: unit.name, measure: input.measure, period: period.id }));
  const problem = commitmentDueMessage(period, input.dueDate, vnDateString(now));
  if (problem) throw new UserError('BAD_REQUEST', problem, 'dueDate');
  const record = await deps.store.addCommitment(
    { unitCode: unit.code, period: period.id, measure: input.measure, explanation: input.explanation, action: input.action, dueDate: input.dueDate, createdAt: new Date(now).toISOString(), createdBy: actor },
    audit,
  );
  return (await judgeCommitments(deps, [record], now))[0] as Commitment;
}

export async function listCommitments(deps: AnalyticsDeps, filter: AccountabilityFilter): Promise<Commitment[]> {
  return judgeCommitments(deps, await deps.store.listCommitments(filter), deps.now());
}

/** Each unit's latest commitment written for a period that began before `period` ends, judged at `now`. */
export async function latestCommitments(deps: AnalyticsDeps, period: Period, now: number, unitCodes: readonly string[]): Promise<Map<string, Commitment>> {
  const wanted = new Set(unitCodes);
  const latest = new Map<string, CommitmentRecord>();
  for (const c of await deps.store.listCommitments({})) {
    if (!wanted.has(c.unitCode) || latest.has(c.unitCode)) continue;
    const p = parsePeriod(c.period);
    if (p.ok && p.period.start < period.end) latest.set(c.unitCode, c);
  }
  const judged = await judgeCommitments(deps, [...latest.values()], now);
  return new Map(judged.map((c) => [c.unitCode, c]));
}

/** Commitments due from `from` to `to` (inclusive dates), judged at `now`, by due date. */
export async function commitmentsDue(deps: AnalyticsDeps, from: string, to: string, now: number): Promise<Commitment[]> {
  const due = (await deps.store.listCommitments({})).filter((c) => c.dueDate >= from && c.dueDate <= to);
  const judged = await judgeCommitments(deps, due, now);
  return judged.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.unitCode.localeCompare(b.unitCode) || a.id - b.id);
}
