import type { Counts } from '../../shared/schemas/measure';
import type { UnitBreakdown, Window } from './port';
import { COUNT_NAMES } from './count-columns';
import { fromRollups, isPeriodWindow, periodCounts, rollupCounts } from './rollup-sql';

/** What the measure SQL needs from an engine: the few spellings that differ between dialects. */
export interface MeasureDialect {
  /** An instant (epoch milliseconds) as a timestamp literal. */
  instant(ms: number): string;
  /** Whole epoch milliseconds of a timestamp expression, truncated, as an integer. */
  epochMs(expr: string): string;
  /** Epoch microseconds of a timestamp expression, exactly, as an integer. */
  epochUs(expr: string): string;
  /** The quotient of two integer expressions when it is exact (the dividend a multiple of the divisor), as an integer. */
  intDiv(dividend: string, divisor: string): string;
  /** The 8-byte floating-point type. */
  double: string;
  /** The continuous (interpolated) quantile `p` of a column, as an aggregate. */
  quantileCont(column: string, p: number): string;
  /**
   * Optional: the Vietnam day number floor((epoch µs + shiftUs + 7 h) / 1 day) of a timestamp expression, exactly,
   * as an integer. Without it the rollups compute it from `epochUs` (rollup-sql.ts); on PostgreSQL calendar
   * arithmetic at a fixed offset gives the same day faster than its epoch (decision 027).
   */
  vnDay?(ts: string, shiftUs: number): string;
  /**
   * Optional: list each rollup window's days as literal rows rather than `generate_series` of a column, for a
   * planner that cannot estimate the latter and then joins badly (PostgreSQL; decision 027).
   */
  literalWindowDays?: boolean;
  /**
   * Optional: the sum of an integer column of rollup rows (counts, milliseconds), exact for totals below 2^53 (DuckDB sums
   * integers into a 128-bit HUGEINT; as DOUBLE the 72-week sum of a national ranking took 286 ms instead of 385).
   */
  countSum?(column: string): string;
  /**
   * Optional: what ends a subquery so that the planner keeps it a subquery, for a column computed once and used many
   * times over (PostgreSQL: `OFFSET 0`; merged back, each use computes it again). DuckDB computes such a column
   * once either way, and a fence there would only stop its pipeline.
   */
  fence?: string;
}

/** The windows as a table `w(idx, s, e)`: e is the cut-off E of SPEC §2. Values are our own integers. */
export function windowsCte(d: MeasureDialect, windows: readonly Window[]): string {
  const values = windows.map((w, i) => `(${i}, ${d.instant(w.start)}, ${d.instant(w.cutOff)})`).join(', ');
  return `w(idx, s, e) AS (VALUES ${values})`;
}

/**
 * Groups windows into layers of pairwise disjoint windows, keeping each window's index. Consecutive periods of one
 * kind make one layer; a week asked for with its month makes two.
 */
function disjointLayers(windows: readonly Window[]): { i: number; w: Window }[][] {
  const layers: { end: number; items: { i: number; w: Window }[] }[] = [];
  const sorted = windows.map((w, i) => ({ i, w })).sort((a, b) => a.w.start - b.w.start || a.w.cutOff - b.w.cutOff);
  for (const item of sorted) {
    const layer = layers.find((l) => l.end <= item.w.start);
    if (layer) {
      layer.items.push(item);
      layer.end = Math.max(layer.end, item.w.cutOff);
    } else layers.push({ end: item.w.cutOff, items: [item] });
  }
  return layers.map((l) => l.items);
}

/**
 * Dossiers of the windows as `d` (with the window index `idx`) joined to `w`. Each dossier is put in its window by
 * a CASE and then joined on the index: an equi-join, much cheaper than a range join when there are many windows.
 * A CASE picks one window, so overlapping windows are read in layers of disjoint ones, one scan per layer.
 */
export function windowedDossiers(d: MeasureDialect, windows: readonly Window[], where = 'TRUE'): string {
  const scans = disjointLayers(windows).map((layer) => {
    const lo = Math.min(...layer.map(({ w }) => w.start));
    const hi = Math.max(...layer.map(({ w }) => w.cutOff));
    const cases = layer.map(({ i, w }) => `WHEN received_at >= ${d.instant(w.start)} AND received_at < ${d.instant(w.cutOff)} THEN ${i}`).join(' ');
    return `SELECT *, CASE ${cases} END AS idx FROM dossiers
             WHERE counted AND received_at >= ${d.instant(lo)} AND received_at < ${d.instant(hi)} AND ${where}`;
  });
  return `(${scans.join(' UNION ALL ')}) d
          JOIN w ON w.idx = d.idx`;
}

