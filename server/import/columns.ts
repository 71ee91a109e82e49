import { foldKey } from '../../shared/format/fold';

export interface ColumnSpec<F extends string> {
  field: F;
  /** Folded header names that mean this field, in order of preference. */
  aliases: readonly string[];
  required?: boolean;
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
