import { bySubjectOrder } from '../domain/measure';
import type { Target, TargetInForce, TargetMeasure } from '../schemas/target';
import type { UnitKind } from '../schemas/unit';
import { vnStartOfDate } from './vn-time';

export interface TargetSubject {
  code: string;
  kind: UnitKind;
}

function latestInForce(candidates: Target[], periodEnd: number): Target | undefined {
  let best: Target | undefined;
  for (const t of candidates) {
    if (vnStartOfDate(t.effectiveFrom) >= periodEnd) continue;
    if (!best || t.effectiveFrom > best.effectiveFrom) best = t;
  }
  return best;
}

/**
 * The target in force for a unit and measure in a period ending at `periodEnd`: the unit's own target over
 * its kind's, then the one with the latest `effectiveFrom` before the period's end. A deadline does not end it.
 */
export function targetInForce(targets: readonly Target[], unit: TargetSubject, measure: TargetMeasure, periodEnd: number): TargetInForce | null {
  const forMeasure = targets.filter((t) => t.measure === measure);
  const own = latestInForce(forMeasure.filter((t) => t.unitCode === unit.code), periodEnd);
  if (own) return { ...own, scope: 'unit' };
  const ofKind = latestInForce(forMeasure.filter((t) => t.unitCode === null && t.kind === unit.kind), periodEnd);
  return ofKind ? { ...ofKind, scope: 'kind' } : null;
}

/** Every target in force for a unit, one per measure or indicator that has one: measures in their order, then indicators. */
export function targetsInForce(targets: readonly Target[], unit: TargetSubject, periodEnd: number): TargetInForce[] {
  const measures = [...new Set(targets.map((t) => t.measure))];
  return measures
    .map((m) => targetInForce(targets, unit, m, periodEnd))
    .filter((t): t is TargetInForce => t !== null)
    .sort((a, b) => bySubjectOrder(a.measure, b.measure));
}
