import type { Indicator, IndicatorValue } from '../../shared/domain/indicator';
import { parsePeriod } from '../../shared/kpi/periods';
import { figureValue } from '../../shared/kpi/reported-values';
import { addDays, formatCivilDate, parseDateString, vnStartOfDate } from '../../shared/kpi/vn-time';
import type { Unit } from '../../shared/schemas/unit';
import { UserError } from '../errors';
import type { ValueRecord } from '../store/port';
import { msg } from '../../shared/messages/catalogue';

/** Units report a period's figures within this many days of its end (the city's usual deadline for monthly reports). */
export const REPORTING_DAYS = 5;

export type RoundStatus = 'reported' | 'returned' | 'missing' | 'late';

export interface RoundRow {
  indicator: string;
  unitCode: string;
  unitName: string;
  status: RoundStatus;
  record: ValueRecord | null;
}

export function reportsUnit(indicator: Indicator, unit: Pick<Unit, 'kind'>): boolean {
  return indicator.kinds.length === 0 || indicator.kinds.includes(unit.kind);
}

/** The day by which a period's values are due. */
export function dueDateOf(periodEndDate: string): string {
  return formatCivilDate(addDays(parseDateString(periodEndDate) as NonNullable<ReturnType<typeof parseDateString>>, REPORTING_DAYS));
}

/**
 * The reporting round of one period: for each indicator reported at that period's frequency and each unit that
 * reports it, whether its value is in, was returned for correction, is missing, or is missing past the due date.
 */
export function reportingRound(catalogue: readonly Indicator[], units: readonly Unit[], records: readonly ValueRecord[], periodId: string, now: number) {
  const parsed = parsePeriod(periodId);
  if (!parsed.ok) throw new UserError('BAD_REQUEST', parsed.message);
  const period = parsed.period;
  const dueDate = dueDateOf(period.endDate);
  const overdue = now >= vnStartOfDate(dueDate) + 86_400_000;
  const byKey = new Map(records.map((r) => [`${r.indicator}|${r.unitCode}`, r]));
  const rows: RoundRow[] = [];
  for (const indicator of catalogue.filter((i) => i.frequency === period.kind)) {
    for (const unit of units.filter((u) => reportsUnit(indicator, u))) {
      const record = byKey.get(`${indicator.code}|${unit.code}`) ?? null;
      const status: RoundStatus = record ? (record.state === 'returned' ? 'returned' : 'reported') : overdue ? 'late' : 'missing';
      rows.push({ indicator: indicator.code, unitCode: unit.code, unitName: unit.name, status, record });
    }
  }
  return { period: period.id, dueDate, closed: now >= period.end, rows };
}

export interface ValueInput {
  indicator: string;
  unitCode: string;
  period: string;
  numerator?: number | undefined;
  denominator?: number | undefined;
  value?: number | undefined;
  note?: string | undefined;
}

/** The same rules as a values file (SPEC §6), for one value typed into the dashboard; a clear message on the first break. */
export function valueFromInput(input: ValueInput, catalogue: readonly Indicator[], units: readonly Unit[]): IndicatorValue {
  const indicator = catalogue.find((i) => i.code === input.indicator);
  if (!indicator) throw new UserError('BAD_REQUEST', msg('indicator.unknown', { code: input.indicator }));
  const unit = units.find((u) => u.code === input.unitCode);
  if (!unit) throw new UserError('NOT_FOUND', msg('unit.unknown', { code: input.unitCode }));
  if (!reportsUnit(indicator, unit)) throw new UserError('BAD_REQUEST', msg('indicator.notReported', { code: indicator.code }));
  const parsed = parsePeriod(input.period);
  if (!parsed.ok) throw new UserError('BAD_REQUEST', parsed.message);
  const { numerator, denominator, value } = input;
  const fraction = numerator !== undefined || denominator !== undefined;
  if (fraction && (numerator === undefined || denominator === undefined)) throw new UserError('BAD_REQUEST', msg('figure.fractionIncomplete'));
  if (fraction && value !== undefined) throw new UserError('BAD_REQUEST', msg('figure.both'));
  if (!fraction && value === undefined) throw new UserError('BAD_REQUEST', msg('figure.none'));
  for (const n of [numerator, denominator, value]) if (n !== undefined && (!Number.isFinite(n) || n < 0)) throw new UserError('BAD_REQUEST', msg('figure.negative'));
  if (indicator.unit === 'percent' && numerator !== undefined && denominator !== undefined && numerator > denominator) throw new UserError('BAD_REQUEST', msg('figure.numeratorOver'));
  if (indicator.unit === 'percent' && value !== undefined && value > 100) throw new UserError('BAD_REQUEST', msg('figure.percentOver100'));
  const computed = numerator !== undefined && denominator !== undefined ? figureValue(indicator.unit, numerator, denominator) : (value as number);
  return {
    indicator: indicator.code, unitCode: unit.code, period: parsed.period.id, numerator: numerator ?? null, denominator: denominator ?? null, value: computed,
    note: input.note?.trim() ? input.note.trim() : null,
  };
}
