import { describe, expect, it } from 'vitest';
import { IndexDefinitionSchema, type IndexDefinition } from '../schemas/index-definition';
import type { Counts } from '../schemas/measure';
import { CHISO_V1, CHISO_V2, QD766, SHIPPED_DEFINITIONS } from './definitions';
import { EMPTY_COUNTS } from './measures';
import { indexOnly, ratingOf, rulePoints, scoreIndex, type ReportedFigure } from './index-score';

const c = (over: Partial<Counts>): Counts => ({ ...EMPTY_COUNTS, ...over });
const targets = (online: number | null, e2e: number | null) => (m: string) => (m === 'onlineRate' ? online : m === 'endToEndRate' ? e2e : null);
const noValues = () => null;
const score = (d: IndexDefinition, counts: Partial<Counts>, online: number | null = 60, e2e: number | null = 20, reported: (code: string) => ReportedFigure | null = noValues) =>
  scoreIndex(d, { counts: c(counts), targetOf: targets(online, e2e), reported });
const points = (d: IndexDefinition, counts: Partial<Counts>, reported: (code: string) => ReportedFigure | null = noValues) =>
  Object.fromEntries(score(d, counts, 60, 20, reported).components.map((x) => [x.code, x.points]));

describe('shipped definitions', () => {
  it.each(SHIPPED_DEFINITIONS.map((d) => [d.id, d] as const))('%s is valid data and survives JSON', (_id, d) => {
    expect(IndexDefinitionSchema.parse(JSON.parse(JSON.stringify(d)))).toEqual(d);
  });

  it('766 has six groups worth 18, 20, 12, 22, 18 and 10 points', () => {
    const byGroup: Record<string, number> = {};
    for (const comp of QD766.components) byGroup[comp.group] = (byGroup[comp.group] ?? 0) + comp.points;
    expect(byGroup).toEqual({ transparency: 18, progress: 20, online: 12, digitized: 22, satisfaction: 18, payment: 10 });
  });

  it('refuses a component that names both a measure and an indicator, or a threshold rule without T', () => {
    const bad = { ...CHISO_V2, components: [{ code: 'x', group: 'g', measure: 'onlineRate', indicator: 'X', rule: 'linear', points: 1 }] };
    expect(IndexDefinitionSchema.safeParse(bad).success).toBe(false);
    const noT = { ...CHISO_V2, components: [{ code: 'x', group: 'g', measure: 'onlineRate', rule: 'threshold', points: 1 }] };
    expect(IndexDefinitionSchema.safeParse(noT).success).toBe(false);
  });
});

describe('target-plus', () => {
  it.each<[number, number | null, number]>([
    [60, 60, 24], [100, 60, 30], [30, 60, 12], [80, 60, 27], [73.33, 60, 25.9995], [50, null, 15], [0, 0, 24], [100, 100, 30], [99, 100, 23.76],
  ])('r = %s, T = %s → %s of 30', (r, t, expected) => {
    expect(rulePoints({ rule: 'target-plus', points: 30 }, r, t)).toBeCloseTo(expected, 6);
  });
});

describe('chiso-v2', () => {
  it("reproduces the specification's example: 100 % on time, 73.33 % vs 60 online, 36.19 % vs 20 end-to-end → 91.21", () => {
    expect(score(CHISO_V2, { received: 10000, onTime: 10000, online: 7333, endToEnd: 3619 }).index).toBe(91.21);
  });

  it('tells apart units that all meet their targets (v1 gives both 100)', () => {
    const a = { received: 100, onTime: 100, online: 70, endToEnd: 25 };
    const b = { received: 100, onTime: 100, online: 90, endToEnd: 45 };
    expect(score(CHISO_V1, a).index).toBe(100);
    expect(score(CHISO_V1, b).index).toBe(100);
    expect(score(CHISO_V2, a).index).toBe(89.88);
    expect(score(CHISO_V2, b).index).toBe(94.38);
  });

  it('has no index when nothing was received, and full coverage otherwise', () => {
    expect(score(CHISO_V2, { received: 0 })).toMatchObject({ index: null, coverage: 0 });
    expect(score(CHISO_V2, { received: 3, onTime: 2, online: 1 }).coverage).toBe(100);
  });

  it('is linear on a rate without a target in force', () => {
    expect(score(CHISO_V2, { received: 100, onTime: 90, online: 50, endToEnd: 10 }, null, null).index).toBe(54);
  });
});

