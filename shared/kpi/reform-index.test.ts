import { describe, expect, it } from 'vitest';
import type { IndexDefinition } from '../schemas/index-definition';
import { IndexDefinitionSchema } from '../schemas/index-definition';
import type { Counts, Measure } from '../schemas/measure';
import { EMPTY_COUNTS } from './measures';
import { CHISO_V1, ratingOf, reformIndex } from './reform-index';

const c = (over: Partial<Counts>): Counts => ({ ...EMPTY_COUNTS, ...over });
const targets = (online: number | null, e2e: number | null) => (m: Measure) => (m === 'onlineRate' ? online : m === 'endToEndRate' ? e2e : null);

describe('chiso-v1', () => {
  it('is valid data', () => {
    expect(IndexDefinitionSchema.parse(CHISO_V1)).toEqual(CHISO_V1);
  });

  it.each<[string, Partial<Counts>, number | null, number | null, number | null]>([
    ['full marks at and above target', { received: 100, onTime: 100, online: 60, endToEnd: 20 }, 60, 20, 100],
    ['above target is capped', { received: 100, onTime: 100, online: 95, endToEnd: 80 }, 60, 20, 100],
    ['half of each target', { received: 100, onTime: 50, online: 30, endToEnd: 10 }, 60, 20, 50],
    ['no targets: linear on each rate', { received: 100, onTime: 90, online: 50, endToEnd: 10 }, null, null, 54],
    ['threshold 0 gives full points', { received: 100, onTime: 100, online: 0, endToEnd: 0 }, 0, 0, 100],
    ['computed from unrounded rates', { received: 3, onTime: 2, online: 1, endToEnd: 0 }, 60, 20, 43.33],
    ['nothing received has no index', { received: 0 }, 60, 20, null],
  ])('%s', (_label, counts, online, e2e, expected) => {
    expect(reformIndex(CHISO_V1, c(counts), targets(online, e2e))).toBe(expected);
  });

  it('takes other definitions as data, such as a 766-style progress indicator', () => {
    const progress: IndexDefinition = { ...CHISO_V1, id: 'progress', components: [{ measure: 'onTimeRate', rule: 'linear', points: 20 }] };
    expect(reformIndex(progress, c({ received: 161, onTime: 156 }), targets(null, null))).toBe(19.38);
    expect(reformIndex(progress, c({ received: 464494, onTime: 403016 }), targets(null, null))).toBe(17.35);
    const online766: IndexDefinition = { ...CHISO_V1, components: [{ measure: 'onlineRate', rule: 'threshold', points: 6, threshold: 50 }] };
    expect(reformIndex(online766, c({ received: 100, online: 25 }), targets(null, null))).toBe(3);
  });
});

describe('ratingOf', () => {
  it.each([[100, 'Xuất sắc'], [90, 'Xuất sắc'], [89.99, 'Tốt'], [80, 'Tốt'], [70, 'Khá'], [69.99, 'Trung bình'], [50, 'Trung bình'], [49.99, 'Yếu'], [0, 'Yếu'], [null, null]])(
    '%s → %s',
    (index, rating) => {
      expect(ratingOf(CHISO_V1, index)).toBe(rating);
    },
  );
});
