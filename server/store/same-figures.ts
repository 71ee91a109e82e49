import { isDeepStrictEqual } from 'node:util';
import { periodsBetween } from '../../shared/kpi/periods';
import type { Store } from './port';

const sorted = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

/**
 * Holds two stores against each other through the port: the same units, targets, catalogue, values, accounts,
 * imports, reports and audit trail, and the same counts for every unit in every month of the data. Throws, naming
 * what differs; returns what was compared.
 */
export async function sameFigures(a: Store, b: Store): Promise<string> {
  const range = await a.receivedRange();
  const months = range ? periodsBetween('month', range.first, range.last + 1).map((p) => ({ start: p.start, cutOff: p.end })) : [];
  const reads: [string, (s: Store) => Promise<unknown>][] = [
    ['received range', (s) => s.receivedRange()],
    ['units', (s) => s.listUnits()],
    ['targets', (s) => s.listTargets()],
    ['indicators', (s) => s.listIndicators()],
    ['indicator values', (s) => s.listIndicatorValues()],
    ['index definitions', (s) => s.listDefinitions()],
    ['accounts', (s) => s.listAccounts()],
    ['imports', (s) => s.listImports(1_000_000)],
    ['reports', (s) => s.listReports()],
    ['audit trail', (s) => s.listAudit(1_000_000, 0)],
    ['monthly counts', async (s) => sorted(await s.countsByUnit(months))],
  ];
  for (const [what, read] of reads) {
    const [x, y] = await Promise.all([read(a), read(b)]);
    if (!isDeepStrictEqual(x, y)) throw new Error(`The two databases differ in their ${what}.`);
  }
  return `${reads.length} listings equal, counts of ${months.length} months`;
}
