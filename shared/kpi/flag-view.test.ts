import { describe, expect, it } from 'vitest';
import { failedMeasures, filterFlags, flagFilterOf } from './flag-view';

const rows = [
  { unitCode: 'A', group: 'commune' as const, escalation: 'reminder' as const, failed: [{ measure: 'onlineRate' }] },
  { unitCode: 'B', group: 'commune' as const, escalation: 'agenda' as const, failed: [{ measure: 'onTimeRate' }, { measure: 'onlineRate' }] },
  { unitCode: 'C', group: 'department' as const, escalation: 'review' as const, failed: [{ measure: 'endToEndRate' }] },
];
const codes = (r: readonly { unitCode: string }[]) => r.map((x) => x.unitCode);

describe('the flag list filter', () => {
  it('narrows by group, measure missed and level, each alone and together', () => {
    expect(codes(filterFlags(rows, { group: null, measure: null, level: null }))).toEqual(['A', 'B', 'C']);
    expect(codes(filterFlags(rows, { group: 'commune', measure: null, level: null }))).toEqual(['A', 'B']);
    expect(codes(filterFlags(rows, { group: 'department', measure: null, level: null }))).toEqual(['C']);
    expect(codes(filterFlags(rows, { group: null, measure: 'onlineRate', level: null }))).toEqual(['A', 'B']);
    expect(codes(filterFlags(rows, { group: 'commune', measure: 'onlineRate', level: 'agenda' }))).toEqual(['B']);
    expect(codes(filterFlags(rows, { group: 'department', measure: 'onlineRate', level: null }))).toEqual([]);
  });

  it('offers the measures that are missed, once each', () => {
    expect(failedMeasures(rows)).toEqual(['onlineRate', 'onTimeRate', 'endToEndRate']);
  });

  it('reads URL parameters, ignoring values that are not a group or level', () => {
    const p = (q: string) => flagFilterOf(new URLSearchParams(q));
    expect(p('group=department&measure=onTimeRate&level=review')).toEqual({ group: 'department', measure: 'onTimeRate', level: 'review' });
    expect(p('group=city&level=jail&measure=%3Dcmd()')).toEqual({ group: null, measure: null, level: null });
  });
});
