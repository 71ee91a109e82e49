import { describe, expect, it } from 'vitest';
import type { Counts } from '../schemas/measure';
import { RankingRowSchema } from '../schemas/ranking';
import type { Target } from '../schemas/target';
import type { Unit } from '../schemas/unit';
import { EMPTY_COUNTS } from './measures';
import { DEFAULT_FLAG_OPTIONS } from './flags';
import { mustParsePeriod, previousPeriod } from './periods';
import { buildRanking, competitionRanks, withLongerStreaks } from './ranking';
import { CHISO_V1 } from './definitions';
import type { Indicator } from '../domain/indicator';
import { valueLookup } from './reported-values';

const unit = (code: string, name: string): Unit => ({ code, name, nameEn: null, kind: 'ward', parentCode: null, headName: `Chủ tịch UBND ${name}`, headTitle: null, population: null });
const counts = (received: number, online: number, onTime = received, endToEnd = Math.ceil(received / 5)): Counts => ({ ...EMPTY_COUNTS, received, online, onTime, endToEnd });
const targets: Target[] = [
  { measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 60, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
  { measure: 'onTimeRate', kind: 'ward', unitCode: null, threshold: 100, effectiveFrom: '2025-07-21', deadline: '2025-07-30' },
];

const w31 = mustParsePeriod('2025-W31');
const periods = [w31, previousPeriod(w31), previousPeriod(previousPeriod(w31))];

describe('competitionRanks', () => {
  it('shares a rank on equal indexes and skips the next (1, 2, 2, 4)', () => {
    const ranks = competitionRanks(
      [
        { code: 'a', index: 90, received: 50 },
        { code: 'b', index: 80.5, received: 50 },
        { code: 'c', index: 80.5, received: 50 },
        { code: 'd', index: 70, received: 50 },
        { code: 'e', index: 99, received: 29 },
        { code: 'f', index: null, received: 0 },
      ],
      30,
    );
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });
});

describe('buildRanking', () => {
  const units = [unit('1', 'Phường Ba Đình'), unit('2', 'Phường Ô Chợ Dừa'), unit('3', 'Phường Ánh Sáng'), unit('4', 'Xã Nhỏ'), unit('5', 'Xã Trống')];
  const history = new Map<string, Counts[]>([
    ['1', [counts(100, 70), counts(100, 50), counts(100, 40)]],
    ['2', [counts(100, 50, 90), counts(100, 55, 90), counts(100, 70)]],
    ['3', [counts(100, 70), counts(100, 90)]],
    ['4', [counts(29, 29), counts(40, 40)]],
  ]);
  const { rows, truncated } = buildRanking({ units, periods, history, targets, definition: CHISO_V1 });

  it('has a row for every unit, ranked ones first, valid against the output schema', () => {
    expect(rows.map((r) => r.unitCode)).toEqual(['3', '1', '2', '4', '5']);
    for (const row of rows) expect(RankingRowSchema.parse(row)).toEqual(row);
  });

  it('ties share a rank, ordered by name', () => {
    expect(rows.slice(0, 2).map((r) => [r.unitName, r.rank, r.index])).toEqual([
      ['Phường Ánh Sáng', 1, 76],
      ['Phường Ba Đình', 1, 76],
    ]);
    expect(rows[2]?.rank).toBe(3);
  });

  it('does not rank units under the minimum volume, nor rate them, but still flags them', () => {
    const small = rows.find((r) => r.unitCode === '4');
    expect(small).toMatchObject({ rank: null, rating: null, status: 'insufficient-data', received: 29, onlineRate: 100 });
    expect(small?.flags.map((f) => f.state)).toEqual(['met', 'met']);
    const empty = rows.find((r) => r.unitCode === '5');
    expect(empty).toMatchObject({ received: 0, index: null, rank: null, onlineRate: null });
    expect(empty?.flags.map((f) => f.state)).toEqual(['no-data', 'no-data']);
  });

  it('gives rank change against the previous period, null without one', () => {
    expect(rows.find((r) => r.unitCode === '1')?.rankChange).toBe(2);
    expect(rows.find((r) => r.unitCode === '3')?.rankChange).toBe(0);
    expect(rows.find((r) => r.unitCode === '4')?.rankChange).toBeNull();
  });

  it('counts consecutive periods below per measure', () => {
    const flags = rows.find((r) => r.unitCode === '2')?.flags;
    expect(flags).toEqual([
      { measure: 'onlineRate', target: 60, value: 50, state: 'below', periodsBelow: 2 },
      { measure: 'onTimeRate', target: 100, value: 90, state: 'below', periodsBelow: 2 },
    ]);
    expect(truncated).toBe(false);
  });

  it('stops counting where the target was not yet in force, and says when history ran out', () => {
    const long = [w31, ...Array.from({ length: 2 }, (_, i) => mustParsePeriod(`2025-W${30 - i}`))];
    const r = buildRanking({ units: [units[1] as Unit], periods: long, history: new Map([['2', [counts(100, 10), counts(100, 10), counts(100, 10)]]]), targets, definition: CHISO_V1 });
    expect(r.rows[0]?.flags[0]?.periodsBelow).toBe(2);
    expect(r.truncated).toBe(false);
    const short = buildRanking({ units: [units[1] as Unit], periods: [w31], history: new Map([['2', [counts(100, 10)]]]), targets, definition: CHISO_V1 });
    expect(short.truncated).toBe(true);
  });
});

describe('withLongerStreaks', () => {
  it('gives exactly what buildRanking gives over all the periods, from a ranking of the first ones', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const all = [w31];
    while (all.length < 30) all.push(previousPeriod(all[all.length - 1] as typeof w31));
    const longTargets: Target[] = [
      { measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 60, effectiveFrom: '2024-01-01', deadline: null },
      { measure: 'onTimeRate', kind: 'ward', unitCode: null, threshold: 100, effectiveFrom: '2024-06-01', deadline: null },
    ];
    // 60 units with history, and one without any (nothing received in any period).
    const many = Array.from({ length: 61 }, (_, i) => unit(`U${i}`, `Phường ${i}`));
    // Some units nearly always below (streaks longer than the first chunk), some never, some with gaps.
    const history = new Map(
      many.slice(0, 60).map((u, i) => [u.code, all.map(() => (rnd() < 0.1 ? undefined : counts(40, Math.floor(40 * (i % 3 === 0 ? 0.5 : i % 3 === 1 ? 0.9 : rnd())), rnd() < 0.8 ? 39 : 40)))]),
    );
    // A reported indicator with a target too: its flag does not depend on the history's length.
    const indicator: Indicator = { code: 'DA06_VNEID', name: 'VNeID', nameEn: null, pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'week', kinds: ['ward'], description: null };
    longTargets.push({ measure: 'DA06_VNEID', kind: 'ward', unitCode: null, threshold: 70, effectiveFrom: '2024-01-01', deadline: null });
    const values = valueLookup(many.map((u, i) => ({ indicator: 'DA06_VNEID', unitCode: u.code, period: w31.id, numerator: i % 10, denominator: 10, value: null, note: null })), [indicator]);
    const base = { units: many, targets: longTargets, definition: CHISO_V1, values, indicators: [indicator] };
    for (const seen of [2, 5, 13]) {
      const first = buildRanking({ ...base, periods: all.slice(0, seen), history: new Map([...history].map(([code, s]) => [code, s.slice(0, seen)])) });
      expect(first.truncated).toBe(true);
      const full = buildRanking({ ...base, periods: all, history });
      expect(withLongerStreaks(first, seen, { ...base, periods: all, history })).toEqual({ rows: full.rows, truncated: full.truncated });
      expect(full.rows.some((r) => r.flags.some((f) => f.periodsBelow > seen))).toBe(true);
      expect(full.rows.some((r) => r.flags.some((f) => f.measure === 'DA06_VNEID' && f.state === 'below'))).toBe(true);
    }
  });
});

