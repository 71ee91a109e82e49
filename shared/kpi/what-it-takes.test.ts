import { describe, expect, it } from 'vitest';
import { dossiersToTarget, procedureGain } from './what-it-takes';

const c = (received: number, online: number, endToEnd = 0, onTime = received) => ({ received, online, endToEnd, onTime });

describe('what it takes to reach a target', () => {
  it.each<[string, ReturnType<typeof c>, number, number | null]>([
    ['55 of 100 online, target 60 → 5 more', c(100, 55), 60, 5],
    ['exactly at target → 0', c(100, 60), 60, 0],
    ['above target → 0', c(100, 80), 60, 0],
    ['3 received, 1 online, target 60 → 1 more (2/3 = 66.7 %)', c(3, 1), 60, 1],
    ['7 received, 4 online, target 60 → 1 more (4.2 needed)', c(7, 4), 60, 1],
    ['nothing received → no answer', c(0, 0), 60, null],
  ])('%s', (_label, counts, threshold, expected) => {
    expect(dossiersToTarget('onlineRate', counts, threshold)).toBe(expected);
  });

  it('counts on-time dossiers against a 100 % target', () => {
    expect(dossiersToTarget('onTimeRate', c(200, 0, 0, 197), 100)).toBe(3);
  });

  it('ranks procedures by the points they would add', () => {
    expect(procedureGain('onlineRate', c(40, 10), 200)).toBe(15);
    expect(procedureGain('endToEndRate', c(40, 10, 40), 200)).toBe(0);
    expect(procedureGain('onlineRate', c(0, 0), 0)).toBe(0);
  });
});
