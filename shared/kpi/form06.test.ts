import { describe, expect, it } from 'vitest';
import type { DossierFacts } from '../schemas/dossier';
import { FORM06_FIELDS, Form06CountsSchema } from '../schemas/form06';
import { EMPTY_FORM06, form06FromDossiers, form06Place, vnDayNumber } from './form06';
import { countDossiers } from './measures';
import { mustParsePeriod } from './periods';

const at = (iso: string) => Date.parse(iso);
const W31 = mustParsePeriod('2025-W31');
const S = W31.start;
const E = W31.end;
const MS = 1;

function dossier(over: Partial<DossierFacts>): DossierFacts {
  return {
    unitCode: 'U', procedureCode: '1.001193', channel: 'online', endToEnd: false,
    receivedAt: at('2025-07-29T02:00:00Z'), dueAt: at('2025-08-05T16:59:59.999Z'), completedAt: null, status: null,
    eResult: null, digitized: null, feeRequired: null, paidOnline: null, ...over,
  };
}

describe('Biểu 06: where a dossier stands', () => {
  const before = S - 3 * 86_400_000;
  it.each([
    ['received before the period, completed exactly at its start: carried over and resolved', { receivedAt: before, dueAt: S + 5, completedAt: S }, 'carriedOver', 'resolvedOnTime'],
    ['received before the period, completed just before its start: not on the form', { receivedAt: before, completedAt: S - MS }, null, null],
    ['received before the period, completed inside it, late', { receivedAt: before, dueAt: S - 86_400_000, completedAt: S + 3_600_000 }, 'carriedOver', 'resolvedLate'],
    ['received before the period, completed after E: still pending at E', { receivedAt: before, dueAt: E + 86_400_000, completedAt: E + MS }, 'carriedOver', 'pendingWithinDeadline'],
    ['received before the period, open, due before it: pending overdue', { receivedAt: before, dueAt: S - MS }, 'carriedOver', 'pendingOverdue'],
    ['received exactly at the start: new', { receivedAt: S, channel: 'counter' }, 'receivedOffline', 'pendingWithinDeadline'],
    ['received by post: offline', { channel: 'postal' }, 'receivedOffline', 'pendingWithinDeadline'],
    ['received just before E', { receivedAt: E - MS, dueAt: E + 86_400_000 }, 'receivedOnline', 'pendingWithinDeadline'],
    ['received exactly at E: not on the form', { receivedAt: E, dueAt: E + 86_400_000 }, null, null],
    ['completed exactly at E: resolved', { dueAt: E + 86_400_000, completedAt: E }, 'receivedOnline', 'resolvedEarly'],
    ['completed just after E, due exactly at E: pending within the deadline', { dueAt: E, completedAt: E + MS }, 'receivedOnline', 'pendingWithinDeadline'],
    ['completed just after E, due just before E: pending overdue', { dueAt: E - MS, completedAt: E + MS }, 'receivedOnline', 'pendingOverdue'],
    ['withdrawn, although completed: not on the form', { status: 'withdrawn', completedAt: at('2025-07-30T02:00:00Z') }, null, null],
    ['never received (national status 1 or 3): not on the form', { status: 'not_received' }, null, null],
    ['rejected counts as resolved', { status: 'rejected', dueAt: at('2025-08-01T16:59:59.999Z'), completedAt: at('2025-08-01T03:00:00Z') }, 'receivedOnline', 'resolvedOnTime'],
  ] as const)('%s', (_label, over, intake, outcome) => {
    const place = form06Place(dossier(over as Partial<DossierFacts>), S, E);
    expect(place ? [place.intake, place.outcome] : [null, null]).toEqual([intake, outcome]);
  });
});

describe('Biểu 06: early, on time and late across the 17:00 UTC day boundary (00:00 in Vietnam)', () => {
  const dueMidnightVn = at('2025-07-30T17:00:00Z');
  const dueEndOfDay = at('2025-07-31T16:59:59.999Z');
  it.each([
    ['due at 00:00 on 31/07, completed 23:59:59 on 30/07: a day before the due day', dueMidnightVn, at('2025-07-30T16:59:59Z'), 'resolvedEarly'],
    ['due at 00:00 on 31/07, completed exactly then: the due day itself', dueMidnightVn, dueMidnightVn, 'resolvedOnTime'],
    ['due at 00:00 on 31/07, completed 1 ms later: late', dueMidnightVn, dueMidnightVn + MS, 'resolvedLate'],
    ['due on 31/07 (date only), completed 00:00 on 31/07', dueEndOfDay, at('2025-07-30T17:00:00Z'), 'resolvedOnTime'],
    ['due on 31/07 (date only), completed 23:59:59.999 on 30/07', dueEndOfDay, at('2025-07-30T16:59:59.999Z'), 'resolvedEarly'],
    ['due on 31/07 (date only), completed in its last millisecond', dueEndOfDay, dueEndOfDay, 'resolvedOnTime'],
    ['due on 31/07 (date only), completed 00:00 on 01/08', dueEndOfDay, dueEndOfDay + MS, 'resolvedLate'],
    ['due 07:00 UTC on 31/07, completed earlier the same Vietnam day: on time, not early', at('2025-07-31T07:00:00Z'), at('2025-07-30T18:00:00Z'), 'resolvedOnTime'],
  ])('%s', (_label, dueAt, completedAt, outcome) => {
    expect(form06Place(dossier({ receivedAt: at('2025-07-28T01:00:00Z'), dueAt, completedAt }), S, E)?.outcome).toBe(outcome);
  });

  it('numbers Vietnam days from 00:00 UTC+7', () => {
    expect(vnDayNumber(at('2025-07-30T16:59:59.999Z'))).toBe(vnDayNumber(at('2025-07-30T00:00:00Z')));
    expect(vnDayNumber(at('2025-07-30T17:00:00Z'))).toBe(vnDayNumber(at('2025-07-30T00:00:00Z')) + 1);
    expect(vnDayNumber(at('1969-12-31T17:00:00Z'))).toBe(0);
  });
});

