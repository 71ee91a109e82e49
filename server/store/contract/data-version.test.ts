import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';
import { outcome, randomDossiers } from '../testing/random-dossiers';

const entry = { actor: 'admin', action: 'test', target: null, before: null, after: null, address: null };
const target = { measure: 'onTimeRate' as const, kind: 'commune' as const, unitCode: null, threshold: 100, effectiveFrom: '2025-07-01', deadline: null };
const unit = { code: 'U1', name: 'Phường Một', nameEn: null, kind: 'ward' as const, parentCode: null, headName: null, headTitle: null, population: null };

describe.each(ENGINES)('the data version on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  /** Runs `change` and tells whether the data version moved. */
  async function moves(change: () => Promise<unknown>): Promise<boolean> {
    const before = await store.dataVersion();
    await change();
    return (await store.dataVersion()) !== before;
  }

  it('moves with every change figures depend on', async () => {
    const writer = async () => {
      const w = await store.openDossierWriter();
      randomDossiers(50, 31).forEach((d, i) => w.append(d, i + 2));
      return w;
    };
    expect(await moves(async () => (await writer()).commit(outcome(50)))).toBe(true);
    expect(await moves(() => store.replaceUnits([unit], outcome(1, 'units')))).toBe(true);
    expect(await moves(() => store.saveUnit({ ...unit, name: 'Phường Một Mới' }, entry))).toBe(true);
    expect(await moves(() => store.replaceTargets([target], null))).toBe(true);
    expect(await moves(() => store.upsertTarget({ ...target, threshold: 95 }, entry))).toBe(true);
    expect(await moves(() => store.deleteTarget(target, entry))).toBe(true);
    expect(await moves(() => store.saveIndicators([{ code: 'X_1', name: 'X', nameEn: null, pillar: 'other', unit: 'count', direction: 'higher', frequency: 'month', kinds: [], description: null }], null, entry))).toBe(true);
    expect(await moves(() => store.replaceIndicatorValues([{ indicator: 'X_1', unitCode: 'U1', period: '2025-07', numerator: null, denominator: null, value: 3, note: null }], outcome(1, 'values'), null))).toBe(true);
    expect(await moves(() => store.saveDefinition({ id: 'd', version: 1, json: '{}', createdBy: null }, entry))).toBe(true);
    // Flag lists and unit pages show the latest commitment and the meeting's decisions: cached answers must go.
    const at = new Date().toISOString();
    expect(await moves(() => store.addCommitment({ unitCode: 'U1', period: '2025-W31', measure: 'onlineRate', explanation: 'e', action: 'a', dueDate: '2025-08-15', createdAt: at, createdBy: null }, entry))).toBe(true);
    expect(await moves(() => store.addDecision({ unitCode: 'U1', period: '2025-W31', decision: 'd', owner: 'o', dueDate: '2025-08-15', createdAt: at, createdBy: null }, entry))).toBe(true);
    expect(await moves(() => store.setMeta('dataset', 'real'))).toBe(true);
    expect(await moves(() => store.clearData())).toBe(true);
  });

  it('stays put for sign-ins, audit entries, reports, claims, refused imports and aborted writers', async () => {
    const now = Date.now();
    expect(await moves(() => store.saveAccount({ username: 'a', displayName: null, role: 'admin', unitCode: null, passwordHash: 'h', disabled: false, demo: false, createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() }, entry))).toBe(false);
    expect(await moves(() => store.createSession('s', 'a', now, now + 60_000))).toBe(false);
    expect(await moves(() => store.findSession('s'))).toBe(false);
    expect(await moves(() => store.deleteSession('s'))).toBe(false);
    expect(await moves(() => store.audit(entry))).toBe(false);
    expect(await moves(() => store.recordImport({ ...outcome(3), outcome: 'refused', errorCount: 1 }))).toBe(false);
    expect(await moves(() => store.claimRun(`weekly:${now}`, 'test'))).toBe(false);
    const report = { period: '2025-W31', format: 'csv' as const, language: 'vi' as const, cutOff: new Date(now).toISOString(), generatedAt: new Date(now).toISOString(), inputsHash: 'h', definitionId: 'chiso-v2', targets: '[]', trigger: 'cli' as const, createdBy: null, definitionJson: '{}' };
    expect(await moves(() => store.saveReport(report, Buffer.from('x')))).toBe(false);
    expect(await moves(() => store.deleteTarget({ ...target, effectiveFrom: '1999-01-01' }, entry))).toBe(false);
    expect(await moves(async () => {
      const w = await store.openDossierWriter();
      randomDossiers(20, 32).forEach((d) => w.append(d));
      await w.abort();
    })).toBe(false);
    expect(await moves(() => store.addNotices([{ recipient: 'a', period: '2025-W31', kind: 'digest', unitCode: null, payload: '[]', createdAt: new Date(now).toISOString(), email: null, language: 'vi', mailStatus: 'none' }]))).toBe(false);
  });
});
