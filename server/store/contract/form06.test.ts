import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../../shared/schemas/dossier';
import { EMPTY_FORM06, form06FromDossiers } from '../../../shared/kpi/form06';
import { mustParsePeriod } from '../../../shared/kpi/periods';
import type { Store, Window } from '../port';
import { ENGINES } from '../testing/engines';
import { HOUR, lcg, outcome, RANDOM_START, randomDossiers, UNIT_COUNT } from '../testing/random-dossiers';

const DAY = 24 * HOUR;
const UNITS = Array.from({ length: UNIT_COUNT }, (_, u) => `U${u}`);
const at = Date.parse;

/** Completions on either side of 00:00 in Vietnam (17:00 UTC) against due times on either side of it. */
function dayBoundaryDossiers(): DossierRecord[] {
  const base = randomDossiers(1, 99)[0] as DossierRecord;
  const dues = [at('2025-07-30T17:00:00Z'), at('2025-07-31T16:59:59.999Z'), at('2025-07-31T07:00:00Z')];
  const completions = [at('2025-07-30T16:59:59.999Z'), at('2025-07-30T17:00:00Z'), at('2025-07-31T16:59:59.999Z'), at('2025-07-31T17:00:00Z'), at('2025-07-31T07:00:00Z')];
  return dues.flatMap((dueAt, i) =>
    completions.map((completedAt, j) => ({ ...base, dossierId: `B${i}-${j}`, unitCode: 'U0', status: 'completed' as const, receivedAt: at('2025-07-29T01:00:00Z'), dueAt, completedAt })),
  );
}

describe.each(ENGINES)('Biểu 06 on $name', (engine) => {
  let store: Store;
  const dossiers = [...randomDossiers(4000, 23), ...dayBoundaryDossiers()];
  const mine = (unit: string) => dossiers.filter((d) => d.unitCode === unit);
  const expectAll = async (window: Window, label: string) => {
    const got = await store.form06Counts(window);
    for (const unit of UNITS) expect(got.get(unit) ?? EMPTY_FORM06, `${unit} ${label}`).toEqual(form06FromDossiers(mine(unit), window.start, window.cutOff));
    return got;
  };

  beforeAll(async () => {
    store = await engine.open();
    const writer = await store.openDossierWriter();
    dossiers.forEach((d, i) => writer.append(d, i + 2));
    await writer.commit(outcome(dossiers.length));
  });
  afterAll(() => store?.close());

  it('counts a week, a month, a quarter and a range exactly as the reference does, complete and cut mid-way', async () => {
    for (const id of ['2025-W31', '2025-07', '2025-08', '2025-Q3', '2025-07-10..2025-07-20']) {
      const p = mustParsePeriod(id);
      await expectAll({ start: p.start, cutOff: p.end }, id);
      await expectAll({ start: p.start, cutOff: Math.round((p.start + p.end) / 2) }, `${id} mid-way`);
    }
  });

  it('judges at cut-offs that fall exactly on a completion, a due time or a receipt, and on the window start', async () => {
    const rnd = lcg(5);
    const pick = () => dossiers[Math.floor(rnd() * dossiers.length)] as DossierRecord;
    for (let i = 0; i < 12; i++) {
      const d = pick();
      const cutOff = [d.completedAt ?? d.dueAt, d.dueAt, d.receivedAt][i % 3] as number;
      await expectAll({ start: cutOff - (2 + (i % 9)) * DAY, cutOff }, `cut at ${new Date(cutOff).toISOString()}`);
      if (d.completedAt !== null) await expectAll({ start: d.completedAt, cutOff: d.completedAt + 5 * DAY }, `start at ${new Date(d.completedAt).toISOString()}`);
    }
  });

  it('tells early from on time by the Vietnam day, across 17:00 UTC', async () => {
    const p = mustParsePeriod('2025-W31');
    const got = await expectAll({ start: p.start, cutOff: p.end }, 'W31');
    const boundary = form06FromDossiers(dayBoundaryDossiers(), p.start, p.end);
    expect(boundary).toMatchObject({ resolvedEarly: 3, resolvedOnTime: 6, resolvedLate: 6 });
    expect(got.get('U0')?.resolvedEarly).toBeGreaterThanOrEqual(3);
  });

  it('takes a cut-off before the start as the form stood then, and answers for the units asked for only', async () => {
    await expectAll({ start: RANDOM_START + 30 * DAY, cutOff: RANDOM_START + 20 * DAY + 5 * HOUR }, 'cut-off before start');
    const q3 = mustParsePeriod('2025-Q3');
    const got = await store.form06Counts({ start: q3.start, cutOff: q3.end }, ['U1', 'U4', 'nobody']);
    expect([...got.keys()].sort()).toEqual(['U1', 'U4']);
    expect(got.get('U4')).toEqual(form06FromDossiers(mine('U4'), q3.start, q3.end));
    const empty = await engine.open();
    try {
      expect(await empty.form06Counts({ start: q3.start, cutOff: q3.end })).toEqual(new Map());
    } finally {
      await empty.close();
    }
  });
});
