/**
 * The weekly PDF and the unit annex, laid out as poppler reads them back (`pdftotext -bbox-layout`): no two words'
 * boxes overlap on any page, and every table's header is the right one on every page it continues on. The data is
 * demo-sized — Hà Nội's 126 communes and 17 departments with the demo's dossiers — plus the longest names we can
 * think of, since a name that does not fit must wrap and grow its row rather than run into the next.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountsCache } from '../analytics/counts-cache';
import type { AnalyticsDeps } from '../analytics/deps';
import { rankChange } from '../analytics/rank-change';
import { unitDetail } from '../analytics/unit-detail';
import { DEMO_START, profileOf, unitDossiers } from '../seed/demo-dossiers';
import { hanoiJuly2025Targets, hanoiUnits } from '../seed/demo-units';
import { DEPARTMENT_PROCEDURES } from '../seed/procedures';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { Store } from '../store/port';
import { vnStartOfDate } from '../../shared/kpi/vn-time';
import { QD766_INDICATORS } from '../../shared/kpi/definitions/qd766-catalogue';
import { renderAnnex } from './annex-pdf';
import { LABELS, type ReportLanguage } from './labels';
import { FONT, FONT_BOLD, renderPdf } from './pdf';
import { reportData } from './report-data';

/** pdfkit's own font reader (a dependency of pdfkit, without types of its own): which characters a font can draw. */
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync: (path: string) => { hasGlyphForCodePoint: (c: number) => boolean } };

const NOW = Date.parse('2025-08-06T03:00:00Z');
const PERIOD = '2025-W31';
const LONG_UNIT = 'Phường Nguyễn Trãi Thượng Đình Khương Mai Thanh Xuân Bắc Thanh Xuân Nam Hạ Đình Kim Giang Đại Kim Định Công';
const LONG_PROCEDURE = 'Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho hộ gia đình, cá nhân, cộng đồng dân cư, người Việt Nam định cư ở nước ngoài được sở hữu nhà ở tại Việt Nam (thủ tục liên thông)';
const NO_SPACES = 'GIAYCHUNGNHANQUYENSUDUNGDATQUYENSOHUUNHAOVATAISANKHACGANLIENVOIDAT';

let store: Store;
let deps: AnalyticsDeps;
let dir: string;
let annexUnit: string;

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  const meta = (kind: 'units' | 'targets' | 'dossiers', rows: number) => ({ kind, fileName: 'layout test', rows, outcome: 'imported' as const, errorCount: 0, actor: null, startedAt: 0 });
  const units = hanoiUnits();
  const first = units.find((u) => u.kind === 'ward');
  if (!first) throw new Error('no ward in the demo');
  Object.assign(first, { name: LONG_UNIT, headName: `Chủ tịch Ủy ban nhân dân ${LONG_UNIT}` });
  await store.replaceUnits(units, meta('units', units.length));
  await store.replaceTargets(hanoiJuly2025Targets(), null);
  // The department whose procedures have the longest names; it also gets two made-up ones longer still.
  annexUnit = Object.entries(DEPARTMENT_PROCEDURES).sort(([, a], [, b]) => Math.max(...b.map((p) => p.name.length)) - Math.max(...a.map((p) => p.name.length)))[0]?.[0] as string;
  const writer = await store.openDossierWriter();
  let n = 0;
  for (const unit of units) {
    for (const d of unitDossiers(unit, profileOf(unit, new Set()), vnStartOfDate(DEMO_START), NOW)) {
      writer.append(d);
      n++;
    }
  }
  const received = Date.parse('2025-07-29T02:00:00Z');
  for (let i = 0; i < 40; i++) {
    const long = i % 2 === 0;
    writer.append({
      dossierId: `LAYOUT-${i}`, unitCode: annexUnit, procedureCode: long ? '9.999001' : '9.999002', procedureCodeRaw: long ? '9.999001' : '9.999002', procedureName: long ? LONG_PROCEDURE : NO_SPACES,
      channel: 'counter', endToEnd: false, receivedAt: received + i * 60_000, dueAt: received + 86_400_000, completedAt: null, returnedAt: null, status: null, statusRaw: null,
      serviceLevel: null, eResult: null, digitized: null, feeRequired: null, paidOnline: null,
    });
    n++;
  }
  await writer.commit(meta('dossiers', n));
  deps = { store, cache: new CountsCache(), minVolume: 30, now: () => NOW };
  dir = mkdtempSync(join(tmpdir(), 'chiso-pdf-layout-'));
}, 120_000);

