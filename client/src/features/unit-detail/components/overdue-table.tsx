import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { DataTable } from '../../../components/ui/data-table';
import { formatDateTime, formatFixed } from '../../../lib/format';

type Detail = RouterOutputs['units']['detail'];
type Overdue = Detail['overdue'][number];

export function OverdueTable({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="overdue-title">
      <h2 id="overdue-title">{t('unit.overdue')}</h2>
      {detail.overdue.length === 0 ? (
        <p className="muted">{t('unit.noOverdue')}</p>
      ) : (
        <>
          <p className="muted">{t('unit.overdueMore', { shown: detail.overdue.length, total: detail.overdueTotal })}</p>
          <DataTable<Overdue>
            rows={detail.overdue}
            rowKey={(d) => d.dossierId}
            columns={[
              { key: 'id', header: t('unit.dossier'), cell: (d) => d.dossierId },
              { key: 'procedure', header: t('unit.procedure'), cell: (d) => d.procedureName ?? d.procedureCode },
              { key: 'received', header: t('unit.receivedAt'), cell: (d) => formatDateTime(d.receivedAt, lng) },
              { key: 'due', header: t('unit.dueAt'), cell: (d) => formatDateTime(d.dueAt, lng) },
              { key: 'days', header: t('unit.daysOverdue'), numeric: true, cell: (d) => formatFixed(d.daysOverdue, lng) },
            ]}
          />
        </>
      )}
    </section>
  );
}
