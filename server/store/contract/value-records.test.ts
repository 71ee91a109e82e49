import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../../shared/domain/indicator';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';

const value = (unitCode: string, period: string, numerator: number, note: string | null = null): IndicatorValue => ({
  indicator: 'PUBLISH_ON_TIME', unitCode, period, numerator, denominator: 10, value: numerator * 10, note,
});
const entry = (action: string) => ({ actor: 'officer', action, target: null, before: null, after: null, address: null });

describe.each(ENGINES)('the reporting round of indicator values on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it('takes a value reported by a unit, and a correction, keeping both in the history', async () => {
    await store.submitIndicatorValue(value('U1', '2025-07', 8), 'head-u1', entry('value.report'));
    await new Promise((r) => setTimeout(r, 5));
    await store.submitIndicatorValue(value('U1', '2025-07', 9, 'sửa số liệu'), 'head-u1', entry('value.correct'));
    await store.submitIndicatorValue(value('U2', '2025-07', 7), 'head-u2', entry('value.report'));
    const records = await store.listValueRecords({ unitCode: 'U1', period: null });
    expect(records).toEqual([{ ...value('U1', '2025-07', 9, 'sửa số liệu'), state: 'submitted', comment: null, at: records[0]?.at, actor: 'head-u1', evidence: null }]);
    const history = await store.listValueHistory('U1', null);
    expect(history.map((h) => [h.numerator, h.state, h.actor])).toEqual([[9, 'submitted', 'head-u1'], [8, 'submitted', 'head-u1']]);
    expect((await store.listAudit(3, 0)).map((e) => e.action)).toEqual(['value.report', 'value.correct', 'value.report']);
  });

  it('gives a digest of the values that moves with every change to them, and only then', async () => {
    const store = await engine.open();
    const digests = [await store.indicatorValuesDigest()];
    const step = async (work: () => Promise<unknown>) => {
      await work();
      digests.push(await store.indicatorValuesDigest());
    };
    // Nothing that leaves the values alone moves it: dossiers, targets.
    await step(async () => {
      const writer = await store.openDossierWriter();
      await writer.commit({ kind: 'dossiers', fileName: 'none.csv', rows: 0, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
    });
    await step(() => store.upsertTarget({ measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 60, effectiveFrom: '2025-07-01', deadline: null }, entry('target.upsert')));
    expect(new Set(digests).size).toBe(1);
    await step(() => store.submitIndicatorValue(value('D1', '2025-08', 3), 'head', entry('value.report')));
    await step(() => store.submitIndicatorValue(value('D1', '2025-08', 3, 'ghi chú'), 'head', entry('value.correct')));
    await step(() => store.returnIndicatorValue({ indicator: 'PUBLISH_ON_TIME', unitCode: 'D1', period: '2025-08' }, 'sai', 'leader', entry('value.return')));
    await step(() => store.submitIndicatorValue(value('D1', '2025-08', 4, 'ghi chú'), 'head', entry('value.correct')));
    await step(() => store.replaceIndicatorValues([value('D1', '2025-08', 5, 'ghi chú')], { kind: 'values', fileName: 'v.csv', rows: 1, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() }, null));
    // Each change gave a digest never seen before (2 unchanged + 5 changes).
    expect(new Set(digests).size).toBe(6);
    expect(await store.indicatorValuesDigest()).toBe(digests[digests.length - 1]);
    await store.close();
  });

  it('returns a value to its unit with a comment: out of every figure until it is reported again', async () => {
    const version = await store.dataVersion();
    expect(await store.returnIndicatorValue({ indicator: 'PUBLISH_ON_TIME', unitCode: 'U9', period: '2025-07' }, 'không có', 'leader', entry('value.return'))).toBe(false);
    expect(await store.dataVersion()).toBe(version);
    expect(await store.returnIndicatorValue({ indicator: 'PUBLISH_ON_TIME', unitCode: 'U1', period: '2025-07' }, 'Số liệu chưa khớp', 'leader', entry('value.return'))).toBe(true);
    expect(await store.dataVersion()).toBeGreaterThan(version);
    expect((await store.listIndicatorValues()).map((v) => v.unitCode)).toEqual(['U2']);
    expect(await store.listValueRecords({ unitCode: null, period: '2025-07' })).toEqual([
      expect.objectContaining({ unitCode: 'U1', numerator: 9, state: 'returned', comment: 'Số liệu chưa khớp', actor: 'head-u1' }),
      expect.objectContaining({ unitCode: 'U2', state: 'submitted', comment: null }),
    ]);
    expect((await store.listValueHistory('U1', 'PUBLISH_ON_TIME'))[0]).toMatchObject({ state: 'returned', comment: 'Số liệu chưa khớp', actor: 'leader' });
    expect(await store.listValueHistory('U1', 'DOSSIER_SYNC')).toEqual([]);
    await store.submitIndicatorValue(value('U1', '2025-07', 10), 'head-u1', entry('value.correct'));
    expect((await store.listIndicatorValues()).map((v) => [v.unitCode, v.numerator])).toEqual([['U1', 10], ['U2', 7]]);
    expect((await store.listValueRecords({ unitCode: 'U1', period: '2025-07' }))[0]).toMatchObject({ state: 'submitted', comment: null });
  });
});
