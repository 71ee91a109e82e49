import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsDeps } from '../analytics/deps';
import { generateReport } from '../reports/reports-service';
import type { Store } from '../store/port';
import { FIXTURE_NOW, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { addDecision } from './decisions';
import { submitCommitment } from './commitments';

let store: Store;
let deps: AnalyticsDeps;
let now = FIXTURE_NOW;
const audit = { actor: 'test', action: 'test', target: null, before: null, after: null, address: 'test' };

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').normalize('NFC').replace(/\s+/g, ' ');
}

async function report(period: string, format: 'pdf' | 'xlsx') {
  const record = await generateReport(deps, { period, format, language: 'vi', regenerate: true, trigger: 'manual', actor: 'test' });
  return (await store.reportContent(record.id))?.content as Buffer;
}

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  deps = { ...fixtureDeps(store), now: () => now };
});
afterAll(() => store.close());

describe('the weekly pack follows up on commitments and decisions', () => {
  it('says "chưa giải trình" for a flagged unit without an explanation, with its escalation level', async () => {
    const text = await pdfText(await report('2025-W31', 'pdf'));
    expect(text).toContain('Giải trình, cam kết');
    expect(text).toMatch(/Phường Cửa Nam .*Nhắc nhở Chưa giải trình/);
    expect(text).toContain('Không có cam kết nào đến hạn trong 7 ngày qua.');
  });

  it('shows the latest commitment with its state, the commitments due since the last meeting, and the decisions to follow up', async () => {
    await submitCommitment(deps, { unitCode: '00082', period: '2025-W31', measure: 'onlineRate', explanation: 'Người dân chưa quen nộp trực tuyến.', action: 'Bố trí cán bộ hướng dẫn nộp trực tuyến.', dueDate: '2025-08-10' }, 'head-00082', audit);
    await addDecision(deps, { unitCode: '00082', period: '2025-W31', decision: 'Chủ tịch phường báo cáo tại giao ban tuần sau.', owner: 'Văn phòng UBND Thành phố', dueDate: '2025-08-15' }, 'leader', audit);
    now = Date.parse('2025-08-11T00:30:00Z');

    // pdf.js gives some stacked diacritics back apart (ụ as "u,"), so the words that carry them are matched loosely.
    const text = await pdfText(await report('2025-W32', 'pdf'));
    expect(text).toMatch(/Phường Cửa Nam .*Đưa vào giao ban Không khắc \S+ đúng hạn · hạn 10\/08\/2025 · Nộp trực tuyến: Bố trí cán bộ hướng dẫn nộp trực tuyến\./);
    expect(text).toMatch(/Phường Hoàn Kiếm .*Nhắc nhở Chưa giải trình/);
    expect(text).toContain('Cam kết đến hạn từ 04/08/2025 đến 10/08/2025');
    expect(text).toMatch(/Phường Cửa Nam Nộp trực tuyến Người dân chưa quen nộp trực tuyến\. Bố trí cán bộ hướng dẫn nộp trực tuyến\. 10\/08\/2025 Không khắc \S+ đúng hạn \(2025- ?W32\)/);
    expect(text).toMatch(/Kết luận giao ban đang theo dõi .*Phường Cửa Nam \S+ \S+ phường báo cáo tại giao ban tuần sau\. Văn phòng UBND Thành phố 15\/08\/2025 \(2025- ?W31\)/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await report('2025-W32', 'xlsx')) as unknown as ArrayBuffer);
    const flags = wb.getWorksheet('Cảnh báo') as ExcelJS.Worksheet;
    const header = (flags.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-4)).toEqual(['Mức cảnh báo', 'Giải trình, cam kết', 'Hạn', 'Biện pháp khắc phục']);
    const rows = Array.from({ length: flags.rowCount - 1 }, (_, i) => (flags.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === 'Phường Cửa Nam')?.slice(-4)).toEqual(['Đưa vào giao ban', 'Không khắc phục đúng hạn', '10/08/2025', 'Bố trí cán bộ hướng dẫn nộp trực tuyến.']);
    expect(rows.find((r) => r[0] === 'Phường Hoàn Kiếm')?.slice(6, 8)).toEqual(['Nhắc nhở', 'Chưa giải trình']);
    const due = wb.getWorksheet('Cam kết đến hạn') as ExcelJS.Worksheet;
    expect((due.getRow(2).values as unknown[]).slice(1)).toEqual(['00082', 'Phường Cửa Nam', '2025-W31', 'Nộp trực tuyến', 'Người dân chưa quen nộp trực tuyến.', 'Bố trí cán bộ hướng dẫn nộp trực tuyến.', '10/08/2025', 'Không khắc phục đúng hạn', '2025-W32', 'head-00082', '06/08/2025 10:00']);
    const decisions = wb.getWorksheet('Kết luận giao ban') as ExcelJS.Worksheet;
    expect((decisions.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['00082', 'Phường Cửa Nam', '2025-W31', 'Chủ tịch phường báo cáo tại giao ban tuần sau.', 'Văn phòng UBND Thành phố']);
  });

  it('writes text a unit typed so that a spreadsheet never runs it as a formula', async () => {
    now = FIXTURE_NOW;
    await submitCommitment(deps, { unitCode: '00082', period: '2025-W31', measure: 'onTimeRate', explanation: '=HYPERLINK("http://evil","x")', action: '+cmd', dueDate: '2025-08-10' }, 'head-00082', audit);
    now = Date.parse('2025-08-11T00:30:00Z');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await report('2025-W32', 'xlsx')) as unknown as ArrayBuffer);
    const due = wb.getWorksheet('Cam kết đến hạn') as ExcelJS.Worksheet;
    const texts = Array.from({ length: due.rowCount - 1 }, (_, i) => due.getRow(i + 2).getCell(5).value);
    expect(texts).toContain(`'=HYPERLINK("http://evil","x")`);
  });
});