/** SPEC §2 as aggregates over dossiers `d` joined to their window `w`; a completion after E is open at E. */
export function countColumns(d: MeasureDialect): string {
  return `
  count(*)::INTEGER AS received,
  count(*) FILTER (WHERE d.channel = 'online')::INTEGER AS online,
  count(*) FILTER (WHERE d.end_to_end)::INTEGER AS end_to_end,
  count(*) FILTER (WHERE CASE WHEN d.completed_at <= w.e THEN d.completed_at <= d.due_at ELSE d.due_at >= w.e END)::INTEGER AS on_time,
  count(*) FILTER (WHERE (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e)::INTEGER AS overdue_open,
  count(*) FILTER (WHERE d.completed_at <= w.e)::INTEGER AS completed,
  coalesce(sum(${processingMs(d)}) FILTER (WHERE d.completed_at <= w.e), 0)::${d.double} AS processing_ms,
  count(d.e_result)::INTEGER AS e_result_known,
  count(*) FILTER (WHERE d.e_result)::INTEGER AS e_result,
  count(d.digitized)::INTEGER AS digitized_known,
  count(*) FILTER (WHERE d.digitized)::INTEGER AS digitized,
  count(d.fee_required)::INTEGER AS fee_known,
  count(*) FILTER (WHERE d.fee_required)::INTEGER AS fee_required,
  count(*) FILTER (WHERE d.fee_required AND d.paid_online)::INTEGER AS paid_online`;
}

/** Elapsed milliseconds from receipt to completion of dossier `d`. */
export function processingMs(d: MeasureDialect): string {
  return `(${d.epochMs('d.completed_at')} - ${d.epochMs('d.received_at')})`;
}

/** Median and 90th percentile (continuous) of the processing time of one unit's dossiers completed by the cut-off. */
export function processingQuantiles(d: MeasureDialect, unitParam: string): string {
  return `SELECT ${d.quantileCont('ms', 0.5)} AS median, ${d.quantileCont('ms', 0.9)} AS p90 FROM (
            SELECT ${processingMs(d)}::${d.double} AS ms
              FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
             WHERE d.counted AND d.unit_code = ${unitParam} AND d.completed_at <= w.e) AS completed`;
}

/** Open dossiers of one unit past their due time at the window's cut-off. */
export function overdueOpen(d: MeasureDialect, unitParam: string): string {
  return `SELECT d.dossier_id, d.procedure_code, d.procedure_name, ${d.epochMs('d.received_at')} AS r, ${d.epochMs('d.due_at')} AS due
            FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
           WHERE d.counted AND d.unit_code = ${unitParam} AND (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e
           ORDER BY d.due_at, d.dossier_id`;
}

/** The median and 90th percentile of a quantile row (milliseconds) in days; null when nothing was completed. */
export function quantilesFromRow(r: Record<string, unknown> | undefined): { median: number | null; p90: number | null } {
  const days = (v: unknown) => (v === null || v === undefined ? null : Number(v) / 86_400_000);
  return { median: days(r?.median), p90: days(r?.p90) };
}

const count = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Counts from a row of countColumns (no closure per row: a national history converts hundreds of thousands). */
export function countsFromRow(r: Record<string, unknown>): Counts {
  return {
    received: count(r.received), online: count(r.online), endToEnd: count(r.end_to_end), onTime: count(r.on_time), overdueOpen: count(r.overdue_open),
    completed: count(r.completed), processingMs: count(r.processing_ms), eResultKnown: count(r.e_result_known), eResult: count(r.e_result),
    digitizedKnown: count(r.digitized_known), digitized: count(r.digitized), feeKnown: count(r.fee_known), feeRequired: count(r.fee_required), paidOnline: count(r.paid_online),
  };
}

/** Takes each row of countsByUnit's statements: the unit, the window's index and its counts. */
export type CountsSink = (code: string, idx: number, counts: Counts) => void;

/** Gives rows of countColumns with `unit_code` and `idx` to `sink` (an engine that reads rows as objects). */
export function sinkRows(rows: readonly Record<string, unknown>[], sink: CountsSink): void {
  for (const r of rows) sink(String(r.unit_code), Number(r.idx), countsFromRow(r));
}

/** How many windows `countsByUnit` answered from the period counts, from the segment rollups and by reading dossiers. */
export interface CountsPaths {
  period: number;
  rollup: number;
  scan: number;
}

