import type { DossierFacts } from '../schemas/dossier';
import type { Counts, Measures } from '../schemas/measure';
import { roundHalfUp } from './rounding';
import { measureFromCounts } from './measure-table';
import { DAY_MS } from './vn-time';

export const EMPTY_COUNTS: Counts = {
  received: 0, online: 0, endToEnd: 0, onTime: 0, overdueOpen: 0, completed: 0, processingMs: 0,
  eResultKnown: 0, eResult: 0, digitizedKnown: 0, digitized: 0, feeKnown: 0, feeRequired: 0, paidOnline: 0,
};

/** Withdrawn dossiers and those never received (national statuses 1 and 3) count in no measure. */
export function countsInMeasures(d: Pick<DossierFacts, 'status'>): boolean {
  return d.status !== 'withdrawn' && d.status !== 'not_received';
}

/** Completed by the cut-off E; one completed later is still open at E. */
export function isCompletedBy(d: Pick<DossierFacts, 'completedAt'>, cutOff: number): boolean {
  return d.completedAt !== null && d.completedAt <= cutOff;
}

/** On time at E: completed at or before its due time, or still open with its due time not yet past. */
export function isOnTime(d: Pick<DossierFacts, 'completedAt' | 'dueAt'>, cutOff: number): boolean {
  return isCompletedBy(d, cutOff) ? (d.completedAt as number) <= d.dueAt : d.dueAt >= cutOff;
}

/**
 * The reference computation of SPEC §2 over dossiers in memory. The store computes the same counts in SQL;
 * tests hold the two against each other.
 */
export function countDossiers(dossiers: Iterable<DossierFacts>, start: number, cutOff: number): Counts {
  const c = { ...EMPTY_COUNTS };
  for (const d of dossiers) {
    if (d.receivedAt < start || d.receivedAt >= cutOff || !countsInMeasures(d)) continue;
    c.received += 1;
    if (d.channel === 'online') c.online += 1;
    if (d.endToEnd) c.endToEnd += 1;
    if (isOnTime(d, cutOff)) c.onTime += 1;
    const done = isCompletedBy(d, cutOff);
    if (!done && d.dueAt < cutOff) c.overdueOpen += 1;
    if (done) {
      c.completed += 1;
      c.processingMs += (d.completedAt as number) - d.receivedAt;
    }
    if (d.eResult !== null) c.eResultKnown += 1;
    if (d.eResult) c.eResult += 1;
    if (d.digitized !== null) c.digitizedKnown += 1;
    if (d.digitized) c.digitized += 1;
    if (d.feeRequired !== null) c.feeKnown += 1;
    if (d.feeRequired) {
      c.feeRequired += 1;
      if (d.paidOnline) c.paidOnline += 1;
    }
  }
  return c;
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  addCountsInto(out, b);
  return out;
}

/**
 * Adds b into `into` (for sums over thousands of units without an object per step). Field by field: a loop over the
 * keys made each addition a keyed lookup, a tenth of a national overview's time.
 */
export function addCountsInto(into: Counts, b: Counts): void {
  into.received += b.received;
  into.online += b.online;
  into.endToEnd += b.endToEnd;
  into.onTime += b.onTime;
  into.overdueOpen += b.overdueOpen;
  into.completed += b.completed;
  into.processingMs += b.processingMs;
  into.eResultKnown += b.eResultKnown;
  into.eResult += b.eResult;
  into.digitizedKnown += b.digitizedKnown;
  into.digitized += b.digitized;
  into.feeKnown += b.feeKnown;
  into.feeRequired += b.feeRequired;
  into.paidOnline += b.paidOnline;
}

export function averageDays(processingMs: number, completed: number): number | null {
  return completed === 0 ? null : roundHalfUp(processingMs / completed / DAY_MS, 2);
}

export function measuresFromCounts(c: Counts): Measures {
  return {
    received: c.received,
    online: c.online,
    endToEnd: c.endToEnd,
    onTime: c.onTime,
    overdueOpen: c.overdueOpen,
    completed: c.completed,
    onlineRate: measureFromCounts('onlineRate', c),
    endToEndRate: measureFromCounts('endToEndRate', c),
    onTimeRate: measureFromCounts('onTimeRate', c),
    avgProcessingDays: measureFromCounts('avgProcessingDays', c),
    eResultRate: measureFromCounts('eResultRate', c),
    digitizedRate: measureFromCounts('digitizedRate', c),
    onlinePaymentRate: measureFromCounts('onlinePaymentRate', c),
  };
}
