import { writeFileSync } from 'node:fs';
import { hanoiUnits } from '../server/seed/demo-units';
import { DuckDbStore } from '../server/store/duckdb/duckdb-store';
import { benchDossiers } from './generate';

/** Fills a benchmark database through the store's writer, in its own process (DuckDB locks the file per process). */
const [path, countText] = process.argv.slice(2) as [string, string];
const count = Number(countText);
const units = hanoiUnits();
const store = await DuckDbStore.open(path);
await store.clearData();
await store.replaceUnits(units, { kind: 'units', fileName: 'bench', rows: units.length, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
const writer = await store.openDossierWriter();
for (const d of benchDossiers(units, count, 2)) writer.append(d);
await writer.commit({ kind: 'dossiers', fileName: 'bench', rows: count, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
await store.close();
writeFileSync(`${path}.count`, String(count));