afterAll(async () => {
  await store.close();
  if (dir && !process.env.KEEP_PDF) rmSync(dir, { recursive: true, force: true });
});

interface Word { text: string; x0: number; y0: number; x1: number; y1: number }

/** Each page's words with their boxes, as poppler's pdftotext reads them. */
function pagesOf(pdf: Buffer, name: string): Word[][] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const html = join(dir, `${name}.html`);
  execFileSync('pdftotext', ['-bbox-layout', file, html]);
  const text = readFileSync(html, 'utf8');
  const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return text.split(/<page /).slice(1).map((page) => {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: decode(m[5] as string),
    }));
    // poppler ends a word after a letter drawn with a mark below (ị, ụ…) and starts the rest exactly where it
    // ends: such touching pieces on one baseline are one word.
    const merged: Word[] = [];
    for (const w of words) {
      const last = merged[merged.length - 1];
      if (last && Math.abs(last.y0 - w.y0) < 0.5 && Math.abs(w.x0 - last.x1) < 0.05) Object.assign(last, { text: last.text + w.text, x1: w.x1, y1: Math.max(last.y1, w.y1) });
      else merged.push({ ...w });
    }
    return merged.map((w) => ({ ...w, text: w.text.normalize('NFC') }));
  });
}

/** Pairs of words whose boxes overlap by more than a hair (rounding of the boxes), on one page. */
function overlaps(words: Word[]): string[] {
  const EPS = 0.4;
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Word;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as Word;
      if (b.x0 >= a.x1 - EPS) break;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > EPS && h > EPS) found.push(`"${a.text}" [${a.x0.toFixed(1)},${a.y0.toFixed(1)}] and "${b.text}" [${b.x0.toFixed(1)},${b.y0.toFixed(1)}]`);
    }
  }
  return found;
}

/** The page's visual lines: words sharing a top edge, left to right, joined by spaces. */
function linesOf(words: Word[]): string[] {
  const rows = new Map<number, Word[]>();
  for (const w of words) {
    const key = [...rows.keys()].find((y) => Math.abs(y - w.y0) < 1) ?? w.y0;
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, ws]) => ws.sort((a, b) => a.x0 - b.x0).map((w) => w.text).join(' '));
}

/**
 * Text as read back, for comparing: poppler's text of a letter drawn with a dot below (ị, ụ, ạ…) sometimes lacks the
 * dot (the page shows it; only the text layer maps the glyph to the bare letter), so the dot is dropped on both sides.
 */
const plain = (text: string) => text.normalize('NFD').replace(/\u0323/g, '').normalize('NFC');

/** Every character on the pages has a glyph in the embedded font (one without shows as an empty box). */
function missingGlyphs(pages: Word[][]): string[] {
  const fonts = [FONT, FONT_BOLD].map((f) => fontkit.openSync(f));
  const chars = new Set(pages.flat().flatMap((w) => [...w.text.normalize('NFC')]));
  return [...chars].filter((c) => !fonts.every((f) => f.hasGlyphForCodePoint(c.codePointAt(0) as number)));
}

