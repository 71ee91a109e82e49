import { msg, type Message } from '../../shared/messages/catalogue';
import { renderMessage } from '../../shared/messages/render';
import type { ImportIssue } from '../../shared/schemas/import';
import { cellProblem, cellRules, type CellRule } from './cell-guard';
import { HEADER_SEARCH_ROWS, headerConflicts, matchHeader, missingColumns, type ColumnMap, type ColumnSpec } from './columns';
import { DEFAULT_IMPORT_LIMITS, FileRefusal, type ImportLimits } from './file-refusal';
import { isFormulaCell, readRows, type FileSource, type RawCell } from './table-reader';
import type { Cell } from './values';

export const MAX_REPORTED_ISSUES = 1000;

export interface ScanResult {
  rows: number;
  issues: ImportIssue[];
  issueCount: number;
}

/** A value as long as this is shown cut short in a report: a report of 1,000 issues must stay readable. */
const MAX_SHOWN_VALUE = 2000;

export function describeCell(cell: RawCell | undefined): string | null {
  if (cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (isFormulaCell(cell)) return cell.formula ? `=${cell.formula}` : null;
  const { year, month, day } = cell.date;
  const date = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  return cell.time ? `${date} ${cell.time.slice(0, 3).map((n) => String(n).padStart(2, '0')).join(':')}` : date;
}

/** An issue as it is found: its English `reason` is written from its message when it is logged. */
export type FoundIssue = Omit<ImportIssue, 'reason'>;

const withReason = (issue: FoundIssue): ImportIssue => ({ ...issue, reason: renderMessage(issue.message) });

/** Collects issues, keeping the first MAX_REPORTED_ISSUES and counting all. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  count = 0;
  add(issue: FoundIssue): void {
    this.count += 1;
    if (this.issues.length >= MAX_REPORTED_ISSUES) return;
    const long = issue.value !== null && issue.value.length > MAX_SHOWN_VALUE;
    this.issues.push(withReason(long ? { ...issue, value: `${(issue.value as string).slice(0, MAX_SHOWN_VALUE)}…` } : issue));
  }
  /** Issues found after the scan (such as duplicates) merged in line order. */
  merge(more: readonly FoundIssue[], total: number): void {
    this.count += total;
    this.issues.push(...more.map(withReason));
    this.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    this.issues.length = Math.min(this.issues.length, MAX_REPORTED_ISSUES);
  }
}

/**
 * Read access to the current data row by field: `undefined` when the file has no such column, '' when the cell is
 * empty. One instance serves every row of a file (rows are many; objects per row are not free).
 */
export class RowAccess<F extends string> {
  line = 0;
  cells: readonly RawCell[] = [];
  failed = false;
  /** Cells of this row already reported: each bad cell is named once, with the first reason found. */
  private readonly reported: F[] = [];

  constructor(
    private readonly columns: ColumnMap<F>,
    private readonly log: IssueLog,
    private readonly rules: readonly CellRule<F>[] = [],
  ) {}

  /** Moves to the next row and applies the rules every cell passes (cell-guard.ts). */
  begin(line: number, cells: readonly RawCell[]): void {
    this.line = line;
    this.cells = cells;
    this.failed = false;
    this.reported.length = 0;
    for (const rule of this.rules) {
      const raw = cells[rule.index];
      const problem = cellProblem(raw, rule);
      if (problem) this.report(rule.field, describeCell(typeof raw === 'string' ? raw.trim() : raw), problem);
    }
  }

  /** A formula without a saved value reads as empty here; the rules above have reported it. */
  cell(field: F): Cell | undefined {
    const col = this.columns.get(field);
    if (!col) return undefined;
    const value = this.cells[col.index];
    if (value === undefined) return '';
    if (typeof value === 'string') return value.trim();
    return isFormulaCell(value) ? '' : value;
  }

  text(field: F): string | undefined {
    const value = this.cell(field);
    return value === undefined ? undefined : (describeCell(value) ?? '');
  }

  /** The column's name as the file writes it. */
  headerOf(field: F): string {
    return this.columns.get(field)?.header ?? field;
  }

  has(field: F): boolean {
    return this.columns.has(field);
  }

  issue(field: F, message: Message): void {
    this.report(field, describeCell(this.cell(field)), message);
  }

  private report(field: F, value: string | null, message: Message): void {
    this.failed = true;
    if (this.reported.includes(field)) return;
    this.reported.push(field);
    this.log.add({ line: this.line, column: this.columns.get(field)?.header ?? field, value, message });
  }
}

export interface ScanOptions<F extends string> {
  checkHeader?: (columns: ColumnMap<F>) => Message | null;
  log?: IssueLog;
  limits?: ImportLimits;
}

/**
 * Finds the header row (the first of the top rows that names at least `minKnown` known columns), then hands each
 * non-empty data row to `onRow`, collecting issues. It writes nothing: what to do with valid rows is the caller's.
 * A file that cannot be read, or that has more rows than `limits.maxRows`, ends the scan with one issue.
 */
export async function scanFile<F extends string>(
  source: FileSource,
  specs: readonly ColumnSpec<F>[],
  minKnown: number,
  onRow: (row: RowAccess<F>) => void,
  { checkHeader = () => null, log = new IssueLog(), limits = DEFAULT_IMPORT_LIMITS }: ScanOptions<F> = {},
): Promise<ScanResult> {
  let row: RowAccess<F> | null = null;
  let seen = 0;
  let rows = 0;
  let read = 0;
  const result = () => ({ rows, issues: log.issues, issueCount: log.count });
  const tooMany = msg('import.file.tooManyRows', { max: limits.maxRows });
  try {
    outer: for await (const batch of readRows(source)) {
      for (const raw of batch) {
        read += 1;
        if (read > limits.maxRows) {
          log.add({ line: raw.line, column: null, value: null, message: tooMany });
          break outer;
        }
        if (raw.cells.every((c) => typeof c === 'string' && c.trim() === '')) continue;
        if (!row) {
          seen += 1;
          const header = Array.from(raw.cells, (c) => describeCell(c) ?? '');
          const columns = matchHeader(header, specs, minKnown);
          if (!columns) {
            if (seen >= HEADER_SEARCH_ROWS) break outer;
            continue;
          }
          const missing = missingColumns(columns, specs);
          const conflicts = headerConflicts(header, specs);
          const lacking = missing.length === 1 ? msg('import.header.missingOne', { column: missing.join('') }) : msg('import.header.missingMany', { columns: missing.join(', ') });
          const problems = missing.length > 0 ? [lacking] : conflicts;
          const other = problems.length === 0 ? checkHeader(columns) : null;
          for (const message of other ? [other] : problems) log.add({ line: raw.line, column: null, value: null, message });
          if (problems.length > 0 || other) return result();
          row = new RowAccess(columns, log, cellRules(columns, specs));
          continue;
        }
        rows += 1;
        row.begin(raw.line, raw.cells);
        onRow(row);
      }
    }
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    log.add({ line: error.line, column: null, value: null, message: error.reason });
    return result();
  }
  if (!row) {
    const message = seen === 0 ? msg('import.file.empty') : msg('import.file.noHeader', { rows: Math.min(seen, HEADER_SEARCH_ROWS), min: minKnown });
    log.add({ line: null, column: null, value: null, message });
  } else if (rows === 0 && log.count === 0) {
    log.add({ line: null, column: null, value: null, message: msg('import.file.noData') });
  }
  return result();
}
