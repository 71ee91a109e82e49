import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../../shared/schemas/dossier';
import { dayNumber } from '../rollup-sql';
import type { Store } from '../port';
import { ENGINES } from '../testing/engines';
import { outcome, randomDossiers, writeDossiers } from '../testing/random-dossiers';

const entry = { actor: 'admin', action: 'test', target: null, before: null, after: null, address: null };
const target = { measure: 'onTimeRate' as const, kind: 'commune' as const, unitCode: null, threshold: 100, effectiveFrom: '2025-07-01', deadline: null };

/** The received-day span per unit of the counted dossiers among `dossiers` (all of the generator's are counted unless withdrawn/not received). */
function spans(dossiers: readonly DossierRecord[]): Map<string, { lo: number; hi: number }> {
  const out = new Map<string, { lo: number; hi: number }>();
  for (const d of dossiers) {
    const day = dayNumber(d.receivedAt);
    const known = out.get(d.unitCode);
    out.set(d.unitCode, known ? { lo: Math.min(known.lo, day), hi: Math.max(known.hi, day) } : { lo: day, hi: day });
  }
  return out;
}

describe.each(ENGINES)('what each data version changed in the dossiers, on $name (decision 029)', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it('says nothing of a load into an empty table (rebuilt whole), and names the units and days of a small import', async () => {
    const v0 = await store.dataVersion();
    await writeDossiers(store, randomDossiers(400, 91));
    const v1 = await store.dataVersion();
    expect(await store.dataChanges(v0, v1)).toBeNull();

    // Two stored dossiers of one unit are imported again with other received days, and one new dossier of another.
    const [a, b] = randomDossiers(400, 91).filter((d) => d.unitCode === 'U2' && d.status !== 'withdrawn' && d.status !== 'not_received');
    const moved = [a, b].map((d) => ({ ...(d as DossierRecord), receivedAt: (d as DossierRecord).receivedAt + 9 * 86_400_000, dueAt: (d as DossierRecord).dueAt + 9 * 86_400_000, completedAt: null }));
    const added = { ...(randomDossiers(1, 92)[0] as DossierRecord), dossierId: 'NEW-1', unitCode: 'U5', status: null };
    await writeDossiers(store, [...moved, added]);
    const v2 = await store.dataChanges(v1, await store.dataVersion());
    const counted = (ds: readonly DossierRecord[]) => spans(ds);
    const expected = counted([a as DossierRecord, b as DossierRecord, ...moved, added]);
    // An import changes nothing but dossiers: units, targets and the like stay cached.
    expect(v2).toEqual({ dossiers: expected, onlyDossiers: true });
  });

  it('says that targets, indicators, commitments and decisions changed no dossier, and spans several versions', async () => {
    const v0 = await store.dataVersion();
    await store.replaceTargets([target], null);
    await store.upsertTarget({ ...target, threshold: 95 }, entry);
    await store.saveIndicators([{ code: 'X_1', name: 'X', nameEn: null, pillar: 'other', unit: 'count', direction: 'higher', frequency: 'month', kinds: [], description: null }], null, entry);
    await store.replaceIndicatorValues([{ indicator: 'X_1', unitCode: 'U1', period: '2025-07', numerator: null, denominator: null, value: 3, note: null }], outcome(1, 'values'), null);
    const at = new Date().toISOString();
    await store.addCommitment({ unitCode: 'U1', period: '2025-W31', measure: 'onlineRate', explanation: 'e', action: 'a', dueDate: '2025-08-15', createdAt: at, createdBy: null }, entry);
    await store.addDecision({ unitCode: 'U1', period: '2025-W31', decision: 'd', owner: 'o', dueDate: '2025-08-15', createdAt: at, createdBy: null }, entry);
    const v1 = await store.dataVersion();
    expect(v1 - v0).toBe(6);
    expect(await store.dataChanges(v0, v1)).toEqual({ dossiers: new Map(), onlyDossiers: false });

    const extra = { ...(randomDossiers(1, 93)[0] as DossierRecord), dossierId: 'NEW-2', unitCode: 'U6', status: null };
    await writeDossiers(store, [extra]);
    await store.deleteTarget(target, entry);
    const v2 = await store.dataVersion();
    expect(await store.dataChanges(v0, v2)).toEqual({ dossiers: spans([extra]), onlyDossiers: false });
    // The import alone: dossiers only; with the target deleted after it: not.
    expect(await store.dataChanges(v1, v1 + 1)).toEqual({ dossiers: spans([extra]), onlyDossiers: true });
    expect(await store.dataChanges(v1 + 1, v2)).toEqual({ dossiers: new Map(), onlyDossiers: false });
  });

  it('answers "unknown" for a version that did not say (meta, clearing) and for a range that runs backwards', async () => {
    const v0 = await store.dataVersion();
    await store.setMeta('dataset', 'real');
    expect(await store.dataChanges(v0, await store.dataVersion())).toBeNull();
    const v1 = await store.dataVersion();
    await store.clearData();
    expect(await store.dataChanges(v1, await store.dataVersion())).toBeNull();
    expect(await store.dataChanges(v1, v0)).toBeNull();
  });
});
