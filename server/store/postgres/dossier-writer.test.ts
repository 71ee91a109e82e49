import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPostgres } from '../testing/engines';
import { outcome, randomDossiers } from '../testing/random-dossiers';
import type { PostgresStore } from './postgres-store';

describe('the PostgreSQL dossier writer', () => {
  let store: PostgresStore;
  beforeAll(async () => {
    store = await openTestPostgres(2);
  });
  afterAll(() => store?.close());

  it('leaves nothing when aborted in the middle of a COPY, and its connection is not reused half-way', async () => {
    const writer = await store.openDossierWriter();
    randomDossiers(20_000, 51).forEach((d, i) => writer.append(d, i + 2));
    await writer.abort();
    await writer.abort();
    expect(await store.receivedRange()).toBeNull();
    const again = await Promise.all([store.openDossierWriter(), store.openDossierWriter()]);
    for (const w of again) await w.abort();
    expect(await store.dataVersion()).toBeGreaterThan(0);
  });

  it('rolls back a commit the database refuses, and says why', async () => {
    const writer = await store.openDossierWriter();
    const [d] = randomDossiers(1, 52);
    writer.append({ ...(d as NonNullable<typeof d>), procedureName: 'NUL \u0000 inside' });
    await expect(writer.commit(outcome(1))).rejects.toThrow(/0x00|invalid byte sequence/);
    expect(await store.receivedRange()).toBeNull();
    expect(() => writer.append(d as NonNullable<typeof d>)).toThrow('already finished');
  });

  it('refuses a commit with an id twice (the import reports it before; a direct caller gets an error, not a silent pick)', async () => {
    const writer = await store.openDossierWriter();
    const [d] = randomDossiers(1, 53);
    writer.append(d as NonNullable<typeof d>, 2);
    writer.append(d as NonNullable<typeof d>, 3);
    await expect(writer.commit(outcome(2))).rejects.toThrow(/duplicate key/);
    expect(await store.receivedRange()).toBeNull();
  });
});
