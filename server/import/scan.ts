import type { ImportIssue } from '../../shared/schemas/import';
import { HEADER_SEARCH_ROWS, matchHeader, missingColumns, type ColumnMap, type ColumnSpec } from './columns';
import { readRows, type FileSource } from './table-reader';
import type { Cell } from './values';

export const MAX_REPORTED_ISSUES = 1000;

/** Read access to one data row by field; `undefined` when the file has no such column, '' when the cell is empty. */
export interface RowAccess<F extends string> {
  line: number;
  cell(field: F): Cell | undefined;
  text(field: F): string | undefined;
  has(field: F): boolean;
  issue(field: F, reason: string): void;
}

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


/**
 * Finds the header row (the first of the top rows that names at least `minKnown` known columns), then hands each
 * non-empty data row to `onRow`, collecting issues. It writes nothing: what to do with valid rows is the caller's.
 */
export async function scanFile<F extends string>(
  source: FileSource,
  specs: readonly ColumnSpec<F>[],
  minKnown: number,
  onRow: (row: RowAccess<F>, columns: ColumnMap<F>) => void,
  checkHeader: (columns: ColumnMap<F>) => string | null = () => null,
): Promise<ScanResult> {
  const issues: ImportIssue[] = [];
  let issueCount = 0;
  const report = (issue: ImportIssue) => {
    issueCount += 1;
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  let columns: ColumnMap<F> | null = null;
  let seen = 0;
  let rows = 0;
  for await (const raw of readRows(source)) {
    if (raw.cells.every((c) => typeof c === 'string' && c.trim() === '')) continue;
    if (!columns) {
      seen += 1;
      columns = matchHeader(raw.cells.map((c) => describeCell(c) ?? ''), specs, minKnown);
      if (columns) {
        const missing = missingColumns(columns, specs);
        if (missing.length > 0) {
          report({ line: raw.line, column: null, value: null, reason: `the header row lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
          return { rows, issues, issueCount };
        }
        const problem = checkHeader(columns);
        if (problem) {
          report({ line: raw.line, column: null, value: null, reason: problem });
          return { rows, issues, issueCount };
        }
        continue;
      }
      if (seen >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    rows += 1;
    const map = columns;
    const cell = (field: F): Cell | undefined => {
      const col = map.get(field);
      if (!col) return undefined;
      const value = raw.cells[col.index];
      return value === undefined ? '' : typeof value === 'string' ? value.trim() : value;
    };
    onRow(
      {
        line: raw.line,
        cell,
        text: (field) => {
          const value = cell(field);
          return value === undefined ? undefined : (describeCell(value) ?? '');
        },
        has: (field) => map.has(field),
        issue: (field, reason) => report({ line: raw.line, column: map.get(field)?.header ?? field, value: describeCell(cell(field)), reason }),
      },
      map,
    );
  }
  if (!columns) {
    const reason = seen === 0 ? 'the file is empty' : `no header row found: none of the first ${Math.min(seen, HEADER_SEARCH_ROWS)} rows names at least ${minKnown} known columns`;
    report({ line: null, column: null, value: null, reason });
  } else if (rows === 0 && issueCount === 0) {
    report({ line: null, column: null, value: null, reason: 'the file has a header row but no data rows' });
  }
  return { rows, issues, issueCount };
}
