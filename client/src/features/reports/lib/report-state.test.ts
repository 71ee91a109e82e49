import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../../../shared/schemas/report';
import { existingReport, generateState } from './report-state';

const record = (over: Partial<ReportRecord>): ReportRecord => ({
  id: 1, period: '2025-W31', format: 'pdf', language: 'vi', version: 1, cutOff: '2025-08-03T17:00:00.000Z', generatedAt: '2025-08-04T00:00:00.000Z',
  inputsHash: 'h', definitionId: 'chiso-v2', targets: '[]', trigger: 'manual', createdBy: 'leader', size: 1000, ...over,
});

describe('the reports page state', () => {
  it('finds the newest version of the same period, format, language and index', () => {
    const list = [record({ id: 1, version: 1 }), record({ id: 2, version: 3 }), record({ id: 3, version: 2 }), record({ id: 4, version: 9, language: 'en' }), record({ id: 5, version: 8, definitionId: 'qd766' })];
    expect(existingReport(list, { period: '2025-W31', format: 'pdf', language: 'vi', definitionId: 'chiso-v2' })?.id).toBe(2);
    expect(existingReport(list, { period: '2025-W31', format: 'xlsx', language: 'vi', definitionId: 'chiso-v2' })).toBeNull();
    expect(existingReport(list, { period: '2025-W31', format: 'pdf', language: 'vi', definitionId: 'qd766' })?.id).toBe(5);
  });

  it('tells making, ready, already there and failed apart', () => {
    const variables = { period: '2025-W31', format: 'pdf' as const, language: 'en' as const, regenerate: true };
    expect(generateState({ isPending: true, error: null, data: undefined, variables }, 'chiso-v2')).toEqual({
      kind: 'making', regenerate: true, request: { period: '2025-W31', format: 'pdf', language: 'en', definitionId: 'chiso-v2' },
    });
    expect(generateState({ isPending: false, error: { message: 'boom' }, data: undefined, variables }, 'chiso-v2')).toEqual({ kind: 'failed', message: 'boom' });
    expect(generateState({ isPending: false, error: null, data: { ...record({ version: 2 }), reused: false }, variables }, 'chiso-v2')).toMatchObject({ kind: 'ready', record: { version: 2 } });
    expect(generateState({ isPending: false, error: null, data: { ...record({}), reused: true }, variables }, 'chiso-v2').kind).toBe('reused');
    expect(generateState({ isPending: false, error: null, data: undefined, variables: undefined }, 'chiso-v2').kind).toBe('idle');
  });
});
