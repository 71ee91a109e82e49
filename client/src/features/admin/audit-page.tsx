import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/status';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

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
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('admin.when')}</th>
                  <th scope="col">{t('admin.who')}</th>
                  <th scope="col">{t('admin.action')}</th>
                  <th scope="col">{t('admin.target')}</th>
                  <th scope="col">{t('admin.change')}</th>
                  <th scope="col">{t('admin.address')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at, i18n.language)}</td>
                    <td>{e.actor ?? '—'}</td>
                    <td>{e.action}</td>
                    <td>{e.target ?? '—'}</td>
                    <td className="small">
                      {e.before && <div><span className="muted">−</span> <code>{e.before}</code></div>}
                      {e.after && <div><span className="muted">+</span> <code>{e.after}</code></div>}
                    </td>
                    <td>{e.address ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}
