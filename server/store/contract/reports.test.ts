import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewReport, Store } from '../port';
import { ENGINES } from '../testing/engines';

const report = (period: string, format: 'pdf' | 'xlsx' | 'csv', language: 'vi' | 'en' = 'vi'): NewReport => ({
  period, format, language, cutOff: '2025-08-04T00:00:00.000Z', generatedAt: '2025-08-04T00:00:01.234Z', inputsHash: `hash-${period}`,
  definitionId: 'chiso-v2', targets: '[]', trigger: 'schedule', createdBy: null, definitionJson: '{"id":"chiso-v2"}',
});

describe.each(ENGINES)('reports and schedule claims on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it('numbers versions per period, format and language, and gives back the same bytes', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 0x25, 0x50, 0x44, 0x46, 10, 13, 0]);
    const first = await store.saveReport(report('2025-W31', 'pdf'), bytes);
    const second = await store.saveReport({ ...report('2025-W31', 'pdf'), trigger: 'manual', createdBy: 'admin' }, Buffer.from('v2'));
    const other = await store.saveReport(report('2025-W31', 'pdf', 'en'), Buffer.from('en'));
    const xlsx = await store.saveReport(report('2025-W31', 'xlsx'), Buffer.alloc(0));
    const older = await store.saveReport(report('2025-W30', 'csv'), Buffer.from('\uFEFFa;b\n', 'utf8'));
    expect(first).toEqual({
      id: first.id, period: '2025-W31', format: 'pdf', language: 'vi', version: 1, cutOff: '2025-08-04T00:00:00.000Z', generatedAt: '2025-08-04T00:00:01.234Z',
      inputsHash: 'hash-2025-W31', definitionId: 'chiso-v2', targets: '[]', trigger: 'schedule', createdBy: null, size: bytes.length,
    });
    expect([second.version, other.version, xlsx.version, older.version]).toEqual([2, 1, 1, 1]);
    expect(second).toMatchObject({ trigger: 'manual', createdBy: 'admin', size: 2 });
    expect(await store.reportContent(first.id)).toEqual({ record: first, content: bytes });
    expect((await store.reportContent(xlsx.id))?.content).toEqual(Buffer.alloc(0));
    expect(await store.reportContent(987_654)).toBeNull();
    expect((await store.listReports()).map((r) => [r.period, r.format, r.language, r.version])).toEqual([
      ['2025-W31', 'pdf', 'en', 1], ['2025-W31', 'pdf', 'vi', 2], ['2025-W31', 'pdf', 'vi', 1], ['2025-W31', 'xlsx', 'vi', 1], ['2025-W30', 'csv', 'vi', 1],
    ]);
  });

  it('gives a scheduled run to exactly one of the callers that race for it', async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => store.claimRun('weekly:2025-W31', `process-${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimRun('weekly:2025-W31', 'late')).toBe(false);
    expect(await store.claimRun('weekly:2025-W32', 'next')).toBe(true);
  });

  it('lets only the claimant give a run back, and then the next caller has it', async () => {
    expect(await store.claimRun('weekly:2025-W40', 'a')).toBe(true);
    await store.releaseRun('weekly:2025-W40', 'b');
    expect(await store.claimRun('weekly:2025-W40', 'c')).toBe(false);
    await store.releaseRun('weekly:2025-W40', 'a');
    expect(await store.claimRun('weekly:2025-W40', 'c')).toBe(true);
  });
});
