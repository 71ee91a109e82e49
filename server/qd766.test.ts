/**
 * The 766 index from a city's own files: dossiers with the optional columns, and reported values, imported as a
 * data officer would, then ranked; every component is checked against §7 computed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ranking } from './analytics/ranking';
import { importFile } from './import/run-import';
import { analyticsDeps } from './open-store';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import type { Store } from './store/port';

let store: Store;
const run = async (kind: 'units' | 'dossiers' | 'values', text: string) => {
  const report = await importFile(store, { kind, source: { buffer: Buffer.from(text) }, fileName: `${kind}.csv`, actor: 'test' });
  expect(report.issues).toEqual([]);
};

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  await run('units', 'code,name,kind\n00070,Phường Hoàn Kiếm,ward\n00082,Phường Cửa Nam,ward\n');
  const header = 'dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at,completed_at,status,e_result,digitized,fee_required,paid_online';
  const rows = Array.from({ length: 10 }, (_, i) => {
    const late = i === 0;
    return [`HK-${i}`, '00070', '1.001193', i < 4 ? 'online' : 'counter', i < 2 ? 'true' : 'false', `2025-07-0${i < 9 ? i + 1 : 9} 08:00`, `2025-07-0${i < 9 ? i + 1 : 9}`,
      `2025-07-${late ? '20' : `0${i < 9 ? i + 1 : 9}`} 15:00`, 'completed', i < 5 ? 'true' : 'false', 'true', i < 4 ? 'true' : 'false', i === 0 ? 'true' : 'false'].join(',');
  });
  const plain = Array.from({ length: 3 }, (_, i) => `CN-${i},00082,1.001193,online,false,2025-07-10 08:00,2025-07-15,,processing,,,,`);
  await run('dossiers', [header, ...rows, ...plain].join('\n'));
  await run('values', [
    'indicator,unit_code,period,numerator,denominator,value',
    'PUBLISH_ON_TIME,00070,2025-07,9,10,',
    'PETITION_PROCESSING_ON_TIME,00070,2025-07,0,0,',
    'DOSSIER_RECEIVING_SATISFACTION,00070,2025-07,0,0,',
    'ONLINE_SERVICES_OFFERED,00070,2025-07,,,60',
  ].join('\n'));
});
afterAll(() => store.close());

describe('the qd766 index', () => {
  it('scores each component as §7 says, sums the rounded components and reports the coverage', async () => {
    const out = await ranking(analyticsDeps(store, { CHISO_MIN_VOLUME: 1 }), { period: '2025-07', group: 'commune', asOf: '2025-08-01T00:00:00Z', index: 'qd766' });
    expect(out.index).toEqual({ id: 'qd766', version: 1 });
    const hk = out.rows.find((r) => r.unitCode === '00070');
    const points = Object.fromEntries((hk?.components ?? []).map((c) => [c.code, c.points]));
    expect(points).toEqual({
      PUBLISH_ON_TIME: 5.4, PUBLIC_UPDATE_ON_TIME: null, PUBLIC_CONTENT_FULL: null, DOSSIER_SYNC: null,
      ON_TIME: 18,
      ONLINE_SERVICES_OFFERED: 1.5, ONLINE_SERVICES_USED: null, ONLINE_SUBMISSION: 4.8,
      ORIGINAL_RESULT_AVAILABLE: 3, SO_HOA_GIAY_TO_GIAI_QUYET: 4, REUSED_DIGITIZED_DATA: null, ELECTRONIC_CERTIFIED_COPY: null,
      SYNCED_WITH_DVCQG_PERSONAL_STORAGE: null, CITIZEN_DATA_CONNECTED_DOSSIER: null, CITIZEN_DATA_CONNECTED_FORMALITY: null,
      PETITION_PROCESSING_ON_TIME: 6, PETITION_HANDLING_SATISFACTION: null, DOSSIER_RECEIVING_SATISFACTION: 0,
      DOSSIER_ONLINE_PAYMENT: 1.5, FORMALITY_ONLINE_PAYMENT: null, FORMALITY_FEE_ON_PORTAL: null,
    });
    expect(hk).toMatchObject({ index: 44.2, indexCoverage: 62, rank: 1, rating: null });
    expect(hk?.components.find((c) => c.code === 'PUBLISH_ON_TIME')).toMatchObject({ source: 'reported', ratio: 90, numerator: 9, denominator: 10 });
    expect(hk?.components.find((c) => c.code === 'DOSSIER_SYNC')).toMatchObject({ source: 'missing', points: null });
  });

  it('marks the dossier components missing for a unit whose files had no such columns', async () => {
    const out = await ranking(analyticsDeps(store, { CHISO_MIN_VOLUME: 1 }), { period: '2025-07', group: 'commune', asOf: '2025-08-01T00:00:00Z', index: 'qd766' });
    const cn = out.rows.find((r) => r.unitCode === '00082');
    const by = Object.fromEntries((cn?.components ?? []).map((c) => [c.code, c]));
    expect(by.ORIGINAL_RESULT_AVAILABLE).toMatchObject({ source: 'missing', points: null });
    expect(by.DOSSIER_ONLINE_PAYMENT).toMatchObject({ source: 'missing', points: null });
    expect(by.ON_TIME).toMatchObject({ points: 0, ratio: 0, numerator: 0, denominator: 3 });
    expect(by.ONLINE_SUBMISSION).toMatchObject({ points: 6 });
    expect(cn).toMatchObject({ index: 6, indexCoverage: 26 });
  });

  it('rates a unit only when every component is known (here: all reported in full)', async () => {
    const { QD766_INDICATORS } = await import('../shared/kpi/definitions/qd766-catalogue');
    await run('values', ['indicator,unit_code,period,numerator,denominator', ...QD766_INDICATORS.map((i) => `${i.code},00070,2025-07,5,5`)].join('\n'));
    const out = await ranking(analyticsDeps(store, { CHISO_MIN_VOLUME: 1 }), { period: '2025-07', group: 'commune', asOf: '2025-08-01T00:00:00Z', index: 'qd766' });
    expect(out.rows.find((r) => r.unitCode === '00070')).toMatchObject({ index: 89.3, indexCoverage: 100, rating: 'Tốt' });
  });
});
