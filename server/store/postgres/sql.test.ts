import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPostgres } from '../testing/engines';
import { lcg } from '../testing/random-dossiers';
import type { PostgresStore } from './postgres-store';
import { microsText, PG } from './sql';

describe("PostgreSQL's epoch of an instant", () => {
  let store: PostgresStore;
  beforeAll(async () => {
    store = await openTestPostgres(1);
  });
  afterAll(() => store?.close());

  it('is exact to the microsecond, and truncated to the millisecond, for every instant from 2000 to 2100', async () => {
    const from = BigInt(Date.parse('2000-01-01T00:00:00Z')) * 1000n;
    const to = BigInt(Date.parse('2101-01-01T00:00:00Z')) * 1000n;
    const rnd = lcg(77);
    // The edges (whole seconds, the last microsecond of a second and of the range) and random microseconds.
    const instants = [from, to - 1n, from + 999_999n, to - 1_000_000n, to - 999n, ...Array.from({ length: 3000 }, () => from + BigInt(Math.floor(rnd() * Number(to - from))))];
    const rows = await store.rows(
      `SELECT i, ${PG.epochUs('t')}::TEXT AS us, ${PG.epochMs('t')}::TEXT AS ms FROM (VALUES ${instants.map((us, i) => `(${i}, TIMESTAMPTZ '${microsText(us)}')`).join(', ')}) v(i, t) ORDER BY i`,
    );
    expect(rows.map((r) => [r.us, r.ms])).toEqual(instants.map((us) => [String(us), String(us / 1000n)]));
  });
});
