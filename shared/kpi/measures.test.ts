import { describe, expect, it } from 'vitest';
import type { DossierFacts } from '../schemas/dossier';
import { addCounts, addCountsInto, countDossiers, EMPTY_COUNTS, isOnTime, measuresFromCounts } from './measures';
import type { Counts } from '../schemas/measure';
import { mustParsePeriod } from './periods';

const at = (iso: string) => Date.parse(iso);
const W30 = mustParsePeriod('2025-W30');

function dossier(over: Partial<DossierFacts>): DossierFacts {
  return {
    unitCode: '00070', procedureCode: '1.001193', channel: 'online', endToEnd: false,
    receivedAt: at('2025-07-22T02:00:00Z'), dueAt: at('2025-07-25T16:59:59.999Z'), completedAt: null, status: null,
    eResult: null, digitized: null, feeRequired: null, paidOnline: null, ...over,
  };
}

describe('the on-time rule at the cut-off', () => {
  const dueEndOfDay = at('2025-07-25T16:59:59.999Z');
  it.each([
    ['completed before the due time', at('2025-07-24T03:00:00Z'), at('2025-07-28T00:00:00Z'), true],
    ['completed in the last minute of its due day', at('2025-07-25T16:59:00Z'), at('2025-07-28T00:00:00Z'), true],
    ['completed one second into the next day', at('2025-07-25T17:00:00Z'), at('2025-07-28T00:00:00Z'), false],
    ['open at the cut-off, due later', null, at('2025-07-24T00:00:00Z'), true],
    ['open at the cut-off, due exactly at the cut-off', null, dueEndOfDay, true],
    ['open at the cut-off, already past due', null, at('2025-07-26T00:00:00Z'), false],
    ['completed late but after the cut-off, judged open and not yet due', at('2025-07-27T00:00:00Z'), at('2025-07-24T00:00:00Z'), true],
    ['completed after the cut-off, already past due at the cut-off', at('2025-07-30T00:00:00Z'), at('2025-07-26T12:00:00Z'), false],
  ])('%s', (_label, completedAt, cut, expected) => {
    expect(isOnTime({ completedAt, dueAt: dueEndOfDay }, cut)).toBe(expected);
  });
});

describe('countDossiers and measuresFromCounts', () => {
  it('takes dossiers received in [start, E), leaves out withdrawn and never-received ones', () => {
    const E = W30.end;
    const rows = [
      dossier({ receivedAt: W30.start }),
      dossier({ receivedAt: W30.start - 1 }),
      dossier({ receivedAt: W30.end - 1, channel: 'counter' }),
      dossier({ receivedAt: W30.end }),
      dossier({ status: 'withdrawn' }),
      dossier({ status: 'not_received' }),
      dossier({ status: 'rejected', completedAt: at('2025-07-23T02:00:00Z'), endToEnd: true }),
    ];
    const c = countDossiers(rows, W30.start, E);
    expect(c.received).toBe(3);
    expect(c.online).toBe(2);
    expect(c.endToEnd).toBe(1);
    expect(c.completed).toBe(1);
  });

  it('counts open dossiers past due at E as overdue, and a completion after E as open', () => {
    const E = at('2025-07-26T00:00:00Z');
    const rows = [
      dossier({ dueAt: at('2025-07-25T00:00:00Z') }),
      dossier({ dueAt: at('2025-07-25T00:00:00Z'), completedAt: at('2025-07-27T00:00:00Z') }),
      dossier({ dueAt: at('2025-07-30T00:00:00Z'), completedAt: at('2025-07-31T00:00:00Z') }),
      dossier({ dueAt: at('2025-07-25T00:00:00Z'), completedAt: at('2025-07-24T02:00:00Z') }),
    ];
    const m = measuresFromCounts(countDossiers(rows, W30.start, E));
    expect(m.overdueOpen).toBe(2);
    expect(m.onTime).toBe(2);
    expect(m.onTimeRate).toBe(50);
    expect(m.completed).toBe(1);
    expect(m.avgProcessingDays).toBe(2);
  });

  it('reports null, not 0, for every rate when nothing was received', () => {
    const m = measuresFromCounts(countDossiers([], W30.start, W30.end));
    expect([m.onlineRate, m.endToEndRate, m.onTimeRate, m.avgProcessingDays, m.eResultRate, m.onlinePaymentRate]).toEqual([null, null, null, null, null, null]);
    expect(m.received).toBe(0);
  });

  it('measures processing time in elapsed days, rounded half-up', () => {
    const received = at('2025-07-21T01:00:00Z');
    const rows = [
      dossier({ receivedAt: received, completedAt: received + 36 * 3_600_000, dueAt: received + 1e10 }),
      dossier({ receivedAt: received, completedAt: received + 10 * 3_600_000 + 48 * 60_000, dueAt: received + 1e10 }),
    ];
    expect(measuresFromCounts(countDossiers(rows, W30.start, W30.end)).avgProcessingDays).toBe(0.98);
  });

  it('computes the optional rates over the dossiers that carry the column', () => {
    const rows = [
      dossier({ eResult: true, feeRequired: true, paidOnline: true }),
      dossier({ eResult: false, feeRequired: true, paidOnline: false }),
      dossier({ feeRequired: false }),
      dossier({}),
    ];
    const m = measuresFromCounts(countDossiers(rows, W30.start, W30.end));
    expect(m.eResultRate).toBe(50);
    expect(m.onlinePaymentRate).toBe(50);
    expect(m.digitizedRate).toBeNull();
  });
});

describe('sums of counts', () => {
  it('add every count, each to its own', () => {
    const keys = Object.keys(EMPTY_COUNTS) as (keyof Counts)[];
    const a = Object.fromEntries(keys.map((k, i) => [k, i + 1])) as unknown as Counts;
    const b = Object.fromEntries(keys.map((k, i) => [k, 100 * (i + 1)])) as unknown as Counts;
    const into = { ...a };
    addCountsInto(into, b);
    expect(into).toEqual(Object.fromEntries(keys.map((k, i) => [k, 101 * (i + 1)])));
    expect(addCounts(a, b)).toEqual(into);
    expect(a).toEqual(Object.fromEntries(keys.map((k, i) => [k, i + 1])));
  });
});
