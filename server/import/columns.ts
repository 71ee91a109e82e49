import { foldKey } from '../../shared/format/fold';
import { msg, type Message } from '../../shared/messages/catalogue';

/** What a text column holds, for the rules every cell passes first (cell-guard.ts); other columns hold typed values. */
export type TextKind = 'code' | 'name' | 'note';

export interface ColumnSpec<F extends string> {
  field: F;
  /** Folded header names that mean this field, in order of preference. */
  aliases: readonly string[];
  required?: boolean;
  text?: TextKind;
  /** Longer than the kind's default (code 100, name and note 1,000), or shorter where a schema says so. */
  maxLength?: number;
}

export type ColumnMap<F extends string> = Map<F, { index: number; header: string }>;

/** Maps a header row to fields; `null` when fewer than `minKnown` columns are recognised. */
export function matchHeader<F extends string>(cells: readonly string[], specs: readonly ColumnSpec<F>[], minKnown: number): ColumnMap<F> | null {
  const folded = cells.map((c) => foldKey(String(c)));
  const map: ColumnMap<F> = new Map();
  for (const spec of specs) {
    for (const alias of spec.aliases) {
      const index = folded.indexOf(alias);
      if (index >= 0) {
        map.set(spec.field, { index, header: String(cells[index]).trim() });
        break;
      }
    }
  }
  return map.size >= minKnown ? map : null;
}

export function missingColumns<F extends string>(map: ColumnMap<F>, specs: readonly ColumnSpec<F>[]): F[] {
  return specs.filter((s) => s.required && !map.has(s.field)).map((s) => s.field);
}

export const HEADER_SEARCH_ROWS = 10;

/** `A`, `B`, … `AA`: how a spreadsheet names the column at a 1-based index. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Header cells that name one field twice ("dossier_id" twice, or "Mã đơn vị" and "ma_don_vi"): which column to read
 * would be a guess, so each such field is a reason to refuse the file.
 */
export function headerConflicts<F extends string>(cells: readonly string[], specs: readonly ColumnSpec<F>[]): Message[] {
  const folded = cells.map((c) => foldKey(String(c)));
  const problems: Message[] = [];
  for (const spec of specs) {
    const at: number[] = [];
    folded.forEach((key, index) => {
      if (key !== '' && spec.aliases.includes(key)) at.push(index);
    });
    if (at.length < 2) continue;
    const names = at.map((i) => String(cells[i]).trim());
    const columns = at.map((i, k) => `${columnLetters(i + 1)} ("${names[k]}")`).join(', ');
    const params = { field: spec.field, count: at.length, columns };
    problems.push(msg(new Set(names).size === 1 ? 'import.header.repeated' : 'import.header.synonyms', params));
  }
  return problems;
}