describe('chiso-v1', () => {
  it.each<[string, Partial<Counts>, number | null, number | null, number | null]>([
    ['full marks at and above target', { received: 100, onTime: 100, online: 60, endToEnd: 20 }, 60, 20, 100],
    ['above target is capped', { received: 100, onTime: 100, online: 95, endToEnd: 80 }, 60, 20, 100],
    ['half of each target', { received: 100, onTime: 50, online: 30, endToEnd: 10 }, 60, 20, 50],
    ['no targets: linear on each rate', { received: 100, onTime: 90, online: 50, endToEnd: 10 }, null, null, 54],
    ['threshold 0 gives full points', { received: 100, onTime: 100, online: 0, endToEnd: 0 }, 0, 0, 100],
    ['computed from unrounded rates', { received: 3, onTime: 2, online: 1, endToEnd: 0 }, 60, 20, 43.33],
    ['nothing received has no index', { received: 0 }, 60, 20, null],
  ])('%s', (_label, counts, online, e2e, expected) => {
    expect(score(CHISO_V1, counts, online, e2e).index).toBe(expected);
  });
});

const fig = (numerator: number | null, denominator: number | null, value: number | null = null): ReportedFigure => ({ numerator, denominator, value });

describe('qd766 from dossiers', () => {
  it.each<[number, number, number, number]>([
    [156, 161, 96.89, 19.38], [2, 4, 50, 10], [998, 1271, 78.52, 15.7], [403016, 464494, 86.76, 17.35],
  ])('progress: on time %s of %s → ratio %s, %s points (the portal\'s published figures)', (onTime, received, ratio, pts) => {
    const on = score(QD766, { received, onTime }).components.find((x) => x.code === 'ON_TIME');
    expect(on).toMatchObject({ ratio, points: pts, numerator: onTime, denominator: received, source: 'dossiers' });
  });

  it('scores nothing received: progress and online 0, digitisation unknown, payment 0', () => {
    expect(points(QD766, { received: 0 })).toMatchObject({ ON_TIME: 0, ONLINE_SUBMISSION: 0, ORIGINAL_RESULT_AVAILABLE: null, SO_HOA_GIAY_TO_GIAI_QUYET: null, DOSSIER_ONLINE_PAYMENT: 0 });
  });

  it('reaches full online-submission points at 50 % and is linear below', () => {
    expect(points(QD766, { received: 200, online: 100 }).ONLINE_SUBMISSION).toBe(6);
    expect(points(QD766, { received: 200, online: 190 }).ONLINE_SUBMISSION).toBe(6);
    expect(points(QD766, { received: 200, online: 50 }).ONLINE_SUBMISSION).toBe(3);
    expect(points(QD766, { received: 3, online: 1 }).ONLINE_SUBMISSION).toBe(4);
  });

  it('scores electronic results and digitisation over every dossier received, and payment over fee-bearing ones', () => {
    const p = points(QD766, { received: 8, eResultKnown: 8, eResult: 3, digitizedKnown: 8, digitized: 5, feeKnown: 8, feeRequired: 4, paidOnline: 1 });
    expect(p).toMatchObject({ ORIGINAL_RESULT_AVAILABLE: 2.25, SO_HOA_GIAY_TO_GIAI_QUYET: 2.5, DOSSIER_ONLINE_PAYMENT: 1.5 });
  });

  it('marks a dossier component missing when no dossier carried its column, and scores no fee as 0', () => {
    const s = score(QD766, { received: 10, onTime: 10, feeKnown: 10, feeRequired: 0 });
    const by = Object.fromEntries(s.components.map((x) => [x.code, x]));
    expect(by.ORIGINAL_RESULT_AVAILABLE).toMatchObject({ points: null, source: 'missing' });
    expect(by.SO_HOA_GIAY_TO_GIAI_QUYET).toMatchObject({ points: null, source: 'missing' });
    expect(by.DOSSIER_ONLINE_PAYMENT).toMatchObject({ points: 0, source: 'dossiers' });
    expect(points(QD766, { received: 10, onTime: 10 }).DOSSIER_ONLINE_PAYMENT).toBeNull();
  });
});

