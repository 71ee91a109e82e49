import type { PeriodKind } from './period';
import type { UnitKind } from './unit';

export const PILLARS = ['cchc', 'cds', 'da06', 'other'] as const;
export type Pillar = (typeof PILLARS)[number];
export const INDICATOR_UNITS = ['percent', 'count', 'days', 'points'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const INDICATOR_FREQUENCIES = ['week', 'month', 'quarter', 'year'] as const satisfies readonly PeriodKind[];
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

/** An indicator of the catalogue (SPEC §6). */
export interface Indicator {
  code: string;
  name: string;
  nameEn: string | null;
  pillar: Pillar;
  unit: IndicatorUnit;
  direction: 'higher' | 'lower';
  frequency: IndicatorFrequency;
  /** The unit kinds that report it; empty: every kind. */
  kinds: UnitKind[];
  description: string | null;
}

/** One unit's reported value of an indicator for a period (SPEC §6). */
export interface IndicatorValue {
  indicator: string;
  unitCode: string;
  /** A canonical period id (2025-07, 2025-Q3 …). */
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  note: string | null;
}
