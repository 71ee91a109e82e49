import type { RateMeasure } from '../domain/measure';

export interface RateCounts {
  received: number;
  online: number;
  endToEnd: number;
  onTime: number;
}

const NUMERATOR = { onlineRate: 'online', endToEndRate: 'endToEnd', onTimeRate: 'onTime' } as const satisfies Partial<Record<RateMeasure, keyof RateCounts>>;
export type DossierRate = keyof typeof NUMERATOR;
export const DOSSIER_RATES = Object.keys(NUMERATOR) as DossierRate[];

/**
 * How many more of this period's dossiers would have had to be online / end-to-end / on time to reach the target:
 * the smallest x with 100 × (n + x) ≥ T × received, in exact arithmetic. 0 when met; null with nothing received.
 */
export function dossiersToTarget(measure: DossierRate, c: RateCounts, threshold: number): number | null {
  if (c.received === 0) return null;
  const have = c[NUMERATOR[measure]];
  const need = Math.ceil((threshold * c.received) / 100 - have - 1e-9);
  return Math.max(0, need);
}

/**
 * Percentage points a unit's rate would gain if all of one procedure's dossiers were online / end-to-end / on time:
 * where working on one procedure pays most.
 */
export function procedureGain(measure: DossierRate, procedure: RateCounts, unitReceived: number): number {
  if (unitReceived === 0) return 0;
  return (100 * (procedure.received - procedure[NUMERATOR[measure]])) / unitReceived;
}
