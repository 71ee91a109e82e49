import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeIssue } from '../../shared/format/import-report';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';
import { importFile, type ImportReport } from './run-import';

const UNITS = 'code,name,kind\n00070,Phường Hoàn Kiếm,ward\nSO-TP,Sở Tư pháp,department\n';
const csv = (text: string) => Buffer.from(text, 'utf8');

let store: Store;
const run = (kind: 'units' | 'indicators' | 'values', text: string) => importFile(store, { kind, source: { buffer: csv(text) }, fileName: `${kind}.csv`, actor: 'test' });
const lines = (r: ImportReport) => r.issues.map(describeIssue);

beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
  expect((await run('units', UNITS)).ok).toBe(true);
});
afterEach(() => store.close());

describe('indicator catalogue', () => {
  it('ships the reported components of the 766 index', async () => {
    const codes = (await store.listIndicators()).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['PUBLISH_ON_TIME', 'DOSSIER_SYNC', 'PETITION_PROCESSING_ON_TIME', 'FORMALITY_FEE_ON_PORTAL']));
    expect(codes).toHaveLength(16);
  });

  it('imports entries and names each bad cell', async () => {
    const ok = await run('indicators', 'code,name,name_en,pillar,unit,direction,frequency,kinds\nVNEID_ACTIVATED,Tỷ lệ kích hoạt VNeID,VNeID activations,da06,percent,higher,month,ward;commune\n');
    expect(lines(ok)).toEqual([]);
    expect((await store.listIndicators()).find((i) => i.code === 'VNEID_ACTIVATED')).toMatchObject({ pillar: 'da06', kinds: ['ward', 'commune'], frequency: 'month' });
    const bad = await run('indicators', 'code,name,pillar,unit,direction,frequency,kinds\nbad code,X,nowhere,litres,up,daily,town\n');
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i) => i.column)).toEqual(['code', 'pillar', 'unit', 'direction', 'frequency', 'kinds']);
  });
});

describe('reported values import', () => {
  it('imports numerator/denominator and value-only figures, and a second import replaces the first', async () => {
    const report = await run('values', 'indicator,unit_code,period,numerator,denominator,value,note\nPUBLISH_ON_TIME,00070,2025-07,9,10,,\nDOSSIER_SYNC,00070,2025-Q3,,,87.5,ước tính\n');
    expect(lines(report)).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 2 });
    await run('values', 'indicator,unit_code,period,numerator,denominator\nPUBLISH_ON_TIME,00070,2025-07,10,10\n');
    const values = await store.listIndicatorValues();
    expect(values).toEqual([
      { indicator: 'DOSSIER_SYNC', unitCode: '00070', period: '2025-Q3', numerator: null, denominator: null, value: 87.5, note: 'ước tính' },
      { indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 10, denominator: 10, value: 100, note: null },
    ]);
  });

  it('refuses the whole file, naming every bad row and column, and writes nothing', async () => {
    const text = [
      'indicator,unit_code,period,numerator,denominator,value',
      'PUBLISH_ON_TIME,00070,2025-07,9,10,',
      'NO_SUCH,00070,2025-07,1,2,',
      'PUBLISH_ON_TIME,99999,2025-07,1,2,',
      'PUBLISH_ON_TIME,00070,July,1,2,',
      'PUBLISH_ON_TIME,00070,2025-08,-1,2,',
      'PUBLISH_ON_TIME,00070,2025-09,11,10,',
      'PUBLISH_ON_TIME,00070,2025-10,abc,10,',
      'PUBLISH_ON_TIME,00070,2025-11,,,',
      'PUBLISH_ON_TIME,00070,2025-12,,,120',
      'PUBLISH_ON_TIME,00070,2025-07,9,10,',
    ].join('\n');
    const report = await run('values', text);
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'indicator'], [4, 'unit_code'], [5, 'period'], [6, 'numerator'], [7, 'numerator'], [8, 'numerator'], [9, 'value'], [10, 'value'], [11, 'period'],
    ]);
    expect(lines(report)[4]).toContain('larger than the denominator');
    expect(lines(report)[5]).toContain('is not a number');
    expect(await store.listIndicatorValues()).toEqual([]);
  });

  it('keeps a unit kind that does not report an indicator from reporting it', async () => {
    await run('indicators', 'code,name,pillar,unit,direction,frequency,kinds\nWARD_ONLY,Chỉ phường,other,count,higher,month,ward\n');
    const report = await run('values', 'indicator,unit_code,period,value\nWARD_ONLY,SO-TP,2025-07,3\n');
    expect(report.issues.map((i) => i.column)).toEqual(['unit_code']);
  });
});
