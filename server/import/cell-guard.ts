import type { ColumnMap, ColumnSpec, TextKind } from './columns';
import { isFormulaCell, type RawCell } from './table-reader';

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
export function cellProblem<F extends string>(cell: RawCell | undefined, rule: CellRule<F>): string | null {
  if (cell === undefined) return null;
  if (isFormulaCell(cell)) return `cell ${cell.ref} is a formula without a saved value: open and save the file in Excel, or paste values`;
  if (typeof cell !== 'string' || (cell.length <= rule.max && !rule.text)) return null;
  const control = rule.note ? CONTROL_IN_NOTE : CONTROL;
  if (cell.length <= rule.max && !control.test(cell) && !cell.includes('\ufffd')) return null;
  const text = cell.trim();
  const bad = control.exec(text)?.[0];
  if (bad !== undefined) return `contains a control character (${hex(bad)})${rule.note ? ': remove it' : ': write it on one line, as printed, without tabs or line breaks'}`;
  if (text.includes('\ufffd')) return 'contains "\ufffd", the mark of text read with the wrong encoding: export the file again as UTF-8 ("CSV UTF-8" in Excel) or as XLSX';
  if (text.length > rule.max) return `is longer than ${rule.max.toLocaleString('en')} characters`;
  return null;
}
