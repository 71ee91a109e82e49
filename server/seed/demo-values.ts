import type { Indicator, IndicatorValue } from '../../shared/domain/indicator';
import { QD766_INDICATORS } from '../../shared/kpi/definitions/qd766-catalogue';
import { periodsBetween } from '../../shared/kpi/periods';
import type { Unit } from '../../shared/schemas/unit';
import { Dice, seedOf } from './random';

/** Typical monthly denominators per indicator (procedures, dossiers, petitions…), scaled by a unit's size. */
const BASE: Record<string, [number, number]> = {
  PUBLISH_ON_TIME: [4, 12], PUBLIC_UPDATE_ON_TIME: [4, 12], PUBLIC_CONTENT_FULL: [20, 60], DOSSIER_SYNC: [200, 2000],
  ONLINE_SERVICES_OFFERED: [80, 140], ONLINE_SERVICES_USED: [40, 110], REUSED_DIGITIZED_DATA: [100, 900], ELECTRONIC_CERTIFIED_COPY: [20, 200],
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE: [100, 900], CITIZEN_DATA_CONNECTED_DOSSIER: [100, 900], CITIZEN_DATA_CONNECTED_FORMALITY: [20, 60],
  PETITION_PROCESSING_ON_TIME: [0, 6], PETITION_HANDLING_SATISFACTION: [0, 5], DOSSIER_RECEIVING_SATISFACTION: [10, 120],
  FORMALITY_ONLINE_PAYMENT: [5, 30], FORMALITY_FEE_ON_PORTAL: [5, 30],
  DA06_VNEID_APPLICATIONS: [300, 1500], DA06_VNEID_ACTIVATED: [2000, 20000], DA06_CITIZEN_DATA_CLEAN: [5000, 60000], DA06_JUDICIAL_RECORD_VNEID: [50, 400],
  CDS_ESSENTIAL_SERVICES: [1, 6], CDS_NON_CASH_PAYMENT: [200, 3000],
};

/**
 * Synthetic monthly reports of the 766 indicators for every unit, from July 2025 to the last full month: each unit has
 * a level per indicator that drifts a little month to month, and a few units skip a report now and then, so the
 * coverage shown is not always 100. Deterministic for a given `now`.
 */
export function demoIndicatorValues(units: readonly Unit[], start: number, now: number, catalogue: readonly Indicator[] = QD766_INDICATORS): IndicatorValue[] {
  const months = periodsBetween('month', start, now).filter((m) => m.end <= now);
  const out: IndicatorValue[] = [];
  for (const unit of units) {
    const dice = new Dice(seedOf(`values-${unit.code}`));
    const skips = dice.chance(0.15);
    for (const indicator of catalogue.filter((i) => i.kinds.length === 0 || i.kinds.includes(unit.kind))) {
      const [lo, hi] = BASE[indicator.code] ?? [10, 100];
      let level = dice.uniform(0.55, 0.99);
      for (const month of months) {
        level = Math.min(1, Math.max(0.3, level + dice.normal(0.01, 0.03)));
        if (skips && dice.chance(0.2)) continue;
        // The last month's round is still open in the demo: some units have not reported yet ("chưa báo cáo").
        if (month === months[months.length - 1] && dice.chance(0.25)) continue;
        const denominator = Math.round(dice.uniform(lo, hi));
        const numerator = Math.min(denominator, Math.round(denominator * level));
        out.push({ indicator: indicator.code, unitCode: unit.code, period: month.id, numerator, denominator, value: denominator ? (100 * numerator) / denominator : null, note: null });
      }
    }
  }
  return out;
}