describe('buildRanking from the parts of an earlier build', () => {
  let seed = 29;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const all = [w31];
  while (all.length < 8) all.push(previousPeriod(all[all.length - 1] as typeof w31));
  const many = Array.from({ length: 80 }, (_, i) => unit(`U${i}`, `Phường ${i % 7}`));
  const randomCounts = () => (rnd() < 0.1 ? undefined : counts(20 + Math.floor(rnd() * 40), Math.floor(rnd() * 40), rnd() < 0.5 ? 19 : 60));
  const history = new Map(many.slice(0, 75).map((u) => [u.code, all.map(randomCounts)]));
  const base = { units: many, periods: all, targets, definition: CHISO_V1 };
  const first = buildRanking({ ...base, history });
  const componentsOf = (rows: readonly { unitCode: string; components: unknown }[]) => new Map(rows.map((r) => [r.unitCode, r.components]));

  it('gives what a build from scratch gives, taking up only the rows whose counts are the same objects', () => {
    for (let round = 0; round < 20; round++) {
      // Some units' counts changed in some period (new objects, sometimes equal figures), one unit's history gone,
      // one unit's history new.
      const next = new Map(history);
      for (const u of many) {
        if (rnd() > 0.15) continue;
        const r = rnd();
        if (r < 0.1) next.delete(u.code);
        else {
          const series = [...(next.get(u.code) ?? all.map(() => undefined))];
          const i = Math.floor(rnd() * all.length);
          const old = series[i];
          series[i] = r < 0.3 && old ? { ...old } : randomCounts();
          next.set(u.code, series);
        }
      }
      const input = { ...base, history: next };
      const taken = buildRanking(input, first.parts);
      const scratch = buildRanking(input);
      expect(taken.rows, `round ${round}`).toEqual(scratch.rows);
      expect(taken.truncated).toBe(scratch.truncated);
      // Taken up exactly when the unit has no history in both, or no period's counts is another object.
      const before = componentsOf(first.rows);
      const same = (code: string) => {
        const [was, is] = [history.get(code), next.get(code)];
        return was === is || (was !== undefined && is !== undefined && was.every((c, i) => c === is[i]));
      };
      expect(taken.rows.filter((r) => !same(r.unitCode)).length).toBeGreaterThan(0);
      for (const row of taken.rows) expect(row.components === before.get(row.unitCode), row.unitCode).toBe(same(row.unitCode));
    }
  });

  it('takes up nothing when the targets, the definition, the periods or the values are others', () => {
    const before = componentsOf(first.rows);
    const others = [
      { ...base, targets: targets.map((t) => ({ ...t, threshold: t.threshold - 5 })) },
      { ...base, definition: { ...CHISO_V1 } },
      { ...base, periods: [all[1] as typeof w31, ...all.slice(2), previousPeriod(all[all.length - 1] as typeof w31)] },
      { ...base, values: valueLookup([], []) },
      { ...base, indicators: [] },
      { ...base, flagOptions: { ...DEFAULT_FLAG_OPTIONS } },
    ];
    for (const other of others) {
      const taken = buildRanking({ ...other, history }, first.parts);
      expect(taken.rows).toEqual(buildRanking({ ...other, history }).rows);
      expect(taken.rows.filter((r) => r.components === before.get(r.unitCode))).toEqual([]);
    }
  });

  it('builds again the row of a unit that is another object under the same code, and takes up each of a unit listed twice', () => {
    const before = componentsOf(first.rows);
    const renamed = many.map((u) => (u.code === 'U3' ? { ...u, kind: 'commune' as const } : u));
    const taken = buildRanking({ ...base, units: renamed, history }, first.parts);
    expect(taken.rows).toEqual(buildRanking({ ...base, units: renamed, history }).rows);
    expect(taken.rows.filter((r) => r.components !== before.get(r.unitCode)).map((r) => r.unitCode)).toEqual(['U3']);
    const twice = [...many, many[0] as Unit];
    expect(buildRanking({ ...base, units: twice, history }, first.parts).rows).toEqual(buildRanking({ ...base, units: twice, history }).rows);
  });
});