/**
 * What countsByUnitSql and countsByWindowSql are asked: windows from midnight to midnight (Vietnam time: every complete
 * period and every history window) are read from the period counts or summed from the rollups, the others (a period
 * in progress cut at "now", a mid-day as-of) are counted from dossiers. `unitFilter` is a condition on `unit_code`
 * and `run` runs a query with the filter's parameters. `useRollups` false reads dossiers for every window (to compare).
 */
export interface CountsQuery {
  d: MeasureDialect;
  windows: readonly Window[];
  unitFilter: string;
  run: (sql: string, sink: CountsSink) => Promise<void>;
  paths: CountsPaths;
  useRollups?: boolean;
}

/** Counts per unit and window (Store.countsByUnit) on either engine. */
export async function countsByUnitSql(q: CountsQuery): Promise<Map<string, (Counts | undefined)[]>> {
  const out = new Map<string, (Counts | undefined)[]>();
  await countsInto(q, (code, i, counts) => {
    let series = out.get(code);
    if (!series) out.set(code, (series = new Array<Counts | undefined>(q.windows.length).fill(undefined)));
    series[i] = counts;
  });
  return out;
}

/** The same counts by window (Store.countsByWindow): one map of unit code to counts per window, in order. */
export async function countsByWindowSql(q: CountsQuery): Promise<Map<string, Counts>[]> {
  const out = q.windows.map(() => new Map<string, Counts>());
  await countsInto(q, (code, i, counts) => void (out[i] as Map<string, Counts>).set(code, counts));
  return out;
}

/** Runs the statements of countsByUnitSql and gives each row to `sink` with the index of its window in `windows`. */
async function countsInto({ d, windows, unitFilter, run, paths, useRollups = true }: CountsQuery, sink: CountsSink): Promise<void> {
  const periods: { idx: number; window: Window }[] = [];
  const rolled: { idx: number; window: Window }[] = [];
  const scanned: { idx: number; window: Window }[] = [];
  windows.forEach((window, idx) => (!useRollups ? scanned : isPeriodWindow(window) ? periods : fromRollups(window) ? rolled : scanned).push({ idx, window }));
  if (periods.length > 0) {
    await run(periodCounts(d, periods, unitFilter), sink);
    paths.period += periods.length;
  }
  if (rolled.length > 0) {
    await run(rollupCounts(d, rolled, unitFilter), sink);
    paths.rollup += rolled.length;
  }
  if (scanned.length > 0) {
    const list = scanned.map((s) => s.window);
    await run(
      `WITH ${windowsCte(d, list)}
       SELECT d.unit_code, d.idx, ${countColumns(d)} FROM ${windowedDossiers(d, list, unitFilter)} GROUP BY d.unit_code, d.idx`,
      (code, i, counts) => sink(code, (scanned[i] as { idx: number }).idx, counts),
    );
    paths.scan += scanned.length;
  }
}

/**
 * The three per-unit breakdowns of a unit page for every unit at once, over one window `w` (see `Store.unitBreakdowns`):
 * procedure counts, processing quantiles and the first `limit` overdue dossiers of each unit. Each statement is the
 * per-unit one grouped (or partitioned) by unit instead of filtered to one.
 */
export function breakdownSql(d: MeasureDialect, window: Window, limit: number): { procedures: string; quantiles: string; overdue: string } {
  const w = `WITH ${windowsCte(d, [window])}`;
  return {
    procedures: `${w}
      SELECT d.unit_code, d.procedure_code, max(d.procedure_name) AS procedure_name, ${countColumns(d)}
        FROM ${windowedDossiers(d, [window])}
       GROUP BY d.unit_code, d.procedure_code`,
    quantiles: `${w}
      SELECT unit_code, ${d.quantileCont('ms', 0.5)} AS median, ${d.quantileCont('ms', 0.9)} AS p90 FROM (
        SELECT d.unit_code, ${processingMs(d)}::${d.double} AS ms
          FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
         WHERE d.counted AND d.completed_at <= w.e) AS completed
       GROUP BY unit_code`,
    overdue: `${w}
      SELECT unit_code, dossier_id, procedure_code, procedure_name, r, due FROM (
        SELECT d.unit_code, d.dossier_id, d.procedure_code, d.procedure_name, ${d.epochMs('d.received_at')} AS r, ${d.epochMs('d.due_at')} AS due,
               row_number() OVER (PARTITION BY d.unit_code ORDER BY d.due_at, d.dossier_id) AS rn
          FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e
         WHERE d.counted AND (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e) AS late
       WHERE rn <= ${Math.max(0, Math.floor(limit))}
       ORDER BY unit_code, rn`,
  };
}

