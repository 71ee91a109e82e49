import type { ImportIssue } from '../../shared/schemas/import';
import { HEADER_SEARCH_ROWS, matchHeader, missingColumns, type ColumnMap, type ColumnSpec } from './columns';
import { readRows, type FileSource } from './table-reader';
import type { Cell } from './values';

export const MAX_REPORTED_ISSUES = 1000;

export interface ScanResult {
  rows: number;
  issues: ImportIssue[];
  issueCount: number;
}

export function describeCell(cell: Cell | undefined): string | null {
  if (cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  const { year, month, day } = cell.date;
  const date = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  return cell.time ? `${date} ${cell.time.slice(0, 3).map((n) => String(n).padStart(2, '0')).join(':')}` : date;
}

/** Collects issues, keeping the first MAX_REPORTED_ISSUES and counting all. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  count = 0;
  add(issue: ImportIssue): void {
    this.count += 1;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(issue);
  }
  /** Issues found after the scan (such as duplicates) merged in line order. */
  merge(more: readonly ImportIssue[], total: number): void {
    this.count += total;
    this.issues.push(...more);
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
  cells: readonly Cell[] = [];
  failed = false;

  constructor(
    private readonly columns: ColumnMap<F>,
    private readonly log: IssueLog,
  ) {}

  cell(field: F): Cell | undefined {
    const col = this.columns.get(field);
    if (!col) return undefined;
    const value = this.cells[col.index];
    return value === undefined ? '' : typeof value === 'string' ? value.trim() : value;
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

  issue(field: F, reason: string): void {
    this.failed = true;
    this.log.add({ line: this.line, column: this.columns.get(field)?.header ?? field, value: describeCell(this.cell(field)), reason });
  }
}

/**
 * Finds the header row (the first of the top rows that names at least `minKnown` known columns), then hands each
 * non-empty data row to `onRow`, collecting issues. It writes nothing: what to do with valid rows is the caller's.
 */
export async function scanFile<F extends string>(
  source: FileSource,
  specs: readonly ColumnSpec<F>[],
  minKnown: number,
  onRow: (row: RowAccess<F>) => void,
  checkHeader: (columns: ColumnMap<F>) => string | null = () => null,
  log: IssueLog = new IssueLog(),
): Promise<ScanResult> {
  let row: RowAccess<F> | null = null;
  let seen = 0;
  let rows = 0;
  const result = () => ({ rows, issues: log.issues, issueCount: log.count });
  outer: for await (const batch of readRows(source)) {
    for (const raw of batch) {
      if (raw.cells.every((c) => typeof c === 'string' && c.trim() === '')) continue;
      if (!row) {
        seen += 1;
        const columns = matchHeader(raw.cells.map((c) => describeCell(c) ?? ''), specs, minKnown);
        if (!columns) {
          if (seen >= HEADER_SEARCH_ROWS) break outer;
          continue;
        }
        const missing = missingColumns(columns, specs);
        const problem = missing.length > 0 ? `the header row lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : checkHeader(columns);
        if (problem) {
          log.add({ line: raw.line, column: null, value: null, reason: problem });
          return result();
        }
        row = new RowAccess(columns, log);
        continue;
      }
      rows += 1;
      row.line = raw.line;
      row.cells = raw.cells;
      row.failed = false;
      onRow(row);
    }
  }
  if (!row) {
    const reason = seen === 0 ? 'the file is empty' : `no header row found: none of the first ${Math.min(seen, HEADER_SEARCH_ROWS)} rows names at least ${minKnown} known columns`;
    log.add({ line: null, column: null, value: null, reason });
  } else if (rows === 0 && log.count === 0) {
    log.add({ line: null, column: null, value: null, reason: 'the file has a header row but no data rows' });
  }
  return result();
}
