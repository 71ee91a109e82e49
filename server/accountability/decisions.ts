import { decisionDueMessage } from '../../shared/kpi/commitments';
import { parsePeriod } from '../../shared/kpi/periods';
import { vnDateString } from '../../shared/kpi/vn-time';
import type { Decision, DecisionInput } from '../../shared/schemas/accountability';
import type { Period } from '../../shared/schemas/period';
import { periodOrThrow, unitOrThrow, type AnalyticsDeps } from '../analytics/deps';
import { UserError } from '../errors';
import type { AuditInput } from '../store/port';

/** A decision of the meeting about a unit: what was decided, who follows it up, by when. */
export async function addDecision(deps: AnalyticsDeps, input: DecisionInput, actor: string | null, audit: AuditInput): Promise<Decision> {
  const unit = await unitOrThrow(deps, input.unitCode);
  const period = periodOrThrow(input.period);
  const now = deps.now();
  const problem = decisionDueMessage(period, input.dueDate, vnDateString(now));
  if (problem) throw new UserError('BAD_REQUEST', problem, 'dueDate');
  return deps.store.addDecision(
    { unitCode: unit.code, period: period.id, decision: input.decision, owner: input.owner, dueDate: input.dueDate, createdAt: new Date(now).toISOString(), createdBy: actor },
    audit,
  );
}

/** What the next pack follows up: decisions taken on earlier periods that are still running in `period` (due on or after its start). */
export async function followUps(deps: AnalyticsDeps, period: Period): Promise<Decision[]> {
  const all = await deps.store.listDecisions({});
  return all
    .filter((d) => {
      const p = parsePeriod(d.period);
      return p.ok && p.period.start < period.start && d.dueDate >= period.startDate;
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.unitCode.localeCompare(b.unitCode) || a.id - b.id);
}
