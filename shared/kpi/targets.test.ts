import { describe, expect, it } from 'vitest';
import type { Target } from '../schemas/target';
import { mustParsePeriod } from './periods';
import { targetInForce, targetsInForce } from './targets';

const t = (over: Partial<Target>): Target => ({ measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 60, effectiveFrom: '2025-07-21', deadline: '2025-07-30', ...over });
const ward = { code: '00070', kind: 'ward' as const };

describe('targetInForce', () => {
  const targets = [
    t({}),
    t({ threshold: 70, effectiveFrom: '2025-10-01', deadline: null }),
    t({ kind: null, unitCode: '00082', threshold: 50, effectiveFrom: '2025-07-01' }),
    t({ kind: 'commune', threshold: 40 }),
  ];

  it.each([
    ['2025-W29', ward, null],
    ['2025-W30', ward, 60],
    ['2025-09', ward, 60],
    ['2025-W40', ward, 70],
    ['2025-Q4', ward, 70],
    ['2025-W30', { code: '00082', kind: 'ward' as const }, 50],
    ['2025-W40', { code: '00082', kind: 'ward' as const }, 50],
    ['2025-W30', { code: '00100', kind: 'commune' as const }, 40],
    ['2025-W30', { code: 'SO-TP', kind: 'department' as const }, null],
  ])('in %s for %o the threshold is %s', (period, unit, expected) => {
    expect(targetInForce(targets, unit, 'onlineRate', mustParsePeriod(period).end)?.threshold ?? null).toBe(expected);
  });

  it('a target that starts on the last day of the period is in force; one that starts the day after is not', () => {
    const w = mustParsePeriod('2025-W30');
    expect(targetInForce([t({ effectiveFrom: '2025-07-27' })], ward, 'onlineRate', w.end)).not.toBeNull();
    expect(targetInForce([t({ effectiveFrom: '2025-07-28' })], ward, 'onlineRate', w.end)).toBeNull();
  });

  it('keeps a target in force after its deadline and says whose it is', () => {
    const inForce = targetInForce(targets, ward, 'onlineRate', mustParsePeriod('2026-W10').end);
    expect(inForce).toMatchObject({ threshold: 70, scope: 'kind' });
    expect(targetsInForce([t({ measure: 'onTimeRate', threshold: 100 }), t({})], ward, mustParsePeriod('2025-W31').end).map((x) => x.measure)).toEqual(['onlineRate', 'onTimeRate']);
  });
});
