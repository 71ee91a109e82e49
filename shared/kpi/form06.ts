import type { DossierFacts } from '../schemas/dossier';
import type { Form06Counts } from '../schemas/form06';
import { FORM06_FIELDS } from '../domain/form06';
import { countsInMeasures, isCompletedBy } from './measures';
import { DAY_MS, VN_OFFSET_MS } from './vn-time';

type Totals = 'receivedTotal' | 'resolvedTotal' | 'pendingTotal';
/** The cells a dossier is counted in; the totals are their sums. */
export type Form06Base = Omit<Form06Counts, Totals>;
export type Form06Intake = 'carriedOver' | 'receivedOnline' | 'receivedOffline';
export type Form06Outcome = 'resolvedEarly' | 'resolvedOnTime' | 'resolvedLate' | 'pendingWithinDeadline' | 'pendingOverdue';

export const EMPTY_FORM06: Form06Counts = Object.fromEntries(FORM06_FIELDS.map((f) => [f, 0])) as Form06Counts;

/** The Vietnam calendar day of an instant as a day number (days since 1970-01-01 in Vietnam); the SQL does the same sum. */
export function vnDayNumber(instant: number): number {
  return Math.floor((instant + VN_OFFSET_MS) / DAY_MS);
}

/**
 * Where one dossier stands on the form for [start, E), or null when it is not on it: withdrawn or never received,
 * received at or after E, or received before `start` and completed before it. A cut-off before `start` takes the
 * form as it stood at E (nothing newly received; what was open at E carried over).
 */
export function form06Place(d: DossierFacts, start: number, cutOff: number): { intake: Form06Intake; outcome: Form06Outcome } | null {
  const s = Math.min(start, cutOff);
  if (!countsInMeasures(d) || d.receivedAt >= cutOff) return null;
  let intake: Form06Intake;
  if (d.receivedAt < s) {
    if (d.completedAt !== null && d.completedAt < s) return null;
    intake = 'carriedOver';
  } else intake = d.channel === 'online' ? 'receivedOnline' : 'receivedOffline';
  if (!isCompletedBy(d, cutOff)) return { intake, outcome: d.dueAt >= cutOff ? 'pendingWithinDeadline' : 'pendingOverdue' };
  const done = d.completedAt as number;
  if (done > d.dueAt) return { intake, outcome: 'resolvedLate' };
  return { intake, outcome: vnDayNumber(done) < vnDayNumber(d.dueAt) ? 'resolvedEarly' : 'resolvedOnTime' };
}

/** A row from its cells: the totals are sums, so receivedTotal = resolvedTotal + pendingTotal by construction. */
export function form06WithTotals(b: Form06Base): Form06Counts {
  return {
    carriedOver: b.carriedOver, receivedOnline: b.receivedOnline, receivedOffline: b.receivedOffline,
    receivedTotal: b.carriedOver + b.receivedOnline + b.receivedOffline,
    resolvedTotal: b.resolvedEarly + b.resolvedOnTime + b.resolvedLate,
    resolvedEarly: b.resolvedEarly, resolvedOnTime: b.resolvedOnTime, resolvedLate: b.resolvedLate,
    pendingTotal: b.pendingWithinDeadline + b.pendingOverdue,
    pendingWithinDeadline: b.pendingWithinDeadline, pendingOverdue: b.pendingOverdue,
  };
}

/**
 * The reference computation of SPEC §8 over dossiers in memory (one unit's, or any set). The store computes the same
 * in SQL; the contract tests hold the two against each other.
 */
export function form06FromDossiers(dossiers: Iterable<DossierFacts>, start: number, cutOff: number): Form06Counts {
  const c = { ...EMPTY_FORM06 };
  for (const d of dossiers) {
    const place = form06Place(d, start, cutOff);
    if (!place) continue;
    c[place.intake] += 1;
    c[place.outcome] += 1;
  }
  return form06WithTotals(c);
}

export function addForm06(a: Form06Counts, b: Form06Counts): Form06Counts {
  const out = { ...a };
  for (const f of FORM06_FIELDS) out[f] = a[f] + b[f];
  return out;
}
