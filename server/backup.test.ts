import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from './auth/demo-accounts';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import { FIXTURE_TARGETS, FIXTURE_UNITS, fixtureDossiers } from './testing/fixture';
import { unkeyed } from './testing/older-layouts';

const dir = mkdtempSync(join(tmpdir(), 'chiso-backup-'));
const original = join(dir, 'original.duckdb');
const backup = join(dir, 'backups', 'chiso.duckdb');

function chiso(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, CHISO_DB: db } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Rows per table, straight from the file. */
async function counts(path: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await instance.connect();
  try {
    const tables = (await c.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name")).getRowObjectsJS() as { table_name: string }[];
    const out: Record<string, number> = {};
    for (const { table_name: t } of tables) out[t] = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM "${t}"`)).getRowObjectsJS()[0]?.n);
    return out;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const ranking = async (db: string) => {
  const r = await chiso(db, 'ranking', '--period', '2025-W31', '--group', 'commune', '--as-of', '2025-08-06T03:00:00Z', '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  const store = await DuckDbStore.open(original);
  const meta = (kind: 'units' | 'dossiers', rows: number) => ({ kind, fileName: 'fixture', rows, outcome: 'imported' as const, errorCount: 0, actor: null, startedAt: 0 });
  await store.replaceUnits(FIXTURE_UNITS, meta('units', FIXTURE_UNITS.length));
  await store.replaceTargets(FIXTURE_TARGETS, null);
  const writer = await store.openDossierWriter();
  const dossiers = fixtureDossiers();
  for (const d of dossiers) writer.append(d);
  await writer.commit(meta('dossiers', dossiers.length));
  await seedDemoAccounts(store, FIXTURE_UNITS);
  await store.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('backs up the whole database with a SHA-256 beside it, and never overwrites a file', async () => {
    const r = await chiso(original, 'backup', backup);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Backed up .*original\.duckdb to .*chiso\.duckdb: 4 units, 390 dossiers, 4 targets, 0 reported values, \d+ accounts, 0 reports\. SHA-256 [0-9a-f]{64} \(in chiso\.duckdb\.sha256\)\.\n$/);
    const digest = createHash('sha256').update(readFileSync(backup)).digest('hex');
    expect(readFileSync(`${backup}.sha256`, 'utf8')).toBe(`${digest}  chiso.duckdb\n`);
    const again = await chiso(original, 'backup', backup);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/There is already a file at .*chiso\.duckdb: a backup never overwrites one/);
  }, 60_000);

  it('restores into a new database that answers the same ranking, with the same rows in every table, and keeps counting ids', async () => {
    const restored = join(dir, 'restored.duckdb');
    const r = await chiso(restored, 'restore', backup);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Restored .* into .*restored\.duckdb: 4 units, 390 dossiers, 4 targets/);
    expect(await counts(restored)).toEqual(await counts(original));
    expect(await ranking(restored)).toEqual(await ranking(original));
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'code,name,kind\n00099,Phường Mới,ward\n');
    expect((await chiso(restored, 'import', 'units', units)).stdout).toMatch(/^Imported 1 units rows from units\.csv \(import #3\)/);
  }, 60_000);

  it('refuses to restore over a database that holds data without --force, and replaces it with --force', async () => {
    const busy = join(dir, 'busy.duckdb');
    expect((await chiso(busy, 'restore', backup)).code).toBe(0);
    const store = await DuckDbStore.open(busy);
    await store.replaceUnits([{ ...FIXTURE_UNITS[0], code: 'EXTRA' } as (typeof FIXTURE_UNITS)[number]], { kind: 'units', fileName: 'x', rows: 1, outcome: 'imported', errorCount: 0, actor: null, startedAt: 0 });
    await store.close();
    const refused = await chiso(busy, 'restore', backup);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds data \(390 dossiers, 3 imports, 4 targets, 5 units, \d+ users\): restoring would replace all of it\. Back it up first, then run restore again with --force\. Nothing was restored\./);
    expect((await counts(busy)).units).toBe(5);
    expect((await chiso(busy, 'restore', backup, '--force')).code).toBe(0);
    expect((await counts(busy)).units).toBe(4);
  }, 60_000);

  it('restores a backup made before the codes were keyed, and the next command brings the database up to date', async () => {
    // The backup as an earlier chiso wrote it: dossiers in one table with text codes (decision 035).
    const older = join(dir, 'backups', 'older.duckdb');
    writeFileSync(older, readFileSync(backup));
    const instance = await DuckDBInstance.create(older);
    const c = await instance.connect();
    try {
      for (const sql of unkeyed()) await c.run(sql);
      await c.run('CHECKPOINT');
    } finally {
      c.closeSync();
      instance.closeSync();
    }
    writeFileSync(`${older}.sha256`, `${createHash('sha256').update(readFileSync(older)).digest('hex')}  older.duckdb\n`);
    expect((await counts(older)).dossiers).toBe(390);

    const restored = join(dir, 'restored-older.duckdb');
    const r = await chiso(restored, 'restore', older);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Restored .* into .*restored-older\.duckdb: 4 units, 390 dossiers, 4 targets/);
    expect(await ranking(restored)).toEqual(await ranking(original));
    const after = await counts(restored);
    expect(after.dossier_rows).toBe(390);
    expect(after.unit_keys).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a damaged backup, or one without its checksum, and changes nothing', async () => {
    const damaged = join(dir, 'damaged.duckdb');
    const bytes = readFileSync(backup);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0xff;
    writeFileSync(damaged, bytes);
    writeFileSync(`${damaged}.sha256`, readFileSync(`${backup}.sha256`, 'utf8').replace('chiso.duckdb', 'damaged.duckdb'));
    const target = join(dir, 'target.duckdb');
    const r = await chiso(target, 'restore', damaged);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged\.duckdb does not match its checksum in damaged\.duckdb\.sha256: the file is damaged or was changed since the backup\. Nothing was restored\./);
    expect(existsSync(target)).toBe(false);
    rmSync(`${damaged}.sha256`);
    expect((await chiso(target, 'restore', damaged)).stderr).toMatch(/There is no checksum beside the backup .*damaged\.duckdb\.sha256.*Nothing was restored\./);
  }, 60_000);

  it('is in the usage, and refuses PostgreSQL with a pointer to its own tools', async () => {
    const usage = await chiso(original, 'restore');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/backup FILE .*\n\s+restore FILE \[--force\]/);
    const pg = await chiso('postgres://chiso@127.0.0.1:1/chiso', 'backup', join(dir, 'pg.duckdb'));
    expect(pg.stderr).toMatch(/for PostgreSQL use its own tools \(pg_dump and pg_restore\)/);
  }, 60_000);
});
