import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../../shared/domain/indicator';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';

const KEY = { indicator: 'PUBLISH_ON_TIME', unitCode: 'U1', period: '2025-07' };
const value = (numerator: number, unitCode = 'U1'): IndicatorValue => ({ ...KEY, unitCode, numerator, denominator: 10, value: numerator * 10, note: null });
const entry = (action: string) => ({ actor: 'head-u1', action, target: 'PUBLISH_ON_TIME/U1/2025-07', before: null, after: null, address: '127.0.0.1' });
const letter = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0xe2), Buffer.from('\n%%EOF\n')]);
const sheet = Buffer.from('PK\u0003\u0004 a spreadsheet, as far as the store cares', 'latin1');
/** Versions of a value are listed by time: writes a test makes in a row must not share a millisecond. */
const tick = () => new Promise((r) => setTimeout(r, 3));
const pdf = (content: Buffer, fileName = 'Công văn 123.pdf') => ({ fileName, contentType: 'application/pdf', content });

describe.each(ENGINES)('evidence files of reported values on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
    await store.submitIndicatorValue(value(8), 'head-u1', entry('value.report'));
  });
  afterAll(() => store.close());

  it('refuses a file for a value nobody reported, writing nothing', async () => {
    const version = await store.dataVersion();
    const audit = (await store.listAudit(100, 0)).length;
    expect(await store.attachEvidence({ ...KEY, unitCode: 'U9' }, pdf(letter), 'head-u9', entry('evidence.attach'))).toBeNull();
    expect(await store.dataVersion()).toBe(version);
    expect(await store.listAudit(100, 0)).toHaveLength(audit);
    expect(await store.evidenceContent(1)).toBeNull();
  });

  it('keeps the file with the value: its bytes, name, type, size and SHA-256, a version in the history, an audit entry, and a new data version', async () => {
    await tick();
    const version = await store.dataVersion();
    const attached = await store.attachEvidence(KEY, pdf(letter), 'head-u1', entry('evidence.attach'));
    expect(attached).toMatchObject({ fileName: 'Công văn 123.pdf', contentType: 'application/pdf', size: letter.length, sha256: createHash('sha256').update(letter).digest('hex'), actor: 'head-u1' });
    expect(await store.dataVersion()).toBeGreaterThan(version);
    const stored = await store.evidenceContent(attached?.id as number);
    expect(stored?.key).toEqual(KEY);
    expect(stored?.file).toEqual(attached);
    expect(stored?.content.equals(letter)).toBe(true);
    const [record] = await store.listValueRecords({ unitCode: 'U1', period: '2025-07' });
    expect(record?.evidence).toEqual(attached);
    expect(record?.numerator).toBe(8);
    const history = await store.listValueHistory('U1', 'PUBLISH_ON_TIME');
    expect(history.map((h) => [h.numerator, h.evidence?.id ?? null, h.actor])).toEqual([[8, attached?.id, 'head-u1'], [8, null, 'head-u1']]);
    const [audit] = await store.listAudit(1, 0);
    expect(audit).toMatchObject({ action: 'evidence.attach', actor: 'head-u1', target: 'PUBLISH_ON_TIME/U1/2025-07' });
    expect(JSON.parse(audit?.after ?? 'null')).toEqual({ id: attached?.id, fileName: 'Công văn 123.pdf', contentType: 'application/pdf', size: letter.length, sha256: attached?.sha256 });
  });

  it('keeps the evidence through a correction and a return; a new file replaces it, and the old one stays in the history', async () => {
    const [first] = (await store.listValueRecords({ unitCode: 'U1', period: '2025-07' })).map((r) => r.evidence);
    await tick();
    await store.submitIndicatorValue(value(9), 'head-u1', entry('value.correct'));
    await tick();
    expect((await store.listValueRecords({ unitCode: 'U1', period: null }))[0]).toMatchObject({ numerator: 9, evidence: first });
    await store.returnIndicatorValue(KEY, 'Mẫu số chưa đúng', 'leader', entry('value.return'));
    await tick();
    expect((await store.listValueRecords({ unitCode: 'U1', period: null }))[0]).toMatchObject({ state: 'returned', evidence: first });
    const second = await store.attachEvidence(KEY, { fileName: 'bang-so-lieu.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: sheet }, 'officer', entry('evidence.attach'));
    expect(second?.id).toBeGreaterThan(first?.id as number);
    expect((await store.listValueRecords({ unitCode: 'U1', period: null }))[0]).toMatchObject({ state: 'returned', comment: 'Mẫu số chưa đúng', evidence: second });
    const history = await store.listValueHistory('U1', 'PUBLISH_ON_TIME');
    expect(history.map((h) => [h.state, h.numerator, h.evidence?.fileName ?? null])).toEqual([
      ['returned', 9, 'bang-so-lieu.xlsx'], ['returned', 9, 'Công văn 123.pdf'], ['submitted', 9, 'Công văn 123.pdf'], ['submitted', 8, 'Công văn 123.pdf'], ['submitted', 8, null],
    ]);
    expect((await store.evidenceContent(first?.id as number))?.content.equals(letter)).toBe(true);
    expect((await store.evidenceContent(second?.id as number))?.content.equals(sheet)).toBe(true);
  });

  it('stores the same letter attached to several values once, and names it per value', async () => {
    await store.submitIndicatorValue(value(5, 'U2'), 'head-u2', entry('value.report'));
    const again = await store.attachEvidence({ ...KEY, unitCode: 'U2' }, pdf(letter, 'CV 123 gửi thành phố.pdf'), 'head-u2', entry('evidence.attach'));
    const stored = await store.evidenceContent(again?.id as number);
    expect(stored).toMatchObject({ key: { ...KEY, unitCode: 'U2' }, file: { fileName: 'CV 123 gửi thành phố.pdf', size: letter.length } });
    expect(stored?.content.equals(letter)).toBe(true);
    expect(await store.evidenceContent(Number.MAX_SAFE_INTEGER)).toBeNull();
  });

  it('goes with the data when it is cleared', async () => {
    const [record] = await store.listValueRecords({ unitCode: 'U2', period: null });
    await store.clearData();
    expect(await store.evidenceContent(record?.evidence?.id as number)).toBeNull();
    expect(await store.listValueRecords({ unitCode: null, period: null })).toEqual([]);
  });
});
