import type { IndexComponent, IndexDefinition, Rating } from '../schemas/index-definition';
import type { Counts, Measure } from '../schemas/measure';
import { fractionOf } from './flags';
import { roundHalfUp } from './rounding';

/** chiso-v1 (SPEC §3). Bands below Tốt are not published by any authority, hence `assumed`. */
export const CHISO_V1: IndexDefinition = {
  id: 'chiso-v1',
  name: 'Chỉ số cải cách chiso-v1',
  components: [
    { measure: 'onTimeRate', rule: 'linear', points: 40 },
    { measure: 'onlineRate', rule: 'ratio-to-target', points: 30 },
    { measure: 'endToEndRate', rule: 'ratio-to-target', points: 30 },
  ],
  bands: [
    { rating: 'Xuất sắc', min: 90, assumed: false },
    { rating: 'Tốt', min: 80, assumed: false },
    { rating: 'Khá', min: 70, assumed: true },
    { rating: 'Trung bình', min: 50, assumed: true },
    { rating: 'Yếu', min: 0, assumed: true },
  ],
};

function componentScore(component: IndexComponent, rate: number, targetOf: (m: Measure) => number | null): number {
  const { points } = component;
  const threshold = component.rule === 'threshold' ? (component.threshold ?? null) : component.rule === 'ratio-to-target' ? targetOf(component.measure) : null;
  if (component.rule === 'linear' || threshold === null) return (points * rate) / 100;
  if (threshold === 0) return points;
  return points * Math.min(1, rate / threshold);
}

/**
 * The index of one unit and period from unrounded rates, rounded half-up at the end; `null` when a component's
 * measure has no value (nothing received).
 */
export function reformIndex(definition: IndexDefinition, counts: Counts, targetOf: (m: Measure) => number | null): number | null {
  let total = 0;
  for (const component of definition.components) {
    const f = fractionOf(component.measure, counts);
    if (!f) return null;
    total += componentScore(component, (100 * f.num) / f.den, targetOf);
  }
  return roundHalfUp(total, 2);
}

export function ratingOf(definition: IndexDefinition, index: number | null): Rating | null {
  if (index === null) return null;
  const bands = [...definition.bands].sort((a, b) => b.min - a.min);
  return bands.find((band) => index >= band.min)?.rating ?? null;
}
