import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/indicator';
import type { AnalyticsDeps } from '../analytics/deps';
import type { Store } from '../store/port';
import { fixtureDeps, fixtureStore } from '../testing/fixture';
import { renderPdf } from './pdf';
import { reportData } from './report-data';
import { renderXlsx } from './xlsx';

const VNEID: Indicator = {
  code: 'DA06_VNEID_APPLICATIONS', name: 'Hồ sơ định danh điện tử so với chỉ tiêu', nameEn: 'e-ID applications against the quota', pillar: 'da06', unit: 'percent',
  direction: 'higher', frequency: 'month', kinds: ['ward'], description: null,
};

let store: Store;
let deps: AnalyticsDeps;

async function pdfPages(buffer: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').normalize('NFC'));
  }
  return pages;
}

beforeAll(async () => {
  store = await fixtureStore();
  deps = fixtureDeps(store);
  await store.saveIndicators([VNEID], null, null);
  await store.replaceTargets([...(await store.listTargets()), { measure: VNEID.code, kind: 'ward', unitCode: null, threshold: 70, effectiveFrom: '2025-06-01', deadline: null }], null);
  const value = (unitCode: string, numerator: number) => ({ indicator: VNEID.code, unitCode, period: '2025-07', numerator, denominator: 10, value: 10 * numerator, note: null });
  await store.replaceIndicatorValues([value('00070', 9), value('00082', 5)], { kind: 'values', fileName: 'values.csv', rows: 2, outcome: 'imported', errorCount: 0, actor: 'test', startedAt: 0 }, 'test');
});
afterAll(() => store.close());

describe('the weekly report, page per pillar', () => {
  it('the PDF has a page for each pillar with the city against the target and the units below, and names the indicator in the flag list', async () => {
    const data = await reportData(deps, '2025-W31', Date.parse('2025-08-04T00:00:00Z'));
    const pages = await pdfPages(await renderPdf(data, 'vi', '2025-08-04T00:00:00Z', false));
    const da06 = pages.find((p) => p.includes('Chỉ tiêu chương trình: Đề án 06'));
    expect(da06).toBeDefined();
    // pdf.js splits a few stacked diacritics (ị) into two glyphs, so the name is matched from after them.
    expect(da06).toContain('danh điện tử so với chỉ tiêu');
    expect(da06).toContain('70,00 %');
    expect(da06).toMatch(/Phường Cửa Nam\s+50,00 %/);
    expect(da06).not.toContain('Phường Hoàn Kiếm');
    expect(pages.some((p) => p.includes('Chỉ tiêu chương trình: Cải cách hành chính'))).toBe(true);
    expect(pages.some((p) => p.includes('Chỉ tiêu chương trình: Chuyển đổi số'))).toBe(true);
    expect(pages.join('\n')).toContain('danh điện tử so với chỉ tiêu 50,00/70,00');
  });

  it('the XLSX has a sheet per pillar with real numbers: the city row, then a row per unit below', async () => {
    const data = await reportData(deps, '2025-W31', Date.parse('2025-08-04T00:00:00Z'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(data, 'en', '2025-08-04T00:00:00Z')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('KPI DA06');
    expect(sheet).toBeDefined();
    const rows = (sheet as ExcelJS.Worksheet).getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['e-ID applications against the quota (DA06_VNEID_APPLICATIONS)', '2025-07', 70, 70, '2/2'],
      ['e-ID applications against the quota (DA06_VNEID_APPLICATIONS)', '2025-07', undefined, undefined, undefined, 'Phường Cửa Nam', 50, 70, 1],
    ]);
    expect(wb.getWorksheet('KPI CCHC')).toBeDefined();
  });
});
