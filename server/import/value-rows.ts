import type { Indicator, IndicatorValue } from '../../shared/domain/indicator';
import { parsePeriod } from '../../shared/kpi/periods';
import { figureValue } from '../../shared/kpi/reported-values';
import type { ColumnSpec } from './columns';
import { UNIT_CODE_MAX } from '../../shared/schemas/unit';
import type { RowAccess } from './scan';

export type ValueField = 'indicator' | 'unit_code' | 'period' | 'numerator' | 'denominator' | 'value' | 'note';

export const VALUE_COLUMNS: readonly ColumnSpec<ValueField>[] = [
  { field: 'indicator', required: true, text: 'code', aliases: ['indicator', 'machiso', 'chiso', 'machitieu', 'code'] },
  { field: 'unit_code', required: true, text: 'code', maxLength: UNIT_CODE_MAX, aliases: ['unitcode', 'madonvi', 'madv'] },
  { field: 'period', required: true, aliases: ['period', 'ky', 'kybaocao'] },
  { field: 'numerator', aliases: ['numerator', 'tuso', 'tu'] },
  { field: 'denominator', aliases: ['denominator', 'mauso', 'mau'] },
  { field: 'value', aliases: ['value', 'giatri'] },
  { field: 'note', text: 'note', aliases: ['note', 'ghichu'] },
];

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

export interface ValueContext {
  indicators: ReadonlyMap<string, Indicator>;
  units: ReadonlyMap<string, { kind: string }>;
  seen: Map<string, number>;
}

/** One reported value (SPEC §6), or null after naming each bad cell of the row. */
export function valueFromRow(row: RowAccess<ValueField>, ctx: ValueContext): IndicatorValue | null {
  let bad = false;
  const problem = (field: ValueField, reason: string) => {
    bad = true;
    row.issue(field, reason);
  };
  const text = (field: ValueField) => row.text(field)?.normalize('NFC').trim() ?? '';
  const code = text('indicator').toUpperCase();
  const indicator = ctx.indicators.get(code);
  if (!code) problem('indicator', 'is empty, but every value names its indicator');
  else if (!indicator) problem('indicator', 'is not an indicator of the catalogue');
  const unitCode = text('unit_code');
  const unit = ctx.units.get(unitCode);
  if (!unitCode) problem('unit_code', 'is empty, but every value names its unit');
  else if (!unit) problem('unit_code', 'is not a known unit');
  else if (indicator && indicator.kinds.length > 0 && !indicator.kinds.includes(unit.kind as Indicator['kinds'][number])) {
    problem('unit_code', `is a unit of a kind that does not report this indicator (it is reported by: ${indicator.kinds.join(', ')})`);
  }
  const parsed = parsePeriod(text('period'));
  if (!parsed.ok) problem('period', text('period') ? parsed.reason : 'is empty, but every value is for a period');
  const number = (field: ValueField): number | null => {
    const cell = text(field);
    if (cell === '') return null;
    if (!NUMBER.test(cell)) {
      problem(field, 'is not a number');
      return null;
    }
    const n = Number(cell.replace(',', '.'));
    if (n < 0) problem(field, 'is negative, but a reported figure cannot be');
    return n;
  };
  const numerator = number('numerator');
  const denominator = number('denominator');
  const value = number('value');
  const given = (field: ValueField) => text(field) !== '';
  const hasFraction = given('numerator') || given('denominator');
  if (hasFraction && !(given('numerator') && given('denominator'))) problem(given('numerator') ? 'denominator' : 'numerator', 'is empty, but the numerator and the denominator go together');
  if (hasFraction && given('value')) problem('value', 'is given together with a numerator and denominator: give one or the other');
  if (!hasFraction && !given('value')) problem('value', 'is empty, and so are numerator and denominator: give a value or a numerator and denominator');
  if (indicator?.unit === 'percent') {
    if (numerator !== null && denominator !== null && numerator > denominator) problem('numerator', 'is larger than the denominator, but this indicator is a percentage');
    if (value !== null && value > 100) problem('value', 'is over 100, but this indicator is a percentage');
  }
  const note = text('note');
  if (parsed.ok && indicator && unit) {
    const key = `${code}|${unitCode}|${parsed.period.id}`;
    if (ctx.seen.has(key)) problem('period', `repeats the value on line ${ctx.seen.get(key)} (same indicator, unit and period)`);
    else ctx.seen.set(key, row.line);
  }
  if (bad || !parsed.ok || !indicator) return null;
  const computed = numerator !== null && denominator !== null ? figureValue(indicator.unit, numerator, denominator) : value;
  return { indicator: code, unitCode, period: parsed.period.id, numerator, denominator, value: computed, note: note || null };
}
