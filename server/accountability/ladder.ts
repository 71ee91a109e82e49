import { checkLadder, LadderError, ladderInForce, type LadderVersion } from '../../shared/kpi/escalation';
import { DAY_MS, vnDateString } from '../../shared/kpi/vn-time';
import { MAX_DUE_DAYS } from '../../shared/domain/accountability';
import type { LadderSaveInput } from '../../shared/schemas/accountability';
import type { Period } from '../../shared/schemas/period';
import type { AnalyticsDeps } from '../analytics/deps';
import { UserError } from '../errors';
import type { AuditInput } from '../store/port';
import { msg } from '../../shared/messages/catalogue';

/** Every saved version of the ladder, checked again on the way out (a version that no longer passes is left out). */
export function ladderVersions(deps: AnalyticsDeps): Promise<LadderVersion[]> {
  return deps.cache.remember(deps.store, 'ladders', async () =>
    (await deps.store.listLadders()).flatMap((s): LadderVersion[] => {
      try {
        return [{ version: s.version, effectiveFrom: s.effectiveFrom, steps: checkLadder(JSON.parse(s.json) as never), createdAt: s.createdAt, createdBy: s.createdBy }];
      } catch {
        return [];
      }
    }),
  );
}

/** The ladder a period is judged with: the version in force on the period's last day (SPEC §9's default before any). */
export async function ladderFor(deps: AnalyticsDeps, period: Pick<Period, 'endDate'>): Promise<LadderVersion> {
  return ladderInForce(await ladderVersions(deps), period.endDate);
}

/** The ladder in force today (Vietnam date). */
export async function ladderToday(deps: AnalyticsDeps): Promise<LadderVersion> {
  return ladderInForce(await ladderVersions(deps), vnDateString(deps.now()));
}

/**
 * Saves a new version of the ladder. Refused: a ladder `checkLadder` refuses, and a first day in the past (a period
 * already judged keeps the ladder it was judged with) or more than a year ahead.
 */
export async function saveLadder(deps: AnalyticsDeps, input: LadderSaveInput, actor: string | null, audit: AuditInput): Promise<LadderVersion> {
  let steps;
  try {
    steps = checkLadder(input.steps);
  } catch (error) {
    if (error instanceof LadderError) throw new UserError('BAD_REQUEST', error.detail);
    throw error;
  }
  const today = vnDateString(deps.now());
  if (input.effectiveFrom < today) throw new UserError('BAD_REQUEST', msg('ladder.tooEarly', { today, date: input.effectiveFrom }));
  const latest = vnDateString(deps.now() + MAX_DUE_DAYS * DAY_MS);
  if (input.effectiveFrom > latest) throw new UserError('BAD_REQUEST', msg('ladder.tooLate', { latest, date: input.effectiveFrom }));
  const before = ladderInForce(await ladderVersions(deps), input.effectiveFrom);
  const stored = await deps.store.saveLadder(
    { effectiveFrom: input.effectiveFrom, json: JSON.stringify(steps), createdBy: actor },
    { ...audit, before: JSON.stringify({ version: before.version, effectiveFrom: before.effectiveFrom, steps: before.steps }) },
  );
  return { version: stored.version, effectiveFrom: stored.effectiveFrom, steps, createdAt: stored.createdAt, createdBy: stored.createdBy };
}
