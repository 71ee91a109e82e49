import type { EscalationLevel } from '../domain/accountability';
import { ESCALATION_LEVELS } from '../domain/accountability';
import { GROUPS, type Group } from '../domain/unit';

/** The flag list as a leader narrows it: by group (communes or departments), by a measure missed, by ladder level. */
export interface FlagFilter {
  group: Group | null;
  /** A measure id (or indicator code) the unit is below on. */
  measure: string | null;
  level: EscalationLevel | null;
}

interface FlagRowLike {
  group: Group;
  escalation: EscalationLevel | null;
  failed: readonly { measure: string }[];
}

export function filterFlags<R extends FlagRowLike>(rows: readonly R[], filter: FlagFilter): R[] {
  return rows.filter(
    (r) => (filter.group === null || r.group === filter.group) && (filter.level === null || r.escalation === filter.level) && (filter.measure === null || r.failed.some((f) => f.measure === filter.measure)),
  );
}

/** The measures missed anywhere in the list, in the order first seen (the filter offers only these). */
export function failedMeasures(rows: readonly FlagRowLike[]): string[] {
  return [...new Set(rows.flatMap((r) => r.failed.map((f) => f.measure)))];
}

/** A filter from URL-style parameters; unknown values are no filter (the page) or refused (the export's parser). */
export function flagFilterOf(params: { get: (name: string) => string | null }): FlagFilter {
  const group = params.get('group');
  const level = params.get('level');
  const measure = params.get('measure');
  return {
    group: GROUPS.find((g) => g === group) ?? null,
    level: ESCALATION_LEVELS.find((l) => l === level) ?? null,
    measure: measure && /^[A-Za-z0-9_.-]{1,100}$/.test(measure) ? measure : null,
  };
}
