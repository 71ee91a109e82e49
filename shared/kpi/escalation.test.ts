import { describe, expect, it } from 'vitest';
import { checkLadder, countByLevel, DEFAULT_LADDER, DEFAULT_LADDER_VERSION, enteredNewLevel, escalationOf, highestLevel, ladderInForce, levelName, unitEscalation, type EscalationStep, type LadderVersion } from './escalation';

describe('the escalation ladder (SPEC §9)', () => {
  it.each([
    [0, null],
    [1, 'reminder'],
    [2, 'reminder'],
    [3, 'agenda'],
    [5, 'agenda'],
    [6, 'review'],
    [52, 'review'],
  ] as const)('%i consecutive periods below → %s', (periods, level) => {
    expect(escalationOf(periods, DEFAULT_LADDER)).toBe(level);
  });

  it('names each level in Vietnamese and English', () => {
    expect(DEFAULT_LADDER.map((s) => [s.level, s.minPeriods, s.name])).toEqual([
      ['reminder', 1, 'Nhắc nhở'],
      ['agenda', 3, 'Đưa vào giao ban'],
      ['review', 6, 'Kiểm điểm trách nhiệm người đứng đầu'],
    ]);
    expect(levelName('agenda', 'en', DEFAULT_LADDER)).toBe('On the meeting agenda');
    expect(levelName('agenda', 'vi', DEFAULT_LADDER)).toBe('Đưa vào giao ban');
  });

  it('takes a unit to the level of its longest streak below, ignoring measures that are not below', () => {
    expect(unitEscalation([{ state: 'below', periodsBelow: 2 }, { state: 'below', periodsBelow: 4 }, { state: 'met', periodsBelow: 0 }], DEFAULT_LADDER)).toBe('agenda');
    expect(unitEscalation([{ state: 'at-risk', periodsBelow: 0 }], DEFAULT_LADDER)).toBeNull();
    expect(unitEscalation([], DEFAULT_LADDER)).toBeNull();
    expect(highestLevel([null, 'reminder', 'review', 'agenda'])).toBe('review');
    expect(highestLevel([])).toBeNull();
  });

  it.each([
    [null, 'reminder', true],
    ['reminder', 'reminder', false],
    ['reminder', 'agenda', true],
    ['agenda', 'review', true],
    ['review', 'review', false],
    ['agenda', 'reminder', false],
    ['review', null, false],
    [null, null, false],
  ] as const)('from %s to %s is a new level: %s', (before, now, entered) => {
    expect(enteredNewLevel(before, now)).toBe(entered);
  });

  it('accepts another ladder that is well formed, and uses it', () => {
    const monthly = checkLadder([{ level: 'reminder', minPeriods: 2, name: 'Nhắc nhở', nameEn: 'Reminder' }, { level: 'review', minPeriods: 4, name: 'Kiểm điểm', nameEn: 'Review' }]);
    expect([1, 2, 3, 4].map((n) => escalationOf(n, monthly))).toEqual([null, 'reminder', 'reminder', 'review']);
  });

  const step = (level: string, minPeriods: number, name = 'x'): EscalationStep => ({ level: level as EscalationStep['level'], minPeriods, name, nameEn: name });
  it.each([
    ['no level', [], /at least one/],
    ['an unknown level', [step('warning', 1)], /not an escalation level/],
    ['a threshold of 0', [step('reminder', 0)], /whole number from 1/],
    ['a fractional threshold', [step('reminder', 1.5)], /whole number from 1/],
    ['thresholds that do not increase', [step('reminder', 3), step('agenda', 3)], /must start later/],
    ['levels out of order', [step('agenda', 1), step('reminder', 3)], /comes after/],
    ['a level twice', [step('reminder', 1), step('reminder', 2)], /each once/],
    ['a missing name', [step('reminder', 1, ' ')], /Vietnamese and an English name/],
    ['a threshold past a year of weeks', [step('reminder', 53)], /from 1 to 52/],
    ['a name over 100 characters', [step('reminder', 1, 'x'.repeat(101))], /longer than 100/],
    ['a control character in a name', [step('reminder', 1, 'Nhắc\u0007nhở')], /control character/],
  ])('refuses a ladder with %s', (_, steps, message) => {
    expect(() => checkLadder(steps)).toThrow(message);
  });

  it('trims names and keeps them in NFC', () => {
    const [s] = checkLadder([{ level: 'reminder', minPeriods: 1, name: '  Nha\u0306\u0301c nhở ', nameEn: ' Reminder' }]);
    expect(s).toEqual({ level: 'reminder', minPeriods: 1, name: 'Nhắc nhở', nameEn: 'Reminder' });
  });

  it('puts in force, for a period, the version effective by its last day: the latest date, then the latest version', () => {
    const v = (version: number, effectiveFrom: string): LadderVersion => ({ ...DEFAULT_LADDER_VERSION, version, effectiveFrom });
    const versions = [v(1, '2025-08-04'), v(2, '2025-09-01'), v(3, '2025-08-04')];
    expect(ladderInForce(versions, '2025-08-03')).toBe(DEFAULT_LADDER_VERSION);
    expect(ladderInForce(versions, '2025-08-04').version).toBe(3);
    expect(ladderInForce(versions, '2025-08-31').version).toBe(3);
    expect(ladderInForce(versions, '2025-09-07').version).toBe(2);
    expect(ladderInForce([], '2025-09-07')).toBe(DEFAULT_LADDER_VERSION);
  });

  it('counts units per level', () => {
    expect(countByLevel(['agenda', null, 'reminder', 'agenda'])).toEqual({ reminder: 1, agenda: 2, review: 0 });
    expect(countByLevel([])).toEqual({ reminder: 0, agenda: 0, review: 0 });
  });

  it('is frozen: the constant cannot be changed at run time', () => {
    expect(Object.isFrozen(DEFAULT_LADDER)).toBe(true);
    expect(Object.isFrozen(DEFAULT_LADDER[0])).toBe(true);
  });
});
