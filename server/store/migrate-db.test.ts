import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustParsePeriod } from '../../shared/kpi/periods';
import { importFile } from '../import/run-import';
import { DuckDbStore } from './duckdb/duckdb-store';
import { migrateDuckDbToPostgres } from './migrate-db';
import type { Store } from './port';
import { PostgresStore } from './postgres/postgres-store';
import { sameFigures } from './same-figures';
import { createTestDatabase } from './testing/engines';
import { dossiersCsv, randomDossiers, UNITS_CSV } from './testing/random-dossiers';

const entry = { actor: 'admin', action: 'test', target: null, before: null, after: null, address: '127.0.0.1' };
const NOW = Date.parse('2025-08-06T03:00:00.000Z');

/** A DuckDB database with something in every table. */
async function fill(store: Store): Promise<void> {
  const run = (kind: 'units' | 'targets' | 'dossiers' | 'values', buffer: Buffer) => importFile(store, { kind, source: { buffer }, fileName: `${kind}.csv`, actor: 'officer' });
  expect((await run('units', UNITS_CSV)).ok).toBe(true);
  expect((await run('dossiers', dossiersCsv(randomDossiers(4000, 61)).csv)).ok).toBe(true);
  expect((await run('targets', Buffer.from('measure,kind,unit_code,threshold,effective_from,deadline\nonlineRate,ward,,60,2025-07-21,2025-07-30\n'))).ok).toBe(true);
  expect((await run('values', Buffer.from('indicator,unit_code,period,numerator,denominator,value,note\nPUBLISH_ON_TIME,U1,2025-07,9,10,,"ghi chú\tcó tab"\n'))).ok).toBe(true);
  expect((await run('values', Buffer.from('indicator,unit_code,period,numerator,denominator,value,note\nPUBLISH_ON_TIME,U1,2025-07,9,10,,ghi chú\nDOSSIER_SYNC,U2,2025-Q3,,,87.5,\n'))).ok).toBe(true);
  await store.returnIndicatorValue({ indicator: 'DOSSIER_SYNC', unitCode: 'U2', period: '2025-Q3' }, 'Chưa khớp', 'leader', entry);
  await store.attachEvidence({ indicator: 'PUBLISH_ON_TIME', unitCode: 'U1', period: '2025-07' }, { fileName: 'Công văn.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n\u0000\u00ff%%EOF', 'latin1') }, 'head-u1', entry);
  await store.saveAccount({ username: 'admin', displayName: 'Quản trị', role: 'admin', unitCode: null, passwordHash: 'h$1', disabled: false, demo: false, createdAt: '2025-07-01T00:00:00.000Z', updatedAt: '2025-07-02T00:00:00.123Z', email: 'a@b.vn', language: 'en' }, entry);
  await store.createSession('token', 'admin', NOW, NOW + 3_600_000);
  await store.saveReport({ period: '2025-W31', format: 'pdf', language: 'vi', cutOff: '2025-08-04T00:00:00.000Z', generatedAt: '2025-08-04T00:00:01.000Z', inputsHash: 'h', definitionId: 'chiso-v2', targets: '[]', trigger: 'schedule', createdBy: null, definitionJson: '{}' }, Buffer.from([0, 1, 2, 254, 255]));
  await store.claimRun('weekly:2025-W31', 'server-1');
  await store.saveDefinition({ id: 'ha-noi', version: 1, json: '{"id":"ha-noi"}', createdBy: 'admin' }, entry);
  await store.addCommitment({ unitCode: 'U1', period: '2025-W31', measure: 'onlineRate', explanation: 'e', action: 'a', dueDate: '2025-08-15', createdAt: '2025-08-05T00:00:00.000Z', createdBy: 'head-u1' }, entry);
  await store.addDecision({ unitCode: 'U1', period: '2025-W31', decision: 'd', owner: 'o', dueDate: '2025-08-20', createdAt: '2025-08-06T00:00:00.000Z', createdBy: 'leader' }, entry);
  await store.addNotices([{ recipient: 'admin', period: '2025-W31', kind: 'digest', unitCode: null, payload: '[]', createdAt: '2025-08-04T00:00:00.000Z', email: 'a@b.vn', language: 'en', mailStatus: 'pending' }]);
  await store.setMeta('dataset', 'real');
}

