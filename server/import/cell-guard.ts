import type { ColumnMap, ColumnSpec, TextKind } from './columns';
import { isFormulaCell, type RawCell } from './table-reader';
import { msg, type Message } from '../../shared/messages/catalogue';

const DEFAULT_MAX: Record<TextKind | 'value', number> = { code: 100, name: 1000, note: 1000, value: 1000 };
/** C0 and C1 controls and DEL; a note keeps its tabs and line breaks. */
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_NOTE = /(?![\t\n\r])\p{Cc}/u;

export interface CellRule<F extends string> {
  field: F;
  index: number;
  note: boolean;
  /** Text kept as written; a typed value (date, number, yes/no, a word of a list) is refused by its parser instead. */
  text: boolean;
  max: number;
}

export function cellRules<F extends string>(columns: ColumnMap<F>, specs: readonly ColumnSpec<F>[]): CellRule<F>[] {
  return specs.flatMap((spec) => {
    const column = columns.get(spec.field);
    if (!column) return [];
    return [{ field: spec.field, index: column.index, note: spec.text === 'note', text: spec.text !== undefined, max: spec.maxLength ?? DEFAULT_MAX[spec.text ?? 'value'] }];
  });
}

const hex = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What every cell of a recognised column must be before its own rules apply: a saved value (not a bare formula),
 * not longer than its column allows, and for text kept as written (codes, names, notes) without control characters
 * or the replacement character "�" (the trace of a wrong decoding). The reason, or null.
 */
export function cellProblem<F extends string>(cell: RawCell | undefined, rule: CellRule<F>): Message | null {
  if (cell === undefined) return null;
  if (isFormulaCell(cell)) return msg('import.cell.formula', { ref: cell.ref });
  if (typeof cell !== 'string' || (cell.length <= rule.max && !rule.text)) return null;
  const control = rule.note ? CONTROL_IN_NOTE : CONTROL;
  if (cell.length <= rule.max && !control.test(cell) && !cell.includes('\ufffd')) return null;
  const text = cell.trim();
  const bad = control.exec(text)?.[0];
  if (bad !== undefined) return msg(rule.note ? 'import.cell.controlInNote' : 'import.cell.control', { char: hex(bad) });
  if (text.includes('\ufffd')) return msg('import.cell.wrongEncoding');
  if (text.length > rule.max) return msg('import.cell.tooLong', { max: rule.max });
  return null;
}
