import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../../shared/schemas/import';
import { useMessages } from '../../../lib/messages';

/** The problems of a refused file, each in the reader's language: where (line, column, value), then why. */
export function IssueList({ issues, total }: { issues: readonly ImportIssue[]; total: number }) {
  const { t } = useTranslation();
  const { render } = useMessages();
  const where = (issue: ImportIssue) =>
    (issue.line === null ? t('imports.where.file') : t('imports.where.line', { line: issue.line })) +
    (issue.column === null ? '' : t('imports.where.column', { column: issue.column })) +
    (issue.value === null ? '' : issue.value === '' ? t('imports.where.empty') : t('imports.where.value', { value: issue.value }));
  return (
    <ul className="issues">
      {issues.map((issue, i) => (
        <li key={i}>
          {where(issue)}: {render(issue.message)}
        </li>
      ))}
      {total > issues.length && <li>{t('imports.where.more', { count: total - issues.length })}</li>}
    </ul>
  );
}
