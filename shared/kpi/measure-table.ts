import type { Measure } from '../domain/measure';
import type { Counts } from '../schemas/measure';
import { ratePercent, roundHalfUp } from './rounding';
import { DAY_MS } from './vn-time';

export interface MeasureSpec {
  direction: 'higher' | 'lower';
  format: 'percent' | 'days' | 'count';
  /** How it is counted: the numerator and denominator from a unit's counts (a rate is 100 × num / den). */
  parts: (c: Counts) => { num: number; den: number };
  /** Whether it has a value at all: a rate over nothing received has none (null, not 0). */
  defined: (c: Counts) => boolean;
  label: { vi: string; en: string };
}

const rate = (num: (c: Counts) => number, den: (c: Counts) => number, vi: string, en: string): MeasureSpec => ({
  direction: 'higher', format: 'percent', parts: (c) => ({ num: num(c), den: den(c) }), defined: (c) => den(c) > 0, label: { vi, en },
});

/**
 * Every measure of SPEC §2 described once: direction, format, how it is counted and its label. Fractions for flags,
 * the reported values, index bases, report labels and the SQL-against-reference test all read this table, so a new
 * measure is added here (and its counts in the store's SQL).
 */
export const MEASURE_TABLE: Record<Measure, MeasureSpec> = {
  onlineRate: rate((c) => c.online, (c) => c.received, 'Nộp trực tuyến', 'Submitted online'),
  endToEndRate: rate((c) => c.endToEnd, (c) => c.received, 'Toàn trình', 'End-to-end online'),
  onTimeRate: rate((c) => c.onTime, (c) => c.received, 'Đúng hạn', 'On time'),
  eResultRate: rate((c) => c.eResult, (c) => c.eResultKnown, 'Kết quả điện tử', 'Electronic results'),
  digitizedRate: rate((c) => c.digitized, (c) => c.digitizedKnown, 'Số hóa', 'Digitised'),
  onlinePaymentRate: rate((c) => c.paidOnline, (c) => c.feeRequired, 'Thanh toán trực tuyến', 'Paid online'),
  avgProcessingDays: {
    direction: 'lower', format: 'days', parts: (c) => ({ num: c.processingMs / DAY_MS, den: c.completed }), defined: (c) => c.completed > 0,
    label: { vi: 'Thời gian xử lý TB', en: 'Average processing time' },
  },
  overdueOpen: {
    direction: 'lower', format: 'count', parts: (c) => ({ num: c.overdueOpen, den: 1 }), defined: (c) => c.received > 0,
    label: { vi: 'Hồ sơ quá hạn đang xử lý', en: 'Open overdue dossiers' },
  },
};

/** The measure as an exact fraction, or null when it has no value. */
export function measureFraction(measure: Measure, c: Counts): { num: number; den: number } | null {
  const spec = MEASURE_TABLE[measure];
  return spec.defined(c) ? spec.parts(c) : null;
}

/** The measure as reported: rates and days rounded half-up to 2 decimals (rates in integer arithmetic), counts as they are. */
export function measureFromCounts(measure: Measure, c: Counts): number | null {
  const spec = MEASURE_TABLE[measure];
  if (!spec.defined(c)) return null;
  const { num, den } = spec.parts(c);
  if (spec.format === 'percent') return ratePercent(num, den);
  if (spec.format === 'days') return roundHalfUp(num / den, 2);
  return num;
}

export function measureLabels(language: 'vi' | 'en'): Record<Measure, string> {
  return Object.fromEntries(Object.entries(MEASURE_TABLE).map(([m, spec]) => [m, spec.label[language]])) as Record<Measure, string>;
}
