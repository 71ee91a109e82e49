/**
 * The weekly XLSX as a recipient opens it: LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run) converts
 * every sheet to CSV headless, and the ranking sheets hold the ranking API's numbers under headers in the report's
 * language.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsDeps } from '../analytics/deps';
import { ranking } from '../analytics/ranking';
import type { Store } from '../store/port';
import { fixtureDeps, fixtureStore } from '../testing/fixture';
import { LABELS, type ReportLanguage } from './labels';
import { generateReport } from './reports-service';

let store: Store;
let deps: AnalyticsDeps;
let dir: string;

beforeAll(async () => {
  store = await fixtureStore();
  deps = fixtureDeps(store);
  dir = mkdtempSync(join(tmpdir(), 'chiso-weekly-xlsx-'));
});
afterAll(async () => {
  await store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every sheet of the workbook as CSV rows, by sheet name, as LibreOffice reads it (raw values, not as shown). */
function openInLibreOffice(bytes: Buffer, name: string): Map<string, string[][]> {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  expect(soffice, 'LibreOffice (soffice) is needed for this check: apt-get install libreoffice-calc-nogui').toBeDefined();
  const out = join(dir, name);
  execFileSync('mkdir', ['-p', out]);
  writeFileSync(join(out, `${name}.xlsx`), bytes);
  // Token 12 = -1: every sheet to its own file, `<name>-<sheet>.csv`.
  execFileSync(soffice as string, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, join(out, `${name}.xlsx`)], { stdio: 'ignore', timeout: 180_000 });
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(out).filter((f) => f.endsWith('.csv'))) {
    sheets.set(file.normalize('NFC').slice(name.length + 1, -4), Papa.parse<string[]>(readFileSync(join(out, file), 'utf8'), { skipEmptyLines: true }).data);
  }
  return sheets;
}

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

describe.each<ReportLanguage>(['vi', 'en'])('the weekly XLSX opened in LibreOffice (%s)', (lang) => {
  it('has the ranking API’s numbers on each group’s sheet, under headers in the report’s language', async () => {
    const L = LABELS[lang];
    const record = await generateReport(deps, { period: '2025-W31', format: 'xlsx', language: lang, regenerate: false, trigger: 'manual', actor: 'test' });
    const bytes = (await store.reportContent(record.id))?.content as Buffer;
    const sheets = openInLibreOffice(bytes, `weekly-${lang}`);
    expect([...sheets.keys()]).toEqual(expect.arrayContaining([L.groups.commune, L.groups.department, L.sheetFlags, L.sheetDefinitions]));
    for (const group of ['commune', 'department'] as const) {
      const rows = sheets.get(L.groups[group]) as string[][];
      const [header, ...body] = rows;
      expect(header?.slice(0, 14)).toEqual([L.rank, L.rankChange, L.code, L.unit, L.head, L.received, L.online, L.e2e, L.onTime, L.days, L.overdueOpen, L.index, L.rating, L.flags]);
      const api = await ranking(deps, { period: '2025-W31', group, asOf: record.generatedAt });
      expect(api.rows.length).toBeGreaterThan(0);
      expect(body.map((r) => r[2])).toEqual(api.rows.map((r) => r.unitCode));
      expect(body.map((r) => r[3])).toEqual(api.rows.map((r) => r.unitName));
      expect(body.map((r) => [num(r[0]), num(r[5]), num(r[6]), num(r[7]), num(r[8]), num(r[9]), num(r[10]), num(r[11])])).toEqual(
        api.rows.map((r) => [r.rank, r.received, r.onlineRate, r.endToEndRate, r.onTimeRate, r.avgProcessingDays, r.overdueOpen, r.index]),
      );
    }
    const flagsHeader = sheets.get(L.sheetFlags)?.[0];
    expect(flagsHeader?.slice(0, 6)).toEqual([L.unit, L.head, L.measure, L.value, L.target, L.weeksBelow]);
  });
});
