import { readFileSync } from 'node:fs';
import { importFile } from '../import/run-import';
import { hanoiUnits } from '../seed/demo-units';
import { DuckDbStore } from '../store/duckdb/duckdb-store';
import type { ImportKind } from '../../shared/schemas/import';

/**
 * `tsx server/testing/import-peak-memory.ts KIND FILE`: imports one file into an in-memory database holding Hà Nội's
 * units, in a process of its own, and prints the report's first issues and the process's peak RSS (VmHWM) in MB.
 */
const [kind, path] = process.argv.slice(2) as [ImportKind, string];
const store = await DuckDbStore.open(':memory:');
const units = hanoiUnits();
await store.replaceUnits(units, { kind: 'units', fileName: 'units', rows: units.length, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now() });
const before = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const report = await importFile(store, { kind, source: { path }, fileName: path, actor: null });
await store.close();
const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
process.stdout.write(`${JSON.stringify({ ok: report.ok, rows: report.rows, issues: report.issues.slice(0, 3), rssBeforeMb: Math.round(before), peakRssMb: Math.round(peak) })}\n`);