function expectNoOverlap(pages: Word[][]): void {
  pages.forEach((words, i) => expect(overlaps(words), `page ${i + 1}`).toEqual([]));
}

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe.each<ReportLanguage>(['vi', 'en'])('the weekly PDF (%s), demo-sized', (lang) => {
  let pages: Word[][];
  const L = LABELS[lang];
  beforeAll(async () => {
    const data = await reportData(deps, PERIOD, NOW);
    pages = pagesOf(await renderPdf(data, lang, new Date(NOW).toISOString(), true), `weekly-${lang}`);
  }, 120_000);

  it('has no two words overlapping on any page', () => {
    expect(pages.length).toBeGreaterThan(5);
    expectNoOverlap(pages);
  });

  it('heads every page of each ranking with the ranking’s columns, and shows long unit names whole', () => {
    const header = [L.rank, L.rankChange, L.unit, L.index, L.rating, L.online, L.e2e, L.onTime, L.days, L.received, L.flags].join(' ');
    const lines = pages.map((p) => linesOf(p).map(plain));
    const start = lines.findIndex((ls) => ls.some((l) => l.startsWith(plain(L.ranking.replace('{group}', L.groups.commune)))));
    const end = lines.findIndex((ls, i) => i > start && ls.some((l) => l === plain(L.flagged)));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start + 1);
    for (let p = start; p < end; p++) expect(lines[p], `page ${p + 1}`).toContain(plain(header));
    const text = plain(pages.flat().map((w) => w.text).join(' '));
    expect(text).toContain(plain(LONG_UNIT));
  });

  it('draws every character with a glyph of its font', () => {
    expect(missingGlyphs(pages)).toEqual([]);
  });
});

describe('the English weekly PDF', () => {
  it('says nothing in Vietnamese but the names the data holds', async () => {
    const data = await reportData(deps, PERIOD, NOW);
    const pages = pagesOf(await renderPdf(data, 'en', new Date(NOW).toISOString(), true), 'weekly-en-words');
    const names = [...data.rankings.flatMap((r) => r.rows.flatMap((x) => [x.unitName, x.headName ?? ''])), ...QD766_INDICATORS.map((i) => i.name)];
    const allowed = new Set(names.flatMap((n) => plain(n).split(/\s+/)).map((w) => w.replace(/[,.;:()]/g, '')));
    const foreign = [...new Set(pages.flat().map((w) => plain(w.text).replace(/[,.;:()]/g, '')).filter((w) => VIETNAMESE.test(w) && !allowed.has(w)))];
    expect(foreign).toEqual([]);
  });
});

describe('the unit annex with the longest procedure names', () => {
  it.each<ReportLanguage>(['vi', 'en'])('has no overlapping words and the right headers (%s)', async (lang) => {
    const L = LABELS[lang];
    const detail = await unitDetail(deps, { unitCode: annexUnit, period: PERIOD });
    expect(detail.procedures.some((p) => p.procedureName === LONG_PROCEDURE)).toBe(true);
    const move = await rankChange(deps, { unitCode: annexUnit, period: PERIOD });
    const pages = pagesOf(await renderAnnex(detail, lang, new Date(NOW).toISOString(), move), `annex-${lang}`);
    expectNoOverlap(pages);
    expect(missingGlyphs(pages)).toEqual([]);
    const lines = pages.flatMap(linesOf).map(plain);
    const startsOne = (head: string) => lines.some((l) => l.startsWith(plain(head)));
    expect(startsOne(`${L.procedure} ${L.received} ${L.onTime} ${L.online} ${L.e2e}`), 'the procedures table starts with its Procedure column').toBe(true);
    expect(startsOne(`${L.dossier} ${L.procedure} ${L.dueAt}`), 'the overdue table names its procedure column').toBe(true);
    expect(startsOne(`${L.measure} ${L.value} ${L.target} ${L.state}`)).toBe(true);
    expect(startsOne(`${L.component} ${L.value} ${L.points} ${L.maxPoints} ${L.previous}`)).toBe(true);
    // The overdue table goes on over pages: its header is repeated on each (two pages here at least).
    expect(lines.filter((l) => l.startsWith(plain(`${L.dossier} ${L.procedure} ${L.dueAt}`))).length).toBeGreaterThan(1);
    const text = plain(pages.flat().map((w) => w.text).join(' '));
    expect(text).toContain(plain(LONG_PROCEDURE));
  });
});
