import type { Indicator, IndicatorValue } from '../../shared/domain/indicator';
import { parsePeriod } from '../../shared/kpi/periods';
import { figureValue } from '../../shared/kpi/reported-values';
import type { ColumnSpec } from './columns';
import { UNIT_CODE_MAX } from '../../shared/schemas/unit';
import type { RowAccess } from './scan';
import { msg, type Message } from '../../shared/messages/catalogue';


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
  const problem = (field: ValueField, reason: Message) => {
    bad = true;
    row.issue(field, reason);
  };
  const text = (field: ValueField) => row.text(field)?.normalize('NFC').trim() ?? '';
  const code = text('indicator').toUpperCase();
  const indicator = ctx.indicators.get(code);
  if (!code) problem('indicator', msg('import.value.noIndicator'));
  else if (!indicator) problem('indicator', msg('import.value.unknownIndicator'));
  const unitCode = text('unit_code');
  const unit = ctx.units.get(unitCode);
  if (!unitCode) problem('unit_code', msg('import.value.noUnit'));
  else if (!unit) problem('unit_code', msg('import.cell.unknownUnit'));
  else if (indicator && indicator.kinds.length > 0 && !indicator.kinds.includes(unit.kind as Indicator['kinds'][number])) {
    problem('unit_code', msg('import.value.kindNotReporting', { kinds: indicator.kinds.join(', ') }));
  }
  const parsed = parsePeriod(text('period'));
  if (!parsed.ok) problem('period', text('period') ? parsed.message : msg('import.value.noPeriod'));
  const number = (field: ValueField): number | null => {
    const cell = text(field);
    if (cell === '') return null;
    if (!NUMBER.test(cell)) {
      problem(field, msg('import.cell.notNumber'));
      return null;
    }
    const n = Number(cell.replace(',', '.'));
    if (n < 0) problem(field, msg('import.value.negative'));
    return n;
  };
  const numerator = number('numerator');
  const denominator = number('denominator');
  const value = number('value');
  const given = (field: ValueField) => text(field) !== '';
  const hasFraction = given('numerator') || given('denominator');
  if (hasFraction && !(given('numerator') && given('denominator'))) problem(given('numerator') ? 'denominator' : 'numerator', msg('import.value.fractionIncomplete'));
  if (hasFraction && given('value')) problem('value', msg('import.value.valueAndFraction'));
  if (!hasFraction && !given('value')) problem('value', msg('import.value.nothing'));
  if (indicator?.unit === 'percent') {
    if (numerator !== null && denominator !== null && numerator > denominator) problem('numerator', msg('import.value.numeratorOver'));
    if (value !== null && value > 100) problem('value', msg('import.value.percentOver100'));
  }
  const note = text('note');
  if (parsed.ok && indicator && unit) {
    const key = `${code}|${unitCode}|${parsed.period.id}`;
    if (ctx.seen.has(key)) problem('period', msg('import.value.repeated', { line: ctx.seen.get(key) ?? 0 }));
    else ctx.seen.set(key, row.line);
  }
  if (bad || !parsed.ok || !indicator) return null;
  const computed = numerator !== null && denominator !== null ? figureValue(indicator.unit, numerator, denominator) : value;
  return { indicator: code, unitCode, period: parsed.period.id, numerator, denominator, value: computed, note: note || null };
}
