import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { planDossierCsv } from '../../import/dossier-csv';
import { DEFAULT_IMPORT_LIMITS } from '../../import/file-refusal';
import { readHead } from '../../import/table-reader';
import type { DossierCsvLoad } from '../port';
import { stageCsvForCopy } from './csv-load';
import { STAGING_NAMES } from './dossier-writer';

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** The plan of a CSV given as text; its buffer is written to a temporary file, removed once the test is done. */
const plans: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of plans.splice(0)) cleanup();
});
async function loadOf(csv: string): Promise<DossierCsvLoad> {
  const source = { buffer: Buffer.from(csv) };
  const plan = await planDossierCsv(source, await readHead(source), DEFAULT_IMPORT_LIMITS, new Set(['U1', 'U2']), NOW);
  if ('declined' in plan) throw new Error(`declined: ${plan.declined}`);
  plans.push(plan.cleanup);
  return plan.load;
}

const HEADER = 'dossier_id,unit_code,procedure_code,procedure_name,channel,end_to_end,received_at,due_at,completed_at,status';

describe("PostgreSQL's hand-over of a proven dossier file (decision 031)", () => {
  it("writes the staging table's columns in its order, NULL as an empty field and a text with commas and quotes quoted", async () => {
    const load = await loadOf(`${HEADER}\nD1,U1,1.001,"Cấp phép, ""mới""",online,true,2025-07-01T08:00:00,2025-07-05,2025-07-02T09:00:00,completed\nD2,U2,1.002,,counter,false,2025-07-01T08:00:00,2025-07-05T17:00:00,,\n`);
    let text = '';
    const done = await stageCsvForCopy(load, '256MB', false, async (file, rollups, rows) => {
      expect(rollups).toBeNull();
      text = readFileSync(file, 'utf8');
      expect(rows).toBe(2);
      return { id: 1 } as never;
    });
    expect(done).toMatchObject({ rows: 2 });
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2);
    const first = lines[0] as string;
    expect(first.startsWith('D1,U1,1.001,1.001,"Cấp phép, ""mới""",online,true,')).toBe(true);
    // The second dossier has no name, no completion and no status: empty fields, which COPY reads as NULL.
    expect((lines[1] as string).split(',').slice(0, 5)).toEqual(['D2', 'U2', '1.002', '1.002', '']);
    expect((lines[1] as string).split(',')).toHaveLength(STAGING_NAMES.length);
  });

  it('writes, for an import into an empty table, each rollup table of these dossiers as a CSV of its columns', async () => {
    const load = await loadOf(`${HEADER}\nD1,U1,1.001,,online,true,2025-07-01T08:00:00,2025-07-05,2025-07-02T09:00:00,completed\nD2,U2,1.002,,counter,false,2025-07-03T08:00:00,2025-07-05,,\n`);
    const written: Record<string, string[][]> = {};
    await stageCsvForCopy(load, '256MB', true, async (_file, rollups) => {
      for (const r of rollups ?? []) written[r.table] = readFileSync(r.file, 'utf8').trim().split('\n').map((line) => line.split(','));
      return { id: 1 } as never;
    });
    expect(Object.keys(written).sort()).toEqual(['dossier_completions', 'dossier_days', 'dossier_misses']);
    // Both dossiers received in the week of 30 June 2025, one per unit; D1 completed, D2 open.
    expect(written.dossier_days?.map((row) => row.slice(0, 3))).toEqual(expect.arrayContaining([['U1', expect.any(String), '1'], ['U2', expect.any(String), '1']]));
    expect(written.dossier_completions).toHaveLength(1);
    expect(written.dossier_completions?.[0]?.[0]).toBe('U1');
  });

  it('leaves no file behind when the file is declined or the commit fails', async () => {
    // A temporary folder of this test's own (os.tmpdir() follows TMPDIR), so that other imports running meanwhile
    // cannot be mistaken for leftovers.
    const saved = process.env.TMPDIR;
    const own = mkdtempSync(join(tmpdir(), 'csv-load-test-'));
    process.env.TMPDIR = own;
    try {
      const declined = await stageCsvForCopy(await loadOf(`${HEADER}\nD1,U9,1.001,,online,true,2025-07-01T08:00:00,2025-07-05,,\n`), '256MB', true, () => {
        throw new Error('not reached');
      });
      expect(declined).toEqual({ declined: 'cell unit_code' });
      const load = await loadOf(`${HEADER}\nD1,U1,1.001,,online,true,2025-07-01T08:00:00,2025-07-05,,\n`);
      await expect(stageCsvForCopy(load, '256MB', true, () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
      for (const cleanup of plans.splice(0)) cleanup();
      expect(readdirSync(own)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(own, { recursive: true, force: true });
    }
  });
});
