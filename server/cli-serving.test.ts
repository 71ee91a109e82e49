import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelPath } from './cli-channel';
import { createTestDatabase } from './store/testing/engines';
import { login, query } from './testing/http-client';

/**
 * Every command while the server runs (docs/decisions/020): a real server process and the real command line, both
 * from the compiled build (scripts/chiso.mjs), on DuckDB (the command line hands its work to the server) and on
 * PostgreSQL (the command line writes itself; the server sees the new data version).
 */

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'chiso-serving-'));
const PASSWORD = 'lanterns drift over the quiet harbour';
const AS_OF = '2025-08-01T00:00:00Z';
const W30 = { period: '2025-W30', group: 'commune', asOf: AS_OF };

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const UNITS = file('units.csv', 'ma_xa,ten_xa,loai\n00070,Phường Hoàn Kiếm,Phường\n00082,Phường Cửa Nam,Phường\n');
const TARGETS = file('targets.csv', 'measure,kind,threshold,effective_from,deadline\nonlineRate,ward,60,21/07/2025,30/07/2025\n');
const dossiers = (prefix: string, n: number) => {
  const lines = ['dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at,completed_at'];
  for (let i = 0; i < n; i++) {
    lines.push(`${prefix}${i},00070,1.001193,${i % 4 === 0 ? 'counter' : 'online'},false,2025-07-2${1 + (i % 5)}T08:00:00,2025-07-28,2025-07-2${2 + (i % 5)}T09:00:00`);
    lines.push(`${prefix}X${i},00082,1.001193,${i % 2 === 0 ? 'counter' : 'online'},false,2025-07-2${1 + (i % 5)}T08:00:00,2025-07-25,2025-07-26T10:00:00`);
  }
  return `${lines.join('\n')}\n`;
};
const GOOD = file('good.csv', dossiers('A', 40));
const MORE = file('more.csv', dossiers('M', 10));
const BAD = file('bad.csv', 'dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at,completed_at\nZ1,00070,1.1,online,maybe,2025-07-21T08:00:00,2025-07-28,\nZ2,99999,1.1,online,true,2025-07-21T08:00:00,2025-07-28,\n');

/** A built dashboard is not needed here: a one-line page dated in the future keeps the server from building one. */
const clientDir = join(dir, 'client');
mkdirSync(clientDir);
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>chiso</title>');
utimesSync(join(clientDir, 'index.html'), new Date('2100-01-01'), new Date('2100-01-01'));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The compiled command line, with `input` on its standard input. */
function chiso(db: string, args: string[], input = ''): Promise<Run> {
  const child = spawn(process.execPath, ['scripts/chiso.mjs', 'cli', ...args], { cwd: ROOT, env: { ...process.env, CHISO_DB: db } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: stderr.replace('(compiled the server and the command line into dist/server)\n', '') })));
}

