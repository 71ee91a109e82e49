import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { QueryState } from '../../components/ui/status';
import { formatDateTime } from '../../lib/format';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

type Entry = RouterOutputs['audit']['list'][number];

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const audit = useQuery(trpc.audit.list.queryOptions({ limit: 500 }));
  return (
    <>
      <h1>{t('admin.audit')}</h1>
      <p>
        <a href="/api/audit.csv" download>{t('admin.exportCsv')}</a>
      </p>
      <QueryState query={audit}>
        {(rows) => (
          <DataTable<Entry>
            rows={rows}
            rowKey={(e) => e.id}
            columns={[
              { key: 'at', header: t('admin.when'), cell: (e) => formatDateTime(e.at, i18n.language) },
              { key: 'actor', header: t('admin.who'), cell: (e) => e.actor ?? '—' },
              {
                key: 'action',
                header: t('admin.action'),
                // In words where the code is known; the code as written always, as in the CSV export.
                cell: (e) => {
                  const name = t(`audit.actions.${e.action}`, { defaultValue: '' });
                  return name ? <>{name} <span className="muted small block">{e.action}</span></> : e.action;
                },
              },
              { key: 'target', header: t('admin.target'), cell: (e) => e.target ?? '—' },
              {
                key: 'change',
                header: t('admin.change'),
                cell: (e) => (
                  <span className="small">
                    {e.before && <span className="block"><span className="muted">−</span> <code>{e.before}</code></span>}
                    {e.after && <span className="block"><span className="muted">+</span> <code>{e.after}</code></span>}
                  </span>
                ),
              },
              { key: 'address', header: t('admin.address'), cell: (e) => e.address ?? '—' },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
