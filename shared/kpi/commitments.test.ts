import { describe, expect, it } from 'vitest';
import type { FlagState } from '../schemas/ranking';
import { commitmentDueProblem, commitmentState, decisionDueProblem, earliestDueDate, firstAllowedDueDate, judgingPeriods } from './commitments';
import { mustParsePeriod } from './periods';

const W31 = mustParsePeriod('2025-W31');
const at = (iso: string) => Date.parse(iso);
/** The state of the measure in each week after W31, as the data would give it. */
const weeks = (states: Record<string, FlagState | null>) => (p: { id: string }) => states[p.id] ?? 'no-data';

describe('a commitment is judged on the complete periods after its own, up to its due date', () => {
  it('lists the weeks that have ended by both the due date and now', () => {
    const terms = { period: W31, dueDate: '2025-08-17' };
    expect(judgingPeriods(terms, at('2025-08-06T03:00:00Z')).map((p) => p.id)).toEqual([]);
    expect(judgingPeriods(terms, at('2025-08-10T16:59:59Z')).map((p) => p.id)).toEqual([]);
    expect(judgingPeriods(terms, at('2025-08-10T17:00:00Z')).map((p) => p.id)).toEqual(['2025-W32']);
    expect(judgingPeriods(terms, at('2025-09-30T00:00:00Z')).map((p) => p.id)).toEqual(['2025-W32', '2025-W33']);
  });

  it.each([
    ['before any week after it has ended: open', '2025-08-17', '2025-08-06T03:00:00Z', {}, 'open', null],
    ['still below in W32, due later: open', '2025-08-17', '2025-08-12T00:00:00Z', { '2025-W32': 'below' }, 'open', null],
    ['met in W32: met at once, before the due date', '2025-08-17', '2025-08-12T00:00:00Z', { '2025-W32': 'met' }, 'met', '2025-W32'],
    ['at risk counts as no longer below', '2025-08-17', '2025-08-12T00:00:00Z', { '2025-W32': 'at-risk' }, 'met', '2025-W32'],
    ['below in W32, met in W33 (ending on the due date): met', '2025-08-17', '2025-08-18T00:00:00Z', { '2025-W32': 'below', '2025-W33': 'met' }, 'met', '2025-W33'],
    ['below in every week until the due date: missed', '2025-08-17', '2025-08-18T00:00:00Z', { '2025-W32': 'below', '2025-W33': 'below' }, 'missed', '2025-W33'],
    ['met only after the due date: still missed', '2025-08-17', '2025-08-26T00:00:00Z', { '2025-W32': 'below', '2025-W33': 'below', '2025-W34': 'met' }, 'missed', '2025-W33'],
    ['a week without data proves nothing', '2025-08-10', '2025-08-11T00:00:00Z', { '2025-W32': 'no-data' }, 'missed', '2025-W32'],
    ['a week without a target proves nothing', '2025-08-10', '2025-08-11T00:00:00Z', { '2025-W32': null }, 'missed', '2025-W32'],
    ['due in the middle of W33: judged on W32 only', '2025-08-13', '2025-08-14T00:00:00Z', { '2025-W32': 'below', '2025-W33': 'met' }, 'missed', '2025-W32'],
    ['the due date\'s last minute (Vietnam time) is still before it passes', '2025-08-17', '2025-08-17T16:59:59Z', { '2025-W32': 'below' }, 'open', null],
  ] as const)('%s', (_, dueDate, now, states, state, judgedIn) => {
    expect(commitmentState({ period: W31, dueDate }, at(now), weeks(states))).toEqual({ state, judgedIn });
  });

  it('judges a monthly commitment on the months after it', () => {
    const july = mustParsePeriod('2025-07');
    expect(commitmentState({ period: july, dueDate: '2025-09-30' }, at('2025-09-01T00:00:00Z'), (p) => (p.id === '2025-08' ? 'met' : 'below'))).toEqual({ state: 'met', judgedIn: '2025-08' });
    expect(commitmentState({ period: july, dueDate: '2025-09-30' }, at('2025-10-01T00:00:00Z'), () => 'below')).toEqual({ state: 'missed', judgedIn: '2025-09' });
  });
});

describe('the due date of a commitment', () => {
  it('is at the earliest the last day of the next period', () => {
    expect(earliestDueDate(W31)).toBe('2025-08-10');
    expect(earliestDueDate(mustParsePeriod('2025-07'))).toBe('2025-08-31');
    expect(firstAllowedDueDate(W31, '2025-08-06')).toBe('2025-08-10');
    expect(firstAllowedDueDate(W31, '2025-09-02')).toBe('2025-09-02');
  });

  it.each([
    ['2025-08-10', '2025-08-06', null],
    ['2025-12-31', '2025-08-06', null],
    ['2025-08-09', '2025-08-06', /before 10\/08\/2025/],
    ['2025-07-20', '2025-07-25', /has passed/],
    ['2025-07-28', '2025-07-25', /before 10\/08\/2025/],
    ['2025-08-12', '2025-08-13', /has passed/],
    ['2026-08-05', '2025-08-06', /more than 366 days/],
    ['2026-08-04', '2025-08-06', null],
  ])('due %s, written on %s → %s', (due, today, problem) => {
    const found = commitmentDueProblem(W31, due, today);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('a meeting decision may be due any day from today, within a year', () => {
    expect(decisionDueProblem(W31, '2025-08-06', '2025-08-06')).toBeNull();
    expect(decisionDueProblem(W31, '2025-08-05', '2025-08-06')).toMatch(/has passed/);
    expect(decisionDueProblem(W31, '2026-08-05', '2025-08-06')).toMatch(/more than 366 days/);
  });
});
