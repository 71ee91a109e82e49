import { describe, expect, it } from 'vitest';
import type { Counts } from '../schemas/measure';
import type { Unit } from '../schemas/unit';
import { CHISO_V2, QD766 } from './definitions';
import { EMPTY_COUNTS } from './measures';
import { mustParsePeriod } from './periods';
import { applyChanges, whatIf } from './what-if';

const c = (over: Partial<Counts>): Counts => ({ ...EMPTY_COUNTS, ...over });
const unit = (code: string): Unit => ({ code, name: `Phường ${code}`, nameEn: null, kind: 'ward', parentCode: null, headName: null, headTitle: null, population: null });
const units = ['A', 'B', 'C'].map(unit);
const periods = [mustParsePeriod('2026-W40'), mustParsePeriod('2026-W39')];
const targets = [
  { measure: 'onlineRate' as const, kind: 'ward' as const, unitCode: null, threshold: 60, effectiveFrom: '2025-07-21', deadline: null },
  { measure: 'endToEndRate' as const, kind: 'ward' as const, unitCode: null, threshold: 20, effectiveFrom: '2025-07-21', deadline: null },
];
const history = new Map([
  ['A', [c({ received: 100, onTime: 100, online: 80, endToEnd: 40 })]],
  ['B', [c({ received: 100, onTime: 100, online: 70, endToEnd: 30 })]],
  ['C', [c({ received: 100, onTime: 95, online: 50, endToEnd: 10 })]],
]);

describe('applyChanges', () => {
  it('sets a share, adds dossiers of a kind, and keeps end-to-end within online', () => {
    const base = c({ received: 200, online: 100, endToEnd: 20, onTime: 190 });
    expect(applyChanges(base, [{ code: 'endToEndRate', value: 35 }])).toMatchObject({ endToEnd: 70, online: 100 });
    expect(applyChanges(base, [{ code: 'online', value: 40 }])).toMatchObject({ online: 140 });
    expect(applyChanges(base, [{ code: 'endToEndRate', value: 80 }])).toMatchObject({ endToEnd: 160, online: 160 });
    expect(applyChanges(base, [{ code: 'onTime', value: 500 }])).toMatchObject({ onTime: 200 });
  });
});

describe('whatIf', () => {
  it('gives the index and rank the unit would have, with every other unit unchanged', () => {
    const { before, after } = whatIf({ units, periods, history, targets, definition: CHISO_V2, minVolume: 30 }, 'C', [
      { code: 'onlineRate', value: 90 }, { code: 'endToEndRate', value: 60 }, { code: 'onTime', value: 5 },
    ]);
    expect(before).toMatchObject({ rank: 3 });
    expect(after.rank).toBe(1);
    expect(after.index).toBe(40 + 30 * (0.8 + 0.2 * 0.75) + 30 * (0.8 + 0.2 * 0.5));
  });

  it('takes a reported indicator value for the 766 index', () => {
    const { before, after } = whatIf({ units, periods, history, targets, definition: QD766, minVolume: 30 }, 'C', [{ code: 'PUBLISH_ON_TIME', value: 100 }]);
    expect((after.index as number) - (before.index as number)).toBeCloseTo(6, 6);
    expect(after.components.find((x) => x.code === 'PUBLISH_ON_TIME')).toMatchObject({ points: 6, source: 'reported' });
  });
});
