import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM06_COLUMNS } from '../shared/domain/form06';
import { CountsCache } from './analytics/counts-cache';
import { form06 } from './analytics/form06';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import { FIXTURE_TARGETS, FIXTURE_UNITS, fixtureDossiers } from './testing/fixture';

const dir = mkdtempSync(join(tmpdir(), 'chiso-cli-form06-'));
const db = join(dir, 'cli.duckdb');
const request = { period: '2025-W31', asOf: '2025-07-31T05:00:00Z' };

function chiso(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, CHISO_DB: db } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The API's answer for the same request, read from the same database once the command has closed it. */
async function api() {
  const store = await DuckDbStore.open(db);
  try {
    return await form06({ store, cache: new CountsCache(), minVolume: 30, now: Date.now }, request);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const store = await DuckDbStore.open(db);
  const meta = (kind: 'units' | 'dossiers', rows: number) => ({ kind, fileName: 'fixture', rows, outcome: 'imported' as const, errorCount: 0, actor: null, startedAt: 0 });
  await store.replaceUnits(FIXTURE_UNITS, meta('units', FIXTURE_UNITS.length));
  await store.replaceTargets(FIXTURE_TARGETS, null);
  const writer = await store.openDossierWriter();
  for (const d of fixtureDossiers()) writer.append(d);
  await writer.commit(meta('dossiers', fixtureDossiers().length));
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chiso form06', () => {
  it('prints exactly the reports.form06 object with --json, and nothing else', async () => {
    const r = await chiso('form06', '--period', request.period, '--as-of', request.asOf, '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual(await api());
    expect(Object.keys(printed)).toEqual(['period', 'asOf', 'rows', 'total']);
    expect(printed.rows.map((x: { unitCode: string }) => x.unitCode)).toEqual(['00070', '00082', '04144', 'SO-TP']);
    expect(printed.total.receivedTotal).toBeGreaterThan(0);
  });

  it('writes the XLSX form with --out, with the JSON’s total', async () => {
    const out = join(dir, 'bieu06.xlsx');
    const r = await chiso('form06', '--period', request.period, '--as-of', request.asOf, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*bieu06\.xlsx: Biểu số 06, 2025-W31, 4 units, data as of 2025-07-31T05:00:00\.000Z\.\n$/);
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    let total: unknown[] = [];
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total = FORM06_COLUMNS.map((_, i) => row.getCell(i + 3).value);
    });
    const want = await api();
    expect(total).toEqual(FORM06_COLUMNS.map((f) => want.total[f]));
  });

  it('prints a table without --json, and refuses bad usage with exit 2', async () => {
    const table = await chiso('form06', '--period', request.period, '--as-of', request.asOf);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Biểu số 06/VPCP/KSTT · 2025-W31 · data as of 2025-07-31T05:00:00.000Z');
    expect(table.stdout).toContain('Phường Hoàn Kiếm');
    expect((await chiso('form06', '--period', '2025-W31', '--json', '--out', join(dir, 'x.xlsx'))).code).toBe(2);
    expect((await chiso('form06', '--period', '2025-W31', '--group', 'province')).code).toBe(2);
    const bad = await chiso('form06', '--period', '2025-W99');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('2025 has ISO weeks 1 to 52, not 99');
  });
});