/**
 * The three breakdowns of one unit's page (Store.unitBreakdown) in one statement: the unit's dossiers of the window
 * are read once, only the columns used (the window's bounds as literals, so that the received-time zone maps prune;
 * at 10M, 30–36 ms for a quarter against 38–56 ms with every column), and the procedure
 * counts, the quantiles and the first `limit` overdue dossiers are computed from them, one `part` per kind of row.
 */
export function unitBreakdownSql(d: MeasureDialect, window: Window, unitParam: string, limit: number): string {
  const none = (n: number) => Array.from({ length: n }, () => 'NULL').join(', ');
  const counts = COUNT_NAMES.map((c) => `NULL AS ${c}`).join(', ');
  return `WITH ${windowsCte(d, [window])},
     u AS MATERIALIZED (
       SELECT dossier_id, procedure_code, procedure_name, channel, end_to_end, received_at, due_at, completed_at, e_result, digitized, fee_required, paid_online
         FROM dossiers
        WHERE counted AND unit_code = ${unitParam} AND received_at >= ${d.instant(window.start)} AND received_at < ${d.instant(window.cutOff)})
   SELECT 'procedure' AS part, d.procedure_code AS code, max(d.procedure_name) AS name, ${countColumns(d)},
          CAST(NULL AS ${d.double}) AS median, CAST(NULL AS ${d.double}) AS p90, CAST(NULL AS VARCHAR) AS dossier_id,
          CAST(NULL AS ${d.double}) AS r, CAST(NULL AS ${d.double}) AS due, CAST(NULL AS BIGINT) AS rn
     FROM u d CROSS JOIN w GROUP BY d.procedure_code
   UNION ALL
   SELECT 'quantiles', NULL, NULL, ${counts}, ${d.quantileCont('ms', 0.5)}, ${d.quantileCont('ms', 0.9)}, ${none(4)}
     FROM (SELECT ${processingMs(d)}::${d.double} AS ms FROM u d CROSS JOIN w WHERE d.completed_at <= w.e) AS completed
   UNION ALL
   SELECT 'overdue', procedure_code, procedure_name, ${counts}, NULL, NULL, dossier_id, r, due, rn FROM (
     SELECT d.procedure_code, d.procedure_name, d.dossier_id, ${d.epochMs('d.received_at')} AS r, ${d.epochMs('d.due_at')} AS due,
            row_number() OVER (ORDER BY d.due_at, d.dossier_id) AS rn
       FROM u d CROSS JOIN w WHERE (d.completed_at IS NULL OR d.completed_at > w.e) AND d.due_at < w.e) AS late
    WHERE rn <= ${Math.max(0, Math.floor(limit))}`;
}

/** The rows of unitBreakdownSql as the unit's breakdown (overdue dossiers in due order). */
export function unitBreakdownFromRows(rows: readonly Record<string, unknown>[]): UnitBreakdown {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const out: UnitBreakdown = { procedures: [], quantiles: { median: null, p90: null }, overdue: [] };
  const late: { rn: number; row: UnitBreakdown['overdue'][number] }[] = [];
  for (const r of rows) {
    if (r.part === 'procedure') out.procedures.push({ procedureCode: String(r.code), procedureName: text(r.name), counts: countsFromRow(r) });
    else if (r.part === 'quantiles') out.quantiles = quantilesFromRow(r);
    else late.push({ rn: Number(r.rn), row: { dossierId: String(r.dossier_id), procedureCode: String(r.code), procedureName: text(r.name), receivedAt: Number(r.r), dueAt: Number(r.due) } });
  }
  out.overdue = late.sort((a, b) => a.rn - b.rn).map((x) => x.row);
  return out;
}

/** The rows of breakdownSql's three statements, by unit (the overdue rows in the order the engine put them). */
export function breakdownsFromRows(
  procedures: readonly Record<string, unknown>[],
  quantiles: readonly Record<string, unknown>[],
  overdue: readonly Record<string, unknown>[],
): Map<string, UnitBreakdown> {
  const out = new Map<string, UnitBreakdown>();
  const of = (code: unknown) => {
    const key = String(code);
    let b = out.get(key);
    if (!b) out.set(key, (b = { procedures: [], quantiles: { median: null, p90: null }, overdue: [] }));
    return b;
  };
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  for (const r of procedures) of(r.unit_code).procedures.push({ procedureCode: String(r.procedure_code), procedureName: text(r.procedure_name), counts: countsFromRow(r) });
  for (const r of quantiles) of(r.unit_code).quantiles = quantilesFromRow(r);
  for (const r of overdue) of(r.unit_code).overdue.push({ dossierId: String(r.dossier_id), procedureCode: String(r.procedure_code), procedureName: text(r.procedure_name), receivedAt: Number(r.r), dueAt: Number(r.due) });
  return out;
}
