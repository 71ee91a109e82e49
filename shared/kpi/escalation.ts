import { ESCALATION_LEVELS, type EscalationLevel } from '../domain/accountability';

export interface EscalationStep {
  level: EscalationLevel;
  /** Consecutive periods below target (of the period's own kind) from which a unit stands at this level. */
  minPeriods: number;
  name: string;
  nameEn: string;
}

export type EscalationLadder = readonly EscalationStep[];

/**
 * Checks a ladder before it is used: known levels, each once, in the order of ESCALATION_LEVELS, with whole,
 * strictly increasing thresholds from 1 and names in both languages. Throws a RangeError naming the first problem.
 */
export function checkLadder(steps: readonly EscalationStep[]): EscalationLadder {
  if (steps.length === 0) throw new RangeError('an escalation ladder needs at least one level');
  steps.forEach((s, i) => {
    const order = ESCALATION_LEVELS.indexOf(s.level);
    if (order < 0) throw new RangeError(`"${String(s.level)}" is not an escalation level (${ESCALATION_LEVELS.join(', ')})`);
    if (!Number.isInteger(s.minPeriods) || s.minPeriods < 1) throw new RangeError(`${s.level}: the number of periods is a whole number from 1`);
    if (!s.name.trim() || !s.nameEn.trim()) throw new RangeError(`${s.level}: a level needs a Vietnamese and an English name`);
    const prev = steps[i - 1];
    if (prev && ESCALATION_LEVELS.indexOf(prev.level) >= order) throw new RangeError(`${s.level} comes after ${prev.level}: levels go ${ESCALATION_LEVELS.join(' → ')}, each once`);
    if (prev && prev.minPeriods >= s.minPeriods) throw new RangeError(`${s.level} must start later than ${prev.level} (${s.minPeriods} ≤ ${prev.minPeriods} periods)`);
  });
  return Object.freeze(steps.map((s) => Object.freeze({ ...s })));
}

/** SPEC §9: below for ≥ 1 period: reminder; ≥ 3: on the meeting agenda; ≥ 6: review of the head's responsibility. */
export const DEFAULT_LADDER: EscalationLadder = checkLadder([
  { level: 'reminder', minPeriods: 1, name: 'Nhắc nhở', nameEn: 'Reminder' },
  { level: 'agenda', minPeriods: 3, name: 'Đưa vào giao ban', nameEn: 'On the meeting agenda' },
  { level: 'review', minPeriods: 6, name: 'Kiểm điểm trách nhiệm người đứng đầu', nameEn: "Review of the head's responsibility" },
]);

/** The level reached after `periodsBelow` consecutive periods below target, or null when none is reached. */
export function escalationOf(periodsBelow: number, ladder: EscalationLadder = DEFAULT_LADDER): EscalationLevel | null {
  let level: EscalationLevel | null = null;
  for (const step of ladder) if (periodsBelow >= step.minPeriods) level = step.level;
  return level;
}

/** 0 for no level, then 1, 2, 3 up the ladder: for comparing levels. */
export function levelRank(level: EscalationLevel | null): number {
  return level === null ? 0 : ESCALATION_LEVELS.indexOf(level) + 1;
}

export function highestLevel(levels: readonly (EscalationLevel | null)[]): EscalationLevel | null {
  return levels.reduce<EscalationLevel | null>((best, l) => (levelRank(l) > levelRank(best) ? l : best), null);
}

/** A unit enters a new level when it stands higher than it did the period before (from none, too). */
export function enteredNewLevel(previous: EscalationLevel | null, current: EscalationLevel | null): boolean {
  return levelRank(current) > levelRank(previous);
}

export function levelName(level: EscalationLevel, language: string, ladder: EscalationLadder = DEFAULT_LADDER): string {
  const step = ladder.find((s) => s.level === level);
  if (!step) return level;
  return language === 'en' ? step.nameEn : step.name;
}

/** A unit's level: the highest over its below measures, i.e. the one reached by its longest streak below target. */
export function unitEscalation(flags: readonly { state: string; periodsBelow: number }[], ladder: EscalationLadder = DEFAULT_LADDER): EscalationLevel | null {
  return escalationOf(Math.max(0, ...flags.filter((f) => f.state === 'below').map((f) => f.periodsBelow)), ladder);
}

/** How many of the given units stand at each level. */
export function countByLevel(levels: readonly (EscalationLevel | null)[]): Record<EscalationLevel, number> {
  const counts = Object.fromEntries(ESCALATION_LEVELS.map((l) => [l, 0])) as Record<EscalationLevel, number>;
  for (const l of levels) if (l) counts[l] += 1;
  return counts;
}
