import { VN_OFFSET_MS } from '../../../shared/kpi/vn-time';
import type { MeasureDialect } from '../measure-sql';

/**
 * Whole epoch microseconds of a timestamp, exactly: `date_part` gives the seconds as a double (µs / 10⁶, correctly
 * rounded: within 0.24 µs up to 2100, where the import stops), ×10⁶ adds at most 0.25, so rounding recovers the
 * integer. `extract` is exact too but returns NUMERIC, about three times slower per row; its cost showed in every
 * rollup rebuild and processing-time sum. Instants before 1970 (none are stored) would need a floor for `epochMs`.
 */
function epochUs(expr: string): string {
  return `round(date_part('epoch', ${expr}) * 1000000)::BIGINT`;
}

/**
 * PostgreSQL's spellings. Instants are `timestamptz`, so no conversion depends on the session's time zone; they
 * travel as epoch milliseconds, truncated to whole milliseconds on the way out as DuckDB's `epoch_ms` does.
 * Quantiles interpolate as DuckDB's `quantile_cont` does, (1 − d)·lo + d·hi, to the last bit: `percentile_cont`
 * computes lo + d·(hi − lo), which differs in the last bit about one time in ten (migration 3).
 */
export const PG: MeasureDialect = {
  instant: (ms) => `TIMESTAMPTZ '${instantText(ms)}'`,
  epochMs: (expr) => `(${epochUs(expr)} / 1000)`,
  epochUs,
  intDiv: (a, b) => `((${a}) / (${b}))`,
  double: 'DOUBLE PRECISION',
  quantileCont: (column, p) => `chiso_quantile_cont(array_agg(${column} ORDER BY ${column}), ${p})`,
  // The local date at a fixed offset (an interval, not a zone name: no time zone database, no session setting).
  vnDay: (ts, shiftUs) =>
    `((${shiftUs === 0 ? `(${ts})` : `((${ts}) + INTERVAL '${shiftUs} microseconds')`} AT TIME ZONE INTERVAL '${VN_OFFSET_MS / 1000} seconds')::DATE - DATE '1970-01-01')`,
  literalWindowDays: true,
  fence: 'OFFSET 0',
};

/** An instant as `timestamptz` input text, exact to the microsecond (epoch ms may carry a fraction). */
export function instantText(ms: number): string {
  return microsText(Math.round(ms * 1000));
}

/** Epoch microseconds as `timestamptz` input text. */
export function microsText(micros: number | bigint): string {
  const us = BigInt(micros);
  const seconds = us / 1_000_000n - (us % 1_000_000n < 0n ? 1n : 0n);
  const fraction = String(us - seconds * 1_000_000n).padStart(6, '0');
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}+00`;
}

/** Epoch milliseconds (a number or a parameter) as a timestamp, exactly for whole milliseconds. */
export const msToTimestamp = (expr: string): string => `(TIMESTAMPTZ 'epoch' + (${expr})::DOUBLE PRECISION * INTERVAL '1 millisecond')`;

/** Epoch milliseconds of a timestamp column, for reading back into JavaScript. */
export const epochMs = (expr: string): string => PG.epochMs(expr);

export type Row = Record<string, unknown>;

/** `pg` returns BIGINT and NUMERIC as text: every number read goes through here. */
export const num = (v: unknown): number => Number(v);
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const iso = (ms: unknown): string => new Date(Number(ms)).toISOString();

/** Keys of `pg_advisory_xact_lock`, one per kind of write that must not interleave across processes. */
export const LOCKS = { migrations: 0x63686973, reports: 0x63686972 } as const;
