import { seedDemoAccounts } from '../auth/demo-accounts';
import type { Store } from '../store/port';
import { vnStartOfDate } from '../../shared/kpi/vn-time';
import { DEMO_START, profileOf, unitDossiers } from './demo-dossiers';
import { hanoiJuly2025Targets, hanoiUnits } from './demo-units';
import { seedOf } from './random';
import { demoIndicatorValues } from './demo-values';
import { HANOI_PROGRAMME_KPIS, programmeTargets } from './programme-kpis';
import { QD766_INDICATORS } from '../../shared/kpi/definitions/qd766-catalogue';

export interface SeedSummary {
  units: number;
  targets: number;
  dossiers: number;
  values: number;
  accounts: number;
}

const TINY_COMMUNES = 3;

/** Replaces all data with the demo: Hà Nội's real units and July 2025 targets, synthetic dossiers up to `now`. */
export async function seedDemo(store: Store, now: number): Promise<SeedSummary> {
  const startedAt = Date.now();
  const record = (kind: 'units' | 'targets' | 'dossiers', rows: number) => ({ kind, fileName: 'demo data (synthetic)', rows, outcome: 'imported' as const, errorCount: 0, actor: 'seed-demo', startedAt });
  await store.clearData();
  const units = hanoiUnits();
  await store.replaceUnits(units, record('units', units.length));
  const targets = [...hanoiJuly2025Targets(), ...programmeTargets()];
  await store.replaceTargets(targets, record('targets', targets.length));
  const communes = units.filter((u) => u.kind !== 'department');
  const tiny = new Set(communes.map((u) => u.code).sort((a, b) => seedOf(a) - seedOf(b)).slice(0, TINY_COMMUNES));
  const start = vnStartOfDate(DEMO_START);
  const writer = await store.openDossierWriter();
  let dossiers = 0;
  try {
    for (const unit of units) {
      for (const dossier of unitDossiers(unit, profileOf(unit, tiny), start, now)) {
        writer.append(dossier);
        dossiers += 1;
      }
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit(record('dossiers', dossiers));
  await store.saveIndicators(HANOI_PROGRAMME_KPIS, null, null);
  const values = demoIndicatorValues(units, start, now, [...QD766_INDICATORS, ...HANOI_PROGRAMME_KPIS]);
  await store.replaceIndicatorValues(values, { ...record('dossiers', values.length), kind: 'values' }, 'seed-demo');
  await store.setMeta('dataset', 'demo');
  const accounts = await seedDemoAccounts(store, units);
  return { units: units.length, targets: targets.length, dossiers, values: values.length, accounts };
}
