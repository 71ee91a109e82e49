import { ESCALATION_LEVELS, type EscalationLevel } from '../domain/accountability';
import { msg, type Message } from '../messages/catalogue';
import { renderMessage } from '../messages/render';

export interface EscalationStep {
  level: EscalationLevel;
  /** Consecutive periods below target (of the period's own kind) from which a unit stands at this level. */
  minPeriods: number;
  name: string;
  nameEn: string;
}

export type EscalationLadder = readonly EscalationStep[];

/** A level's name appears in headings, e-mail subjects and PDF cells: kept short. */
export const LADDER_NAME_MAX = 100;
/** A year of weeks: a longer threshold would never be reached by a weekly streak. */
export const LADDER_MAX_PERIODS = 52;
const CONTROL = /\p{Cc}/u;

/** A ladder refused by `checkLadder`, with the message to show (decision 023). */
export class LadderError extends RangeError {
  constructor(readonly detail: Message) {
    super(renderMessage(detail));
    this.name = 'LadderError';
  }
}

/**
 * Checks a ladder before it is used: known levels, each once, in the order of ESCALATION_LEVELS, with whole,
 * strictly increasing thresholds from 1 to LADDER_MAX_PERIODS and names in both languages (trimmed, NFC, no control
 * characters, at most LADDER_NAME_MAX characters). Throws a LadderError naming the first problem; returns a frozen copy.
 */
export function checkLadder(steps: readonly EscalationStep[]): EscalationLadder {
  if (steps.length === 0) throw new LadderError(msg('ladder.empty'));
  const clean = steps.map((s) => ({ level: s.level, minPeriods: s.minPeriods, name: s.name.normalize('NFC').trim(), nameEn: s.nameEn.normalize('NFC').trim() }));
  clean.forEach((s, i) => {
    const order = ESCALATION_LEVELS.indexOf(s.level);
    if (order < 0) throw new LadderError(msg('ladder.unknownLevel', { level: String(s.level), levels: ESCALATION_LEVELS.join(', ') }));
    if (!Number.isInteger(s.minPeriods) || s.minPeriods < 1 || s.minPeriods > LADDER_MAX_PERIODS) throw new LadderError(msg('ladder.periods', { level: s.level, max: LADDER_MAX_PERIODS }));
    if (!s.name || !s.nameEn) throw new LadderError(msg('ladder.names', { level: s.level }));
    for (const name of [s.name, s.nameEn]) {
      if (name.length > LADDER_NAME_MAX) throw new LadderError(msg('ladder.nameTooLong', { level: s.level, max: LADDER_NAME_MAX }));
      if (CONTROL.test(name)) throw new LadderError(msg('ladder.nameControl', { level: s.level }));
    }
    const prev = clean[i - 1];
    if (prev && ESCALATION_LEVELS.indexOf(prev.level) >= order) throw new LadderError(msg('ladder.order', { level: s.level, previous: prev.level, levels: ESCALATION_LEVELS.join(' → ') }));
    if (prev && prev.minPeriods >= s.minPeriods) throw new LadderError(msg('ladder.increasing', { level: s.level, previous: prev.level, periods: s.minPeriods, previousPeriods: prev.minPeriods }));
  });
  return Object.freeze(clean.map((s) => Object.freeze(s)));
}

/** SPEC §9: below for ≥ 1 period: reminder; ≥ 3: on the meeting agenda; ≥ 6: review of the head's responsibility. */
export const DEFAULT_LADDER: EscalationLadder = checkLadder([
  { level: 'reminder', minPeriods: 1, name: 'Nhắc nhở', nameEn: 'Reminder' },
  { level: 'agenda', minPeriods: 3, name: 'Đưa vào giao ban', nameEn: 'On the meeting agenda' },
  { level: 'review', minPeriods: 6, name: 'Kiểm điểm trách nhiệm người đứng đầu', nameEn: "Review of the head's responsibility" },
]);

/**
 * One saved version of the ladder: it governs every period whose last day (Vietnam date) is on or after
 * `effectiveFrom`, until a version with a later `effectiveFrom` takes over. Version 0 is SPEC §9's default.
 */
export interface LadderVersion {
  version: number;
  /** YYYY-MM-DD. */
  effectiveFrom: string;
  steps: EscalationLadder;
  createdAt: string | null;
  createdBy: string | null;
}

/** The default ladder as the version in force when nothing has been saved. */
export const DEFAULT_LADDER_VERSION: LadderVersion = Object.freeze({ version: 0, effectiveFrom: '2000-01-01', steps: DEFAULT_LADDER, createdAt: null, createdBy: null });

/**
 * The version in force for a period ending on `lastDay` (YYYY-MM-DD): the one with the latest `effectiveFrom` on or
 * before that day, the higher version on the same day; the default when none is.
 */
export function ladderInForce(versions: readonly LadderVersion[], lastDay: string): LadderVersion {
  let best: LadderVersion | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > lastDay) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best ?? DEFAULT_LADDER_VERSION;
}

/** The level reached after `periodsBelow` consecutive periods below target, or null when none is reached. */
export function escalationOf(periodsBelow: number, ladder: EscalationLadder): EscalationLevel | null {
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

export function levelName(level: EscalationLevel, language: string, ladder: EscalationLadder): string {
  const step = ladder.find((s) => s.level === level);
  if (!step) return level;
  return language === 'en' ? step.nameEn : step.name;
}

/** A unit's level: the highest over its below measures, i.e. the one reached by its longest streak below target. */
export function unitEscalation(flags: readonly { state: string; periodsBelow: number }[], ladder: EscalationLadder): EscalationLevel | null {
  return escalationOf(Math.max(0, ...flags.filter((f) => f.state === 'below').map((f) => f.periodsBelow)), ladder);
}

/** How many of the given units stand at each level. */
export function countByLevel(levels: readonly (EscalationLevel | null)[]): Record<EscalationLevel, number> {
  const counts = Object.fromEntries(ESCALATION_LEVELS.map((l) => [l, 0])) as Record<EscalationLevel, number>;
  for (const l of levels) if (l) counts[l] += 1;
  return counts;
}
