import type { IndexBasis } from '../domain/index-basis';
import type { ComponentScore, IndexComponent, IndexDefinition, Rating } from '../schemas/index-definition';
import type { Counts } from '../schemas/measure';
import { basisFraction } from './index-bases';
import { roundHalfUp } from './rounding';

/** A reported value (§6) as the index sees it: a fraction, or a value alone used as the ratio. */
export interface ReportedFigure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface ScoreContext {
  counts: Counts;
  /** The unit's target in force for a measure or indicator at the period's end, or null. */
  targetOf: (code: string) => number | null;
  /** The unit's reported value of an indicator for the period, or null when it has none. */
  reported: (indicator: string) => ReportedFigure | null;
}

export interface IndexScore {
  index: number | null;
  components: ComponentScore[];
  /** The points of the components that could be computed, out of the definition's total. */
  coverage: number;
}

/** Points for a rate r in % under a component's rule, before rounding. */
export function rulePoints(component: Pick<IndexComponent, 'rule' | 'points' | 'threshold'>, r: number, target: number | null): number {
  const { points, rule } = component;
  const t = rule === 'threshold' ? (component.threshold ?? 0) : rule === 'linear' ? null : target;
  if (t === null) return (points * r) / 100;
  const reached = t === 0 ? 1 : Math.min(1, r / t);
  if (rule !== 'target-plus') return points * reached;
  const beyond = r < t ? 0 : t >= 100 ? 1 : (r - t) / (100 - t);
  return points * (0.8 * reached + 0.2 * beyond);
}

interface Fraction {
  num: number | null;
  den: number | null;
  /** The ratio in %, when the figure came as a value alone. */
  value: number | null;
  source: 'dossiers' | 'reported';
}

function fractionFor(component: IndexComponent, ctx: ScoreContext): Fraction | null {
  if (component.measure) {
    const f = basisFraction(component.measure as IndexBasis, ctx.counts);
    return f === 'missing' ? null : { num: f.num, den: f.den, value: null, source: 'dossiers' };
  }
  const r = ctx.reported(component.indicator as string);
  if (!r) return null;
  if (r.numerator !== null && r.denominator !== null) return { num: r.numerator, den: r.denominator, value: null, source: 'reported' };
  return r.value === null ? null : { num: null, den: null, value: r.value, source: 'reported' };
}

function unscored(component: IndexComponent, f: Fraction | null): ComponentScore {
  return {
    code: component.code, group: component.group, points: null, maxPoints: component.points, ratio: null,
    numerator: f?.num ?? null, denominator: f?.den ?? null, source: f ? f.source : 'missing',
  };
}

/** A scored component (written out, not spread from a common part: a national ranking makes tens of thousands). */
function scored(component: IndexComponent, f: Fraction, points: number | null, ratio: number | null): ComponentScore {
  return { code: component.code, group: component.group, maxPoints: component.points, numerator: f.num, denominator: f.den, source: f.source, points, ratio };
}

/** A nothing-to-count fraction's points under the component's `whenEmpty` rule (exact as shown), or null. */
const emptyPoints = (component: IndexComponent) => (component.whenEmpty === 'zero' ? 0 : component.whenEmpty === 'full' ? component.points : null);

/** The ratio in % of a fraction that has one. */
const ratioOf = (f: Fraction) => f.value ?? (100 * (f.num as number)) / (f.den as number);

/** One component's score with its exact points (rounded only for the output). */
export function scoreComponent(component: IndexComponent, ctx: ScoreContext): { score: ComponentScore; exact: number | null } {
  const f = fractionFor(component, ctx);
  if (!f) return { score: unscored(component, null), exact: null };
  if (f.value === null && f.den === 0) {
    const exact = emptyPoints(component);
    return { score: scored(component, f, exact, null), exact };
  }
  const ratio = ratioOf(f);
  const exact = rulePoints(component, ratio, ctx.targetOf(component.measure ?? (component.indicator as string)));
  return { score: scored(component, f, roundHalfUp(exact, 2), roundHalfUp(ratio, 2)), exact };
}

/**
 * scoreIndex(definition, ctx).index without building the components' scores: a ranking needs the period before only
 * for its ranks (3,321 units at national scale). Sums the same terms in the same order.
 */
export function indexOnly(definition: IndexDefinition, ctx: ScoreContext): number | null {
  let known = false;
  let sum = 0;
  for (const component of definition.components) {
    const f = fractionFor(component, ctx);
    if (!f) continue;
    let exact: number | null;
    let shown: number | null;
    if (f.value === null && f.den === 0) shown = exact = emptyPoints(component);
    else {
      exact = rulePoints(component, ratioOf(f), ctx.targetOf(component.measure ?? (component.indicator as string)));
      shown = roundHalfUp(exact, 2);
    }
    if (exact === null) continue;
    known = true;
    sum += definition.rounding === 'total' ? exact : (shown as number);
  }
  return known ? roundHalfUp(sum, 2) : null;
}

/**
 * A unit's index under a definition: `null` when no component could be computed (nothing received and nothing
 * reported). `total` rounding sums unrounded points, `components` rounding sums the rounded ones (the portal's way).
 */
export function scoreIndex(definition: IndexDefinition, ctx: ScoreContext): IndexScore {
  const scored = definition.components.map((c) => scoreComponent(c, ctx));
  const known = scored.filter((s) => s.exact !== null);
  const coverage = roundHalfUp(known.reduce((sum, s) => sum + s.score.maxPoints, 0), 2);
  if (known.length === 0) return { index: null, components: scored.map((s) => s.score), coverage };
  const sum = known.reduce((acc, s) => acc + (definition.rounding === 'total' ? (s.exact as number) : (s.score.points as number)), 0);
  return { index: roundHalfUp(sum, 2), components: scored.map((s) => s.score), coverage };
}

export function maxPoints(definition: IndexDefinition): number {
  return roundHalfUp(definition.components.reduce((sum, c) => sum + c.points, 0), 2);
}

export function ratingOf(definition: Pick<IndexDefinition, 'bands'>, index: number | null): Rating | null {
  if (index === null) return null;
  const bands = [...definition.bands].sort((a, b) => b.min - a.min);
  return bands.find((band) => index >= band.min)?.rating ?? null;
}
