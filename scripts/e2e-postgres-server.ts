// The second web server of the browser tests (playwright.config.ts): chiso on a throwaway PostgreSQL, started from
// Debian's binaries as the storage contract tests do (server/store/postgres/throwaway-cluster.ts), with four weeks
// of the demo (Hà Nội's units, targets and synthetic dossiers up to now, demo accounts) so that it is ready in
// seconds. The cluster is stopped and removed when this process exits.
import { seedDemoAccounts } from '../server/auth/demo-accounts';
import { hanoiJuly2025Targets, hanoiUnits } from '../server/seed/demo-units';
import { profileOf, unitDossiers } from '../server/seed/demo-dossiers';
import { PostgresStore } from '../server/store/postgres/postgres-store';
import { startThrowawayCluster } from '../server/store/postgres/throwaway-cluster';

const DAY = 86_400_000;
const cluster = await startThrowawayCluster();
process.on('exit', cluster.stop);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));

const now = Date.now();
const store = await PostgresStore.open(cluster.url, { poolSize: 2 });
const record = (kind: 'units' | 'targets' | 'dossiers', rows: number) => ({ kind, fileName: 'demo data (synthetic), four weeks', rows, outcome: 'imported' as const, errorCount: 0, actor: 'seed-demo', startedAt: now });
const units = hanoiUnits();
await store.replaceUnits(units, record('units', units.length));
const targets = hanoiJuly2025Targets();
await store.replaceTargets(targets, record('targets', targets.length));
const writer = await store.openDossierWriter();
let count = 0;
for (const unit of units) {
  for (const dossier of unitDossiers(unit, profileOf(unit, new Set()), now - 28 * DAY, now)) {
    writer.append(dossier);
    count += 1;
  }
}
await writer.commit(record('dossiers', count));
await store.setMeta('dataset', 'demo');
await seedDemoAccounts(store, units);
await store.close();
process.stdout.write(`PostgreSQL for the browser tests at ${cluster.url}: ${units.length} units, ${count} dossiers\n`);

process.env.CHISO_DB = cluster.url;
process.env.CHISO_REPORT_SCHEDULE = 'off';
await import('../server/start');
