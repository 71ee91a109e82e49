import type { ImportIssue } from '../schemas/import';

/** One issue as a line a data officer can act on: where, which column, what value, why. */
export function describeIssue(issue: ImportIssue): string {
  const where = issue.line === null ? 'File' : `Line ${issue.line}`;
  const column = issue.column === null ? '' : `, column "${issue.column}"`;
  const value = issue.value === null ? '' : issue.value === '' ? ' (empty)' : ` ("${issue.value}")`;
  return `${where}${column}${value}: ${issue.reason}`;
}

export function describeIssues(issues: readonly ImportIssue[], total: number): string[] {
  const lines = issues.map(describeIssue);
  if (total > issues.length) lines.push(`… and ${total - issues.length} more problems not listed`);
  return lines;
}