async function startServer(db: string): Promise<{ child: ChildProcess; base: string; log: () => string }> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', CHISO_DB: db, NODE_ENV: 'production', CHISO_REPORT_SCHEDULE: 'off', CHISO_CLIENT_DIR: clientDir };
  const child = spawn(process.execPath, ['scripts/chiso.mjs', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (waited > 120_000) throw new Error(`the server did not become ready: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, log: () => log };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** The received counts per unit that a ranking shows. */
const received = (body: any): Record<string, number> => Object.fromEntries((body.result?.data ?? body).rows.map((r: any) => [r.unitCode, r.received]));

const REFUSAL = [
  'Refused bad.csv: 2 problems found, nothing was imported.',
  'Line 2, column "end_to_end" ("maybe"): is not yes or no (write true/false, 1/0, yes/no or có/không)',
];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line while a server runs on DuckDB', () => {
  const db = join(dir, 'db', 'chiso.duckdb');
  let server: Awaited<ReturnType<typeof startServer>>;
  let cookie = '';
  beforeAll(async () => {
    server = await startServer(db);
  }, 180_000);
  afterAll(async () => {
    if (server) await stopServer(server.child);
  });

  it('takes commands on a socket beside the database that only its own user may use', () => {
    const info = statSync(channelPath(db));
    expect(info.isSocket()).toBe(true);
    expect(info.mode & 0o777).toBe(0o600);
  });

  it('imports units and targets and creates the first admin, whose password is read from standard input', async () => {
    expect(await chiso(db, ['import', 'units', UNITS])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 2 units rows from units\.csv/) });
    expect(await chiso(db, ['import', 'targets', TARGETS])).toMatchObject({ code: 0 });
    const weak = await chiso(db, ['user', 'add', 'root', '--role', 'admin'], 'password1234\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('common passwords');
    expect(await chiso(db, ['user', 'add', 'chief', '--role', 'admin'], `${PASSWORD}\n`)).toMatchObject({ code: 0, stdout: 'Account chief (admin) created.\n' });
    cookie = await login(server.base, 'chief', PASSWORD);
  }, 120_000);

  it('imports indicator catalogue entries and reported values while serving', async () => {
    const catalogue = file('indicators.csv', 'code,name,name_en,pillar,unit,direction,frequency,kinds\nLLTP_VNEID,Phiếu LLTP qua VNeID,Judicial records via VNeID,da06,count,higher,quarter,ward;department\n');
    expect(await chiso(db, ['import', 'indicators', catalogue])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 1 indicators rows/) });
    const values = file('values.csv', 'indicator,unit_code,period,numerator,denominator,value,note\nPUBLISH_ON_TIME,00070,2025-07,9,10,,\nLLTP_VNEID,00082,2025-Q3,,,120,\n');
    expect(await chiso(db, ['import', 'values', values])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 2 values rows/) });
  }, 120_000);

  it('imports dossiers while serving, and the next kpi.ranking over HTTP includes them', async () => {
    const before = await query(server.base, 'kpi.ranking', W30, cookie);
    expect(before.status).toBe(200);
    expect(Object.values(received(before.body)).every((n) => !n)).toBe(true);
    const run = await chiso(db, ['import', 'dossiers', GOOD]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 80 dossiers rows from good\.csv \(import #\d+\)\.\n$/) });
    const after = await query(server.base, 'kpi.ranking', W30, cookie);
    expect(received(after.body)).toEqual({ '00070': 40, '00082': 40 });
  }, 120_000);

  it('refuses a bad file with its reasons by row and column, exit 1, and writes nothing', async () => {
    const before = await query(server.base, 'kpi.ranking', W30, cookie);
    const run = await chiso(db, ['import', 'dossiers', BAD]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(REFUSAL);
    expect(run.stdout).toMatch(/Line 3, column "unit_code" \("99999"\)/);
    expect((await query(server.base, 'kpi.ranking', W30, cookie)).body).toEqual(before.body);
  }, 120_000);

  it('prints the ranking as the server answers it', async () => {
    const run = await chiso(db, ['ranking', '--period', '2025-W30', '--group', 'commune', '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual((await query(server.base, 'kpi.ranking', W30, cookie)).body.result.data);
  }, 120_000);

  it('writes the weekly report and Biểu 06 to files named from the command line\'s folder', async () => {
    const report = await chiso(db, ['report', '--period', '2025-W30', '--format', 'csv', '--out', join(dir, 'w30.csv')]);
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'w30.csv'), 'utf8')).toContain('Phường Hoàn Kiếm');
    const form = await chiso(db, ['form06', '--period', '2025-Q3', '--as-of', AS_OF, '--json']);
    expect(form.code).toBe(0);
    expect(JSON.parse(form.stdout).rows.length).toBeGreaterThan(0);
    // Laid out on the compiled server's render worker (dist/server/render-worker.js, decision 028).
    const pdf = await chiso(db, ['report', '--period', '2025-W30', '--format', 'pdf', '--out', join(dir, 'w30.pdf')]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(join(dir, 'w30.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await chiso(db, ['form06', '--period', '2025-Q3', '--as-of', AS_OF, '--out', join(dir, 'q3.xlsx')]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(readFileSync(join(dir, 'q3.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('backs up while serving, and restores over the served data, which the next answers show at once', async () => {
    const backup = join(dir, 'backups', 'before-more.duckdb');
    const made = await chiso(db, ['backup', backup]);
    expect(made).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Backed up .* 2 units, 80 dossiers/) });
    expect(readFileSync(`${backup}.sha256`, 'utf8')).toMatch(/^[0-9a-f]{64} {2}before-more\.duckdb\n$/);
    const snapshot = (await query(server.base, 'kpi.ranking', W30, cookie)).body;
    expect((await chiso(db, ['import', 'dossiers', MORE])).code).toBe(0);
    expect(received((await query(server.base, 'kpi.ranking', W30, cookie)).body)).toEqual({ '00070': 50, '00082': 50 });
    const refused = await chiso(db, ['restore', backup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds data');
    const restored = await chiso(db, ['restore', backup, '--force']);
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored .* 2 units, 80 dossiers/) });
    expect((await query(server.base, 'kpi.ranking', W30, cookie)).body).toEqual(snapshot);
  }, 180_000);

  it('refuses seed-demo and migrate-db while serving, saying why, and changes nothing', async () => {
    const seed = await chiso(db, ['seed-demo']);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain('seed-demo replaces every record');
    const migrate = await chiso(db, ['migrate-db', '--to', 'postgres://127.0.0.1:1/none']);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain('Stop the server, run migrate-db');
    expect(received((await query(server.base, 'kpi.ranking', W30, cookie)).body)).toEqual({ '00070': 40, '00082': 40 });
  }, 120_000);

  it('answers usage mistakes as the command line does (exit 2)', async () => {
    const run = await chiso(db, ['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(server.log()).toContain('"command":"frobnicate","exit":2');
  }, 60_000);

  it('after the server stops, removes its socket, and the command line opens the database itself', async () => {
    await stopServer(server.child);
    expect(existsSync(channelPath(db))).toBe(false);
    const run = await chiso(db, ['ranking', '--period', '2025-W30', '--group', 'commune', '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(0);
    expect(received(JSON.parse(run.stdout))).toEqual({ '00070': 40, '00082': 40 });
  }, 120_000);

  it('writes a ranking larger than a pipe holds (64 KB) whole before it exits', async () => {
    const many = Array.from({ length: 150 }, (_, i) => `9${String(i).padStart(4, '0')},Xã Thử ${i},Xã`);
    expect((await chiso(db, ['import', 'units', file('many-units.csv', `ma_xa,ten_xa,loai\n${many.join('\n')}\n`)])).code).toBe(0);
    const run = await chiso(db, ['ranking', '--period', '2025-W30', '--group', 'commune', '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(run.stdout).rows).toHaveLength(152);
  }, 120_000);
});

describe('the command line while a server runs on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: Awaited<ReturnType<typeof startServer>>;
  let cookie = '';
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(database.url);
  }, 180_000);
  afterAll(async () => {
    if (server) await stopServer(server.child);
    await database?.drop();
  });

  it('imports while serving, and the next kpi.ranking over HTTP includes the new data', async () => {
    const url = database.url;
    expect((await chiso(url, ['import', 'units', UNITS])).code).toBe(0);
    expect((await chiso(url, ['import', 'targets', TARGETS])).code).toBe(0);
    expect((await chiso(url, ['user', 'add', 'chief', '--role', 'admin'], `${PASSWORD}\n`)).code).toBe(0);
    cookie = await login(server.base, 'chief', PASSWORD);
    expect(Object.values(received((await query(server.base, 'kpi.ranking', W30, cookie)).body)).every((n) => !n)).toBe(true);
    expect(await chiso(url, ['import', 'dossiers', GOOD])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 80 dossiers rows/) });
    expect(received((await query(server.base, 'kpi.ranking', W30, cookie)).body)).toEqual({ '00070': 40, '00082': 40 });
  }, 180_000);

  it('refuses a bad file with the same report, exit 1, and writes nothing', async () => {
    const before = await query(server.base, 'kpi.ranking', W30, cookie);
    const run = await chiso(database.url, ['import', 'dossiers', BAD]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(REFUSAL);
    expect((await query(server.base, 'kpi.ranking', W30, cookie)).body).toEqual(before.body);
  }, 120_000);

  it('points backups to PostgreSQL\'s own tools', async () => {
    const run = await chiso(database.url, ['backup', join(dir, 'pg.backup')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pg_dump');
  }, 60_000);
});
