import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../../shared/domain/indicator';
import { importFile } from '../../import/run-import';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';
import { UNITS_CSV } from '../testing/random-dossiers';

const VNEID: Indicator = { code: 'VNEID_ACTIVATED', name: 'Tỷ lệ kích hoạt VNeID', nameEn: null, pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', kinds: ['ward', 'commune'], description: null };
const entry = { actor: 'admin', action: 'indicators.save', target: 'VNEID_ACTIVATED', before: null, after: null, address: null };

describe.each(ENGINES)('indicators, reported values and index definitions on $name', (engine) => {
  let store: Store;
  const run = (kind: 'units' | 'indicators' | 'values', text: string | Buffer) =>
    importFile(store, { kind, source: { buffer: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') }, fileName: `${kind}.csv`, actor: 'officer' });

  beforeAll(async () => {
    store = await engine.open();
    expect((await run('units', UNITS_CSV)).ok).toBe(true);
  });
  afterAll(() => store.close());

  it('ships the 766 catalogue once, however often the database is opened', async () => {
    const codes = (await store.listIndicators()).map((i) => i.code);
    expect(codes).toHaveLength(16);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toContain('PUBLISH_ON_TIME');
  });

  it('inserts catalogue entries and replaces them by code, from the dashboard or a file', async () => {
    await store.saveIndicators([VNEID], null, entry);
    await store.saveIndicators([{ ...VNEID, name: 'Kích hoạt VNeID mức 2', kinds: [], description: 'Đề án 06' }], null, entry);
    expect((await store.listIndicators()).find((i) => i.code === VNEID.code)).toEqual({ ...VNEID, name: 'Kích hoạt VNeID mức 2', kinds: [], description: 'Đề án 06' });
    const report = await run('indicators', 'code,name,name_en,pillar,unit,direction,frequency,kinds\nLLTP_VNEID,Phiếu LLTP qua VNeID,Judicial records via VNeID,da06,count,higher,quarter,ward;department\n');
    expect(report.ok).toBe(true);
    expect((await store.listIndicators()).find((i) => i.code === 'LLTP_VNEID')).toMatchObject({ nameEn: 'Judicial records via VNeID', kinds: ['ward', 'department'], frequency: 'quarter', unit: 'count' });
    expect((await store.listAudit(5, 0)).filter((e) => e.action === 'indicators.save')).toHaveLength(2);
  });

  it('replaces a reported value by indicator, unit and period, and lists them in order', async () => {
    const first = await run('values', 'indicator,unit_code,period,numerator,denominator,value,note\nPUBLISH_ON_TIME,U1,2025-07,9,10,,\nDOSSIER_SYNC,U0,2025-Q3,,,87.5,ước tính\nPUBLISH_ON_TIME,U0,2025-07,0,0,,\n');
    expect(first.issues).toEqual([]);
    const second = await run('values', 'indicator,unit_code,period,numerator,denominator,value,note\nPUBLISH_ON_TIME,U1,2025-07,10,10,,"đã sửa, lần 2"\n');
    expect(second.ok).toBe(true);
    expect(await store.listIndicatorValues()).toEqual([
      { indicator: 'DOSSIER_SYNC', unitCode: 'U0', period: '2025-Q3', numerator: null, denominator: null, value: 87.5, note: 'ước tính' },
      { indicator: 'PUBLISH_ON_TIME', unitCode: 'U0', period: '2025-07', numerator: 0, denominator: 0, value: null, note: null },
      { indicator: 'PUBLISH_ON_TIME', unitCode: 'U1', period: '2025-07', numerator: 10, denominator: 10, value: 100, note: 'đã sửa, lần 2' },
    ]);
  });

  it('keeps every version of an index definition', async () => {
    await store.saveDefinition({ id: 'ha-noi', version: 1, json: '{"id":"ha-noi","version":1}', createdBy: 'admin' }, { ...entry, action: 'definitions.save' });
    await store.saveDefinition({ id: 'ha-noi', version: 2, json: '{"id":"ha-noi","version":2}', createdBy: null }, { ...entry, action: 'definitions.save' });
    await store.saveDefinition({ id: 'chiso-v3', version: 1, json: '{}', createdBy: 'admin' }, { ...entry, action: 'definitions.save' });
    const list = await store.listDefinitions();
    expect(list.map((d) => [d.id, d.version, d.createdBy])).toEqual([['chiso-v3', 1, 'admin'], ['ha-noi', 1, 'admin'], ['ha-noi', 2, null]]);
    expect(list[2]?.json).toBe('{"id":"ha-noi","version":2}');
    expect(Math.abs(Date.parse(list[0]?.createdAt ?? '') - Date.now())).toBeLessThan(60_000);
    await expect(store.saveDefinition({ id: 'ha-noi', version: 2, json: '{}', createdBy: null }, { ...entry, action: 'definitions.save' })).rejects.toThrow();
  });
});
