import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countDossiers } from '../../../shared/kpi/measures';
import { mustParsePeriod } from '../../../shared/kpi/periods';
import type { DossierRecord } from '../../../shared/schemas/dossier';
import { importFile } from '../../import/run-import';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';
import { dossiersCsv, outcome, randomDossiers, UNIT_COUNT, UNITS_CSV } from '../testing/random-dossiers';

const Q3 = mustParsePeriod('2025-Q3');
const WINDOWS = ['2025-06', '2025-07', '2025-08', '2025-09'].map(mustParsePeriod).map((p) => ({ start: p.start, cutOff: p.end }));

describe.each(ENGINES)('imports on $name', (engine) => {
  let store: Store;
  const run = (kind: 'units' | 'targets' | 'dossiers', buffer: Buffer, fileName = `${kind}.csv`) => importFile(store, { kind, source: { buffer }, fileName, actor: 'officer' });

  /** Every unit's counts in every month, held against the reference over `records`. */
  async function expectCounts(records: readonly DossierRecord[]) {
    const got = await store.countsByUnit(WINDOWS);
    for (let u = 0; u < UNIT_COUNT; u++) {
      const mine = records.filter((d) => d.unitCode === `U${u}`);
      WINDOWS.forEach((w, i) => {
        const expected = countDossiers(mine, w.start, w.cutOff);
        expect(got.get(`U${u}`)?.[i] ?? countDossiers([], 0, 0)).toEqual(expected);
      });
    }
  }

  beforeEach(async () => {
    store = await engine.open();
    expect((await run('units', UNITS_CSV)).ok).toBe(true);
  });
  afterEach(() => store.close());

  it('imports a file in one go: counts as the reference does, with an import record and an audit entry', async () => {
    const { csv, records } = dossiersCsv(randomDossiers(3000, 21));
    const report = await run('dossiers', csv, 'tuan-31.csv');
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 3000 });
    await expectCounts(records);
    const [latest] = await store.listImports(10);
    expect(latest).toMatchObject({ id: report.record?.id, kind: 'dossiers', fileName: 'tuan-31.csv', rows: 3000, outcome: 'imported', errorCount: 0, actor: 'officer' });
    expect(Date.parse(latest?.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(latest?.startedAt ?? ''));
    const [entry] = await store.listAudit(1, 0);
    expect(entry).toMatchObject({ actor: 'officer', action: 'import.dossiers', target: 'tuan-31.csv' });
  });

  it('replaces a dossier imported again, so the same file twice leaves the same state', async () => {
    const first = dossiersCsv(randomDossiers(2000, 22));
    await run('dossiers', first.csv);
    const before = await store.countsByUnit(WINDOWS);
    expect((await run('dossiers', first.csv)).ok).toBe(true);
    expect(await store.countsByUnit(WINDOWS)).toEqual(before);

    const moved = first.records.map((d, i) => (i % 3 === 0 && d.completedAt === null ? { ...d, completedAt: d.dueAt, status: 'completed' as const } : d));
    const update = dossiersCsv(moved.filter((_, i) => i % 3 === 0));
    expect((await run('dossiers', update.csv)).ok).toBe(true);
    await expectCounts(first.records.map((d, i) => (i % 3 === 0 ? (update.records[i / 3] as DossierRecord) : d)));
  });

  it('refuses a whole file for one bad row, writes nothing and records the refusal', async () => {
    const good = dossiersCsv(randomDossiers(500, 23));
    await run('dossiers', good.csv);
    const version = await store.dataVersion();
    const lines = dossiersCsv(randomDossiers(1000, 24)).csv.toString('utf8').split('\n');
    lines[700] = (lines[700] as string).replace(/^([^,]*),U\d/, '$1,NOWHERE');
    const report = await run('dossiers', Buffer.from(lines.join('\n')), 'bad.csv');
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ line: 701, column: 'unit_code', value: 'NOWHERE' })]);
    await expectCounts(good.records);
    expect(await store.dataVersion()).toBe(version);
    expect((await store.listImports(1))[0]).toMatchObject({ fileName: 'bad.csv', outcome: 'refused', errorCount: 1, rows: 1000 });
  });

  it('names an id repeated in a file on its later line, even when that row is also invalid, and writes nothing', async () => {
    const lines = dossiersCsv(randomDossiers(300, 25)).csv.toString('utf8').split('\n');
    const idOf = (line: number) => (lines[line - 1] as string).split(',')[0] as string;
    lines[199] = (lines[199] as string).replace(/^[^,]*/, idOf(10));
    lines[249] = (lines[249] as string).replace(/^[^,]*/, idOf(20)).replace(/,U\d,/, ',NOWHERE,');
    const report = await run('dossiers', Buffer.from(lines.join('\n')));
    expect(report.ok).toBe(false);
    const repeated = report.issues.filter((i) => i.column === 'dossier_id');
    expect(repeated).toEqual([
      expect.objectContaining({ line: 200, value: idOf(10), reason: 'appears twice in this file: first on line 10' }),
      expect.objectContaining({ line: 250, value: idOf(20), reason: 'appears twice in this file: first on line 20' }),
    ]);
    expect(await store.receivedRange()).toBeNull();
  });

  it('finds duplicates among appended and reserved rows, and an aborted writer leaves nothing behind', async () => {
    const writer = await store.openDossierWriter();
    const [a, b] = randomDossiers(2, 26) as [DossierRecord, DossierRecord];
    writer.append(a, 2);
    writer.reserve(b.dossierId, 3);
    writer.append({ ...b, unitCode: 'U1' }, 4);
    writer.reserve(a.dossierId, 5);
    writer.append(a, 6);
    expect(await writer.duplicates(10)).toEqual({
      rows: [{ dossierId: b.dossierId, line: 4, firstLine: 3 }, { dossierId: a.dossierId, line: 5, firstLine: 2 }, { dossierId: a.dossierId, line: 6, firstLine: 2 }],
      total: 3,
    });
    expect(await writer.duplicates(1)).toEqual({ rows: [{ dossierId: b.dossierId, line: 4, firstLine: 3 }], total: 3 });
    await writer.abort();
    expect(await store.receivedRange()).toBeNull();
    expect(await store.countsByUnit([{ start: Q3.start, cutOff: Q3.end }])).toEqual(new Map());
  });

  it('takes a large batch appended without yielding, all or nothing', async () => {
    const many = randomDossiers(200_000, 27);
    const writer = await store.openDossierWriter();
    many.forEach((d, i) => writer.append(d, i + 2));
    expect(await writer.duplicates(10)).toEqual({ rows: [], total: 0 });
    await writer.commit(outcome(many.length));
    const got = await store.countsByUnit([{ start: Date.parse('2025-01-01T00:00:00Z'), cutOff: Date.parse('2026-01-01T00:00:00Z') }]);
    const total = [...got.values()].reduce((s, series) => s + (series[0]?.received ?? 0), 0);
    expect(total).toBe(countDossiers(many, Date.parse('2025-01-01T00:00:00Z'), Date.parse('2026-01-01T00:00:00Z')).received);
  });

  it('imports units and targets: a unit by code, a target by measure, scope and start date', async () => {
    expect((await run('units', Buffer.from('code,name,kind\nU1,Phường Đổi Tên,ward\nU9,Xã Mới,commune\n'))).ok).toBe(true);
    const units = await store.listUnits();
    expect(units.map((u) => u.code)).toEqual(['U0', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U9']);
    expect(units.find((u) => u.code === 'U1')).toMatchObject({ name: 'Phường Đổi Tên', kind: 'ward' });
    const targets = 'measure,kind,unit_code,threshold,effective_from,deadline\nonlineRate,ward,,60,2025-07-21,2025-07-30\nonTimeRate,,U1,95,2025-07-21,\n';
    expect((await run('targets', Buffer.from(targets))).ok).toBe(true);
    expect((await run('targets', Buffer.from('measure,kind,unit_code,threshold,effective_from\nonlineRate,ward,,70,2025-07-21\nonlineRate,ward,,80,2025-08-01\n'))).ok).toBe(true);
    expect(await store.listTargets()).toEqual([
      { measure: 'onTimeRate', kind: null, unitCode: 'U1', threshold: 95, effectiveFrom: '2025-07-21', deadline: null },
      { measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 70, effectiveFrom: '2025-07-21', deadline: null },
      { measure: 'onlineRate', kind: 'ward', unitCode: null, threshold: 80, effectiveFrom: '2025-08-01', deadline: null },
    ]);
  });
});
