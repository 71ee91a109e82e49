import type { IndexBasis } from '../domain/index-basis';
import type { RateMeasure } from '../domain/measure';
import { MEASURE_TABLE } from './measure-table';
import type { Counts } from '../schemas/measure';

interface BasisCount {
  num: (c: Counts) => number;
  den: (c: Counts) => number;
  /** How many received dossiers carried the column the basis needs; absent when every dossier has it. */
  known?: (c: Counts) => number;
}

/** How each index basis is counted from a unit's counts: the one place that says so. */
const fromTable = (m: RateMeasure, known?: (c: Counts) => number): BasisCount => ({ num: (c) => MEASURE_TABLE[m].parts(c).num, den: (c) => MEASURE_TABLE[m].parts(c).den, ...(known ? { known } : {}) });

export const BASIS_COUNTS: Record<IndexBasis, BasisCount> = {
  onlineRate: fromTable('onlineRate'),
  endToEndRate: fromTable('endToEndRate'),
  onTimeRate: fromTable('onTimeRate'),
  eResultRate: fromTable('eResultRate', (c) => c.eResultKnown),
  digitizedRate: fromTable('digitizedRate', (c) => c.digitizedKnown),
  onlinePaymentRate: fromTable('onlinePaymentRate', (c) => c.feeKnown),
  eResultShare: { num: (c) => c.eResult, den: (c) => c.received, known: (c) => c.eResultKnown },
  digitizedShare: { num: (c) => c.digitized, den: (c) => c.received, known: (c) => c.digitizedKnown },
};

/**
 * The basis as an exact fraction, or `missing` when the unit received dossiers none of which carried the column the
 * basis needs (the file had no such column): that is not knowing, which is not the same as a zero denominator.
 */
export function basisFraction(basis: IndexBasis, c: Counts): { num: number; den: number } | 'missing' {
  const b = BASIS_COUNTS[basis];
  if (b.known && c.received > 0 && b.known(c) === 0) return 'missing';
  return { num: b.num(c), den: b.den(c) };
}