describe('qd766 from reported values', () => {
  const only = (values: Record<string, ReportedFigure>) => (code: string) => values[code] ?? null;

  it.each<[string, ReportedFigure, number | null]>([
    ['PUBLISH_ON_TIME', fig(9, 10), 5.4],
    ['PUBLISH_ON_TIME', fig(0, 0), null],
    ['DOSSIER_SYNC', fig(1, 3), 2],
    ['ONLINE_SERVICES_OFFERED', fig(40, 50), 2],
    ['ONLINE_SERVICES_OFFERED', fig(30, 50), 1.5],
    ['ONLINE_SERVICES_OFFERED', fig(0, 0), null],
    ['ONLINE_SERVICES_USED', fig(3, 4), 3],
    ['REUSED_DIGITIZED_DATA', fig(2, 5), 1],
    ['REUSED_DIGITIZED_DATA', fig(9, 10), 2],
    ['ELECTRONIC_CERTIFIED_COPY', fig(1, 3), 0.67],
    ['PETITION_PROCESSING_ON_TIME', fig(0, 0), 6],
    ['PETITION_PROCESSING_ON_TIME', fig(2, 3), 4],
    ['PETITION_HANDLING_SATISFACTION', fig(0, 0), 6],
    ['DOSSIER_RECEIVING_SATISFACTION', fig(0, 0), 0],
    ['DOSSIER_RECEIVING_SATISFACTION', fig(45, 50), 6],
    ['DOSSIER_RECEIVING_SATISFACTION', fig(99, 100), 6],
    ['DOSSIER_RECEIVING_SATISFACTION', fig(3, 4), 5],
    ['FORMALITY_ONLINE_PAYMENT', fig(0, 0), 0],
    ['FORMALITY_ONLINE_PAYMENT', fig(1, 2), 1.25],
    ['FORMALITY_FEE_ON_PORTAL', fig(9, 10), 2],
    ['PUBLISH_ON_TIME', fig(null, null, 87.5), 5.25],
    ['DOSSIER_RECEIVING_SATISFACTION', fig(null, null, 0), 0],
  ])('%s %j → %s', (code, figure, expected) => {
    expect(points(QD766, { received: 0 }, only({ [code]: figure }))[code]).toBe(expected);
  });

  it('is missing without a value, and coverage counts only the points known', () => {
    const s = score(QD766, { received: 10, onTime: 9, online: 4, eResultKnown: 10, eResult: 10, digitizedKnown: 10, digitized: 10, feeKnown: 10 });
    expect(s.components.find((x) => x.code === 'PUBLISH_ON_TIME')).toMatchObject({ points: null, source: 'missing' });
    expect(s.coverage).toBe(20 + 6 + 6 + 4 + 6);
    expect(s.index).toBe(18 + 4.8 + 6 + 4 + 0);
  });

  it('sums the rounded components: the portal rounds each, then adds', () => {
    const reported = only({ ELECTRONIC_CERTIFIED_COPY: fig(1, 3), CITIZEN_DATA_CONNECTED_DOSSIER: fig(1, 3), CITIZEN_DATA_CONNECTED_FORMALITY: fig(1, 3) });
    const s = score(QD766, { received: 0 }, 60, 20, reported);
    expect(s.index).toBe(2.01);
  });
});

describe('ratingOf', () => {
  it.each([[100, 'Xuất sắc'], [90, 'Xuất sắc'], [89.99, 'Tốt'], [80, 'Tốt'], [70, 'Khá'], [69.99, 'Trung bình'], [50, 'Trung bình'], [49.99, 'Yếu'], [0, 'Yếu'], [null, null]])(
    '%s → %s',
    (index, rating) => {
      expect(ratingOf(CHISO_V2, index)).toBe(rating);
    },
  );
});

describe('indexOnly', () => {
  it('is exactly scoreIndex(…).index for every shipped definition, both roundings, over random counts, targets and reported values', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const int = (n: number) => Math.floor(rnd() * n);
    let compared = 0;
    for (const base of SHIPPED_DEFINITIONS) {
      for (const rounding of ['total', 'components'] as const) {
        const d = { ...base, rounding };
        for (let i = 0; i < 400; i++) {
          const received = int(4) === 0 ? 0 : int(500);
          const part = () => int(received + 1);
          const counts = c({ received, online: part(), endToEnd: part(), onTime: part(), completed: part(), eResultKnown: int(3) === 0 ? 0 : received, eResult: part(), digitizedKnown: int(3) === 0 ? 0 : received, digitized: part(), feeKnown: part(), feeRequired: part(), paidOnline: part() });
          const figure = (): ReportedFigure | null => (int(3) === 0 ? null : int(2) === 0 ? { numerator: int(50), denominator: int(50), value: null } : { numerator: null, denominator: null, value: int(10001) / 100 });
          const figures = new Map<string, ReportedFigure | null>();
          const ctx = { counts, targetOf: targets(int(3) === 0 ? null : int(101), int(3) === 0 ? null : int(101)), reported: (code: string) => (figures.has(code) ? (figures.get(code) as ReportedFigure | null) : (figures.set(code, figure()), figures.get(code) as ReportedFigure | null)) };
          expect(indexOnly(d, ctx), `${d.id} ${rounding} ${i}`).toBe(scoreIndex(d, ctx).index);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(SHIPPED_DEFINITIONS.length * 800);
  });
});
