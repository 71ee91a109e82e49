import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewNotice, Store } from '../port';
import { ENGINES } from '../testing/engines';

const entry = { actor: 'head-00070', action: 'commitments.submit', target: '00070', before: null, after: null, address: null };
const commitment = (unitCode: string, period: string, createdAt: string) => ({
  unitCode, period, measure: 'onlineRate', explanation: 'Thiếu cán bộ hướng dẫn nộp trực tuyến', action: 'Bố trí 2 cán bộ tại bộ phận một cửa', dueDate: '2025-08-15', createdAt, createdBy: 'head-00070',
});
const notice = (recipient: string, kind: 'escalation' | 'digest', unitCode: string | null): NewNotice => ({
  recipient, period: '2025-W31', kind, unitCode, payload: '[]', createdAt: '2025-08-04T00:00:00.000Z', email: null, language: 'vi', mailStatus: 'none',
});

describe.each(ENGINES)('commitments, decisions and notices on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it('appends commitments with their audit entry and lists them newest first, by unit and period', async () => {
    const a = await store.addCommitment(commitment('00070', '2025-W31', '2025-08-05T01:00:00.000Z'), entry);
    const b = await store.addCommitment(commitment('00070', '2025-W32', '2025-08-12T01:00:00.000Z'), entry);
    const c = await store.addCommitment(commitment('00082', '2025-W31', '2025-08-06T01:00:00.000Z'), entry);
    expect(a).toEqual({ ...commitment('00070', '2025-W31', '2025-08-05T01:00:00.000Z'), id: a.id });
    expect(await store.listCommitments({})).toEqual([b, c, a]);
    expect(await store.listCommitments({ unitCode: '00070' })).toEqual([b, a]);
    expect(await store.listCommitments({ period: '2025-W31' })).toEqual([c, a]);
    expect(await store.listCommitments({ unitCode: '00082', period: '2025-W32' })).toEqual([]);
    const [audit] = await store.listAudit(1, 0);
    expect(audit).toMatchObject({ action: 'commitments.submit', after: JSON.stringify(c) });
  });

  it('appends decisions and lists them newest first, by unit and period', async () => {
    const d = { unitCode: '00070', period: '2025-W31', decision: 'Kiểm điểm trách nhiệm', owner: 'Chủ tịch UBND phường', dueDate: '2025-08-20', createdAt: '2025-08-07T02:00:00.000Z', createdBy: 'leader' };
    const first = await store.addDecision(d, { ...entry, action: 'decisions.add' });
    const second = await store.addDecision({ ...d, unitCode: 'SO-TP', createdAt: '2025-08-08T02:00:00.000Z' }, { ...entry, action: 'decisions.add' });
    expect(first).toEqual({ ...d, id: first.id });
    expect(await store.listDecisions({})).toEqual([second, first]);
    expect(await store.listDecisions({ unitCode: '00070', period: '2025-W31' })).toEqual([first]);
  });

  it('makes a notice once per recipient, period, kind and unit, and records its delivery', async () => {
    const made = await store.addNotices([notice('leader', 'digest', null), notice('head-00070', 'escalation', '00070'), notice('head-00070', 'escalation', '00082')]);
    expect(made).toHaveLength(3);
    const again = await store.addNotices([notice('leader', 'digest', null), notice('head-00070', 'escalation', '00070'), { ...notice('leader', 'digest', null), period: '2025-W32', createdAt: '2025-08-11T00:00:00.000Z' }]);
    expect(again.map((n) => n.period)).toEqual(['2025-W32']);
    const [latest, earlier] = await store.listNotices('leader', 10);
    expect(latest).toEqual({ ...notice('leader', 'digest', null), period: '2025-W32', createdAt: '2025-08-11T00:00:00.000Z', id: again[0]?.id, mailAttempts: 0 });
    await store.recordDelivery(earlier?.id as number, 'sent', 2);
    expect((await store.listNotices('leader', 1))[0]?.mailStatus).toBe('none');
    expect((await store.listNotices('leader', 10))[1]).toMatchObject({ mailStatus: 'sent', mailAttempts: 2 });
    expect(await store.listNotices('head-00070', 10)).toHaveLength(2);
  });

  it('hands a pending notice to one claimer until its lease lapses or it is let go, and never a settled one', async () => {
    const pending = (recipient: string): NewNotice => ({ ...notice(recipient, 'escalation', '00070'), period: '2025-W40', email: `${recipient}@hanoi.gov.vn`, mailStatus: 'pending' });
    const [a, b] = await store.addNotices([pending('head-a'), pending('head-b'), { ...notice('head-c', 'escalation', '00070'), period: '2025-W40' }]);
    const t = 1_000_000;
    const [first, second] = await Promise.all([store.claimNotices('server-1', t, t + 60_000), store.claimNotices('server-2', t, t + 60_000)]);
    expect([...first, ...second].map((n) => n.recipient).sort()).toEqual(['head-a', 'head-b']);
    expect(first.length === 0 || second.length === 0).toBe(true);
    const holder = first.length ? 'server-1' : 'server-2';
    expect(await store.claimNotices('server-3', t + 59_999, t + 120_000)).toEqual([]);

    // A failed try keeps the claim until the next one; a settled notice is never claimed again.
    await store.recordDelivery(a?.id as number, 'pending', 1, t + 300_000);
    await store.recordDelivery(b?.id as number, 'sent', 1);
    expect((await store.claimNotices('server-3', t + 60_000, t + 120_000)).map((n) => n.id)).toEqual([]);
    const lapsed = await store.claimNotices('server-3', t + 300_000, t + 400_000);
    expect(lapsed).toEqual([{ ...pending('head-a'), id: a?.id, mailAttempts: 1 }]);

    // A process that stops lets go of what it holds: the next one takes it at once; another's claims stay.
    await store.releaseNotices(holder);
    expect(await store.claimNotices('server-4', t + 300_001, t + 400_000)).toEqual([]);
    await store.releaseNotices('server-3');
    expect((await store.claimNotices('server-4', t + 300_001, t + 400_000)).map((n) => [n.recipient, n.mailAttempts])).toEqual([['head-a', 1]]);
    await store.recordDelivery(a?.id as number, 'failed', 4);
    await store.releaseNotices('server-4');
    expect(await store.claimNotices('server-5', t + 10_000_000, t + 10_100_000)).toEqual([]);
  });

  it('keeps every version of the escalation ladder, numbered from 1, audited, moving the data version', async () => {
    expect(await store.listLadders()).toEqual([]);
    const before = await store.dataVersion();
    const audit = { actor: 'admin', action: 'ladder.save', target: null, before: null, after: null, address: '127.0.0.1' };
    const first = await store.saveLadder({ effectiveFrom: '2025-09-01', json: '[{"level":"reminder"}]', createdBy: 'admin' }, audit);
    expect(first).toMatchObject({ version: 1, effectiveFrom: '2025-09-01', json: '[{"level":"reminder"}]', createdBy: 'admin' });
    expect(await store.dataVersion()).toBeGreaterThan(before);
    const second = await store.saveLadder({ effectiveFrom: '2025-08-25', json: '[]', createdBy: null }, audit);
    expect(second.version).toBe(2);
    expect(await store.listLadders()).toEqual([first, second]);
    const [entry] = await store.listAudit(1, 0);
    expect(entry).toMatchObject({ action: 'ladder.save', actor: 'admin', target: 'ladder/v2', after: JSON.stringify(second) });
  });

  it('forgets commitments, decisions and notices with the data', async () => {
    await store.clearData();
    expect(await store.listCommitments({})).toEqual([]);
    expect(await store.listDecisions({})).toEqual([]);
    expect(await store.listNotices('leader', 10)).toEqual([]);
    expect((await store.listLadders()).map((l) => l.version)).toEqual([1, 2]);
  });
});