describe('form06FromDossiers', () => {
  it('is all zeros, totals included, for no dossiers; its keys are the form’s fields in order', () => {
    expect(form06FromDossiers([], S, E)).toEqual(EMPTY_FORM06);
    expect(Object.keys(Form06CountsSchema.shape)).toEqual([...FORM06_FIELDS]);
    expect(Object.keys(form06FromDossiers([], S, E))).toEqual([...FORM06_FIELDS]);
  });

  it('adds the cells up into the totals', () => {
    const c = form06FromDossiers(
      [
        dossier({ receivedAt: S - 1000, completedAt: S }),
        dossier({ receivedAt: S - 1000, completedAt: S - 1 }),
        dossier({ channel: 'counter', completedAt: at('2025-07-31T03:00:00Z') }),
        dossier({ channel: 'postal', dueAt: at('2025-07-30T00:00:00Z') }),
        dossier({ status: 'withdrawn' }),
      ],
      S,
      E,
    );
    expect(c).toEqual({
      carriedOver: 1, receivedOnline: 0, receivedOffline: 2, receivedTotal: 3,
      resolvedTotal: 2, resolvedEarly: 2, resolvedOnTime: 0, resolvedLate: 0,
      pendingTotal: 1, pendingWithinDeadline: 0, pendingOverdue: 1,
    });
  });

  it('with a cut-off mid-period, counts only what was received by then and judges at the cut-off', () => {
    const cut = at('2025-07-30T05:00:00Z');
    const c = form06FromDossiers(
      [
        dossier({ receivedAt: at('2025-07-29T02:00:00Z'), completedAt: cut, dueAt: at('2025-07-29T16:59:59.999Z') }),
        dossier({ receivedAt: at('2025-07-29T02:00:00Z'), completedAt: cut + 1, dueAt: at('2025-07-29T16:59:59.999Z') }),
        dossier({ receivedAt: cut }),
      ],
      S,
      cut,
    );
    expect(c).toMatchObject({ receivedOnline: 2, resolvedLate: 1, pendingOverdue: 1, receivedTotal: 2 });
  });

  it('with a cut-off before the period starts, carries over what was open at the cut-off', () => {
    const cut = S - 86_400_000;
    const c = form06FromDossiers([dossier({ receivedAt: cut - 10 }), dossier({ receivedAt: cut - 10, completedAt: cut - 1 }), dossier({ receivedAt: cut - 10, completedAt: cut }), dossier({ receivedAt: cut + 1 })], S, cut);
    expect(c).toMatchObject({ carriedOver: 2, receivedOnline: 0, resolvedTotal: 1, pendingTotal: 1 });
  });

  it('agrees with the measures of SPEC §2 on the dossiers received in the period', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const H = 3_600_000;
    const all = Array.from({ length: 3000 }, () => {
      const receivedAt = S - 10 * 24 * H + Math.floor(rnd() * 20 * 24) * H;
      const dueAt = receivedAt + Math.floor(rnd() * 6 * 24) * H;
      const r = rnd();
      const completedAt = r < 0.1 ? dueAt : r < 0.7 ? receivedAt + Math.floor(rnd() * 8 * 24 * H) : null;
      const channel = (['online', 'counter', 'postal'] as const)[Math.floor(rnd() * 3)];
      const status = ([null, 'completed', 'withdrawn', 'not_received', 'processing'] as const)[Math.floor(rnd() * 5)] ?? null;
      return dossier({ receivedAt, dueAt, completedAt, channel, status });
    });
    for (const cut of [E, at('2025-07-31T09:30:00Z'), S + 1]) {
      const fresh = form06FromDossiers(all.filter((d) => d.receivedAt >= S), S, cut);
      const m = countDossiers(all, S, cut);
      expect(fresh.receivedOnline + fresh.receivedOffline).toBe(m.received);
      expect(fresh.receivedOnline).toBe(m.online);
      expect(fresh.resolvedTotal).toBe(m.completed);
      expect(fresh.resolvedEarly + fresh.resolvedOnTime + fresh.pendingWithinDeadline).toBe(m.onTime);
      expect(fresh.pendingOverdue).toBe(m.overdueOpen);
      const whole = form06FromDossiers(all, S, cut);
      expect(whole.receivedTotal).toBe(whole.resolvedTotal + whole.pendingTotal);
      expect(whole.carriedOver).toBeGreaterThan(0);
    }
  });
});
