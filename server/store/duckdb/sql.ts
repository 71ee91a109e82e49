import type { Window } from '../port';
import { countColumns, countsFromRow, windowedDossiers as windowed, windowsCte as cte, type MeasureDialect } from '../measure-sql';

/** DuckDB's spellings for the measure SQL shared by both engines (server/store/measure-sql.ts). */
export const DUCKDB: MeasureDialect = {
  instant: (ms) => `make_timestamp(${Math.trunc(ms) * 1000})`,
  epochMs: (e) => `epoch_ms(${e})`,
  epochUs: (e) => `epoch_us(${e})`,
  intDiv: (a, b) => `((${a}) // (${b}))`,
  double: 'DOUBLE',
  quantileCont: (c, p) => `quantile_cont(${c}, ${p})`,
  countSum: (c) => `sum(${c}::DOUBLE)`,
};

export const windowsCte = (w: readonly Window[]) => cte(DUCKDB, w);
export const windowedDossiers = (w: readonly Window[], where = 'TRUE') => windowed(DUCKDB, w, where);
export const COUNT_COLUMNS = countColumns(DUCKDB);
export { countsFromRow };
