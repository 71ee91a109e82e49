import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustParsePeriod } from '../../../shared/kpi/periods';
import { openTestPostgres } from '../testing/engines';
import { outcome, randomDossiers } from '../testing/random-dossiers';
import type { PostgresStore } from './postgres-store';

/** What the cold answers and the import's speed on PostgreSQL depend on (decision 027). */
describe('the PostgreSQL store’s session settings', () => {
  let store: PostgresStore;
  beforeAll(async () => {
    store = await openTestPostgres(2);
  });
  afterAll(() => store?.close());

  it('runs every pooled connection without JIT compilation, and an import’s larger sort memory stays in its own transaction', async () => {
    const writer = await store.openDossierWriter();
    randomDossiers(200, 61).forEach((d, i) => writer.append(d, i + 2));
    await writer.commit(outcome(200));
    const settings = await Promise.all(
      [1, 2, 3, 4].map(() => store.rows(`SELECT current_setting('jit') AS jit, setting = reset_val AS default_work_mem FROM pg_settings WHERE name = 'work_mem'`)),
    );
    for (const [row] of settings) expect(row).toEqual({ jit: 'off', default_work_mem: true });
  });

  it('sums an empty window from the rollups as no receipts, alongside a week that has them', async () => {
    const week = mustParsePeriod('2025-W28');
    expect((await store.countsByUnit([{ start: week.start, cutOff: week.start }])).size).toBe(0);
    const counts = await store.countsByUnit([{ start: week.start, cutOff: week.start }, { start: week.start, cutOff: week.end }]);
    expect(counts.size).toBeGreaterThan(0);
    for (const [, series] of counts) {
      expect(series[0]).toBeUndefined();
      expect(series[1]?.received).toBeGreaterThan(0);
    }
  });
});
