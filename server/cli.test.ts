import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountsCache } from './analytics/counts-cache';
import { ranking } from './analytics/ranking';
import { DuckDbStore } from './store/duckdb/duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'chiso-cli-'));
const db = join(dir, 'cli.duckdb');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function chiso(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, CHISO_DB: db } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const dossierLines = ['dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at,completed_at'];
for (let i = 0; i < 40; i++) {
  dossierLines.push(`A${i},00070,1.001193,${i < 30 ? 'online' : 'counter'},${i < 10},2025-07-2${1 + (i % 5)}T08:00:00,2025-07-28,2025-07-2${2 + (i % 5)}T09:00:00`);
  dossierLines.push(`B${i},00082,1.001193,${i < 20 ? 'online' : 'counter'},false,2025-07-2${1 + (i % 5)}T08:00:00,2025-07-25,${i < 35 ? '2025-07-26T10:00:00' : ''}`);
}

beforeAll(async () => {
  expect((await chiso('import', 'units', file('units.csv', 'ma_xa,ten_xa,loai\n00070,Phường Hoàn Kiếm,Phường\n00082,Phường Cửa Nam,Phường\n'))).code).toBe(0);
  expect((await chiso('import', 'targets', file('targets.csv', 'measure,kind,threshold,effective_from,deadline\nonlineRate,ward,60,21/07/2025,30/07/2025\n'))).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the chiso command', () => {
  it('imports a good file: exit 0 and a summary', async () => {
    const r = await chiso('import', 'dossiers', file('good.csv', `${dossierLines.join('\n')}\n`));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Imported 80 dossiers rows from good\.csv \(import #\d+\)\.\n$/);
  });

  it('refuses a bad file: exit 1, the report by line, nothing written', async () => {
    const r = await chiso('import', 'dossiers', file('bad.csv', `${dossierLines[0]}\nZ1,00070,1.1,online,maybe,2025-07-21T08:00:00,2025-07-28,\n`));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Refused bad.csv: 1 problem found, nothing was imported.\nLine 2, column "end_to_end" ("maybe"): is not yes or no (write true/false, 1/0, yes/no or có/không)\nReasons are in English; the dashboard shows them in Vietnamese (Tiếng Việt) or English.\n');
  });

  it('prints the ranking JSON exactly as kpi.ranking returns it, and nothing else', async () => {
    const r = await chiso('ranking', '--period', '2025-W30', '--group', 'commune', '--as-of', '2025-08-01T00:00:00Z', '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    const store = await DuckDbStore.open(db);
    try {
      const api = await ranking({ store, cache: new CountsCache(), minVolume: 30, now: Date.now }, { period: '2025-W30', group: 'commune', asOf: '2025-08-01T00:00:00Z' });
      expect(printed).toEqual(api);
      expect(printed.rows.map((x: { unitCode: string }) => x.unitCode)).toEqual(['00070', '00082']);
    } finally {
      await store.close();
    }
  });

  it('prints the ranking as a table', async () => {
    const r = await chiso('ranking', '--period', '2025-W30', '--group', 'commune', '--as-of', '2025-08-01T00:00:00Z');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Phường Hoàn Kiếm');
    expect(r.stdout.split('\n')[1]).toMatch(/^Rank\s+Δ\s+Code\s+Unit/);
  });

  it.each([
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
    [['ranking', '--period', '2025-W30'], 2, 'ranking needs --period'],
    [['ranking', '--period', '2025-W60', '--group', 'commune'], 1, '2025 has ISO weeks 1 to 52, not 60'],
    [['import', 'dossiers', '/nonexistent.csv'], 1, 'There is no file at /nonexistent.csv.'],
  ])('answers %j with exit %i and a plain message', async (args, code, message) => {
    const r = await chiso(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\s+at .+:\d+:\d+/);
  });
});
