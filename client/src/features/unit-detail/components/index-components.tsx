import { useTranslation } from 'react-i18next';
import type { ComponentScore } from '../../../../../shared/schemas/index-definition';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { formatCount, formatFixed, formatPercent } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';

type Detail = RouterOutputs['units']['detail'];

/** Where the unit's index comes from: each component's points out of its maximum, and what it was scored on. */
export function IndexComponents({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const columns: Column<ComponentScore>[] = [
    { key: 'code', header: t('index.component'), cell: (c) => <>{t(`components.${c.code}`, { defaultValue: c.code })} <span className="muted">· {t(`componentGroups.${c.group}`, { defaultValue: c.group })}</span></> },
    { key: 'ratio', header: t('index.ratio'), numeric: true, cell: (c) => formatPercent(c.ratio, lng) },
    { key: 'fraction', header: '', numeric: true, cell: (c) => (c.numerator !== null && c.denominator !== null ? `${formatCount(c.numerator, lng)} / ${formatCount(c.denominator, lng)}` : '') },
    { key: 'points', header: t('index.points'), numeric: true, cell: (c) => formatFixed(c.points, lng) },
    { key: 'max', header: t('index.maxPoints'), numeric: true, cell: (c) => formatFixed(c.maxPoints, lng) },
    { key: 'source', header: t('index.source'), cell: (c) => <span className={c.source === 'missing' ? 'muted' : undefined}>{t(`index.sources.${c.source}`)}</span> },
  ];
  const caption = (
    <>
      {t('index.components')} · {formatFixed(detail.index, lng)}
      {detail.indexCoverage < detail.definition.maxPoints ? ` · ${t('index.coverage', { value: formatFixed(detail.index, lng), covered: formatFixed(detail.indexCoverage, lng) })}` : ''}
    </>
  );
  return (
    <section aria-labelledby="components-title">
      <h2 id="components-title">{t('index.components')}</h2>
      <DataTable columns={columns} rows={detail.components} rowKey={(c) => c.code} caption={caption} />
    </section>
  );
}
