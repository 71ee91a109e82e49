import { addForm06, EMPTY_FORM06 } from '../../shared/kpi/form06';
import { cutOff } from '../../shared/kpi/periods';
import type { Form06, Form06Counts, Form06Row } from '../../shared/schemas/form06';
import type { Period } from '../../shared/schemas/period';
import { GROUPS, groupOfKind, type Group, type Unit } from '../../shared/schemas/unit';
import { asOfInstant, cachedUnits, periodOrThrow, type AnalyticsDeps } from './deps';

export interface Form06Request {
  period: string;
  group?: Group | undefined;
  asOf?: string | undefined;
}

/** Biểu 06 with what a printed form shows beyond the JSON: the period, the cut-off and the rows by group. */
export interface Form06Document {
  form: Form06;
  period: Period;
  cutOff: number;
  group: Group | null;
  sections: { group: Group; rows: Form06Row[]; subtotal: Form06Counts }[];
  demo: boolean;
}

const sum = (rows: readonly Form06Counts[]): Form06Counts => rows.reduce<Form06Counts>((a, b) => addForm06(a, b), EMPTY_FORM06);

function counts(row: Form06Row): Form06Counts {
  const { unitCode: _code, unitName: _name, ...c } = row;
  return c;
}

/** Communes (cấp xã) first, then departments (cấp tỉnh), as the province's own list orders them: by unit code. */
function sectionsOf(units: readonly Unit[], group: Group | undefined): { group: Group; units: Unit[] }[] {
  return GROUPS.filter((g) => !group || g === group).map((g) => ({
    group: g,
    units: units.filter((u) => groupOfKind(u.kind) === g).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  }));
}

export async function form06Document(deps: AnalyticsDeps, req: Form06Request): Promise<Form06Document> {
  const period = periodOrThrow(req.period);
  const asOf = asOfInstant(deps, req.asOf);
  const e = cutOff(period, asOf);
  const window = { start: period.start, cutOff: e };
  const compute = () => deps.store.form06Counts(window);
  // Figures at a given window depend only on the data: a complete period is kept for the data version.
  const [byUnit, units, dataset] = await Promise.all([
    e === period.end ? deps.cache.remember(deps.store, `form06|${period.start}|${e}`, compute) : compute(),
    cachedUnits(deps),
    deps.store.getMeta('dataset'),
  ]);
  const sections = sectionsOf(units, req.group).map((s) => {
    const rows = s.units.map((u) => ({ unitCode: u.code, unitName: u.name, ...(byUnit.get(u.code) ?? EMPTY_FORM06) }));
    return { group: s.group, rows, subtotal: sum(rows.map(counts)) };
  });
  const rows = sections.flatMap((s) => s.rows);
  const form: Form06 = { period: period.id, asOf: new Date(asOf).toISOString(), rows, total: sum(sections.map((s) => s.subtotal)) };
  return { form, period, cutOff: e, group: req.group ?? null, sections, demo: dataset === 'demo' };
}

/** `reports.form06` and `chiso form06 --json` (SPEC §8). */
export async function form06(deps: AnalyticsDeps, req: Form06Request): Promise<Form06> {
  return (await form06Document(deps, req)).form;
}