describe('chiso migrate-db: a DuckDB database copied into an empty PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-migrate-'));
  const path = join(dir, 'chiso.duckdb');
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let from: Store;
  let to: Store;

  beforeAll(async () => {
    const source = await DuckDbStore.open(path);
    await fill(source);
    await source.close();
    database = await createTestDatabase();
    const lines: string[] = [];
    const copied = await migrateDuckDbToPostgres(path, database.url, (l) => lines.push(l));
    expect(copied.find((t) => t.table === 'dossiers')?.rows).toBe(4000);
    expect(lines.at(-1)).toMatch(/^checked: /);
    [from, to] = [await DuckDbStore.open(path), await PostgresStore.open(database.url)];
  });
  afterAll(async () => {
    await Promise.all([from?.close(), to?.close()]);
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same figures and listings on both engines', async () => {
    expect(await sameFigures(from, to)).toMatch(/listings equal/);
    const q3 = mustParsePeriod('2025-Q3');
    const window = { start: q3.start, cutOff: Date.parse('2025-08-10T00:00:00Z') };
    for (const unit of ['U1', 'U5']) {
      expect(await to.processingQuantiles(unit, window)).toEqual(await from.processingQuantiles(unit, window));
      expect(await to.overdueDossiers(unit, window, 20)).toEqual(await from.overdueDossiers(unit, window, 20));
    }
  });

  it('keeps sessions, reports, claims, reporting rounds with their evidence, commitments, decisions, notices and meta', async () => {
    expect(await to.findSession('token')).toEqual(await from.findSession('token'));
    expect(await to.getAccount('admin')).toEqual(await from.getAccount('admin'));
    const [report] = await from.listReports();
    expect(await to.reportContent(report?.id as number)).toEqual(await from.reportContent(report?.id as number));
    expect(await to.claimRun('weekly:2025-W31', 'server-2')).toBe(false);
    expect(await to.listValueRecords({ unitCode: null, period: null })).toEqual(await from.listValueRecords({ unitCode: null, period: null }));
    expect(await to.listValueHistory('U2', null)).toEqual(await from.listValueHistory('U2', null));
    expect(await to.listValueHistory('U1', null)).toEqual(await from.listValueHistory('U1', null));
    const [withEvidence] = await from.listValueRecords({ unitCode: 'U1', period: '2025-07' });
    expect(withEvidence?.evidence).not.toBeNull();
    expect(await to.evidenceContent(withEvidence?.evidence?.id as number)).toEqual(await from.evidenceContent(withEvidence?.evidence?.id as number));
    expect(await to.listCommitments({})).toEqual(await from.listCommitments({}));
    expect(await to.listDecisions({})).toEqual(await from.listDecisions({}));
    expect(await to.listNotices('admin', 10)).toEqual(await from.listNotices('admin', 10));
    expect(await to.getMeta('dataset')).toBe('real');
  });

  it('numbers new rows after the copied ones, and refuses to copy into a database that has data', async () => {
    const record = await to.recordImport({ kind: 'units', fileName: 'x.csv', rows: 0, outcome: 'refused', errorCount: 1, actor: null, startedAt: Date.now() });
    expect(record.id).toBe(Math.max(...(await from.listImports(100)).map((i) => i.id)) + 1);
    await to.audit(entry);
    const [latest, previous] = await to.listAudit(2, 0);
    expect(latest?.id).toBe((previous?.id ?? 0) + 1);
    await expect(migrateDuckDbToPostgres(path, database.url)).rejects.toThrow('already holds chiso data');
  });
});
