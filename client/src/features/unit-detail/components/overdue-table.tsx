import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatDateTime, formatFixed } from '../../../lib/format';

type Detail = RouterOutputs['units']['detail'];

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
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('unit.dossier')}</th>
                  <th scope="col">{t('unit.procedure')}</th>
                  <th scope="col">{t('unit.receivedAt')}</th>
                  <th scope="col">{t('unit.dueAt')}</th>
                  <th scope="col" className="num">{t('unit.daysOverdue')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.overdue.map((d) => (
                  <tr key={d.dossierId}>
                    <td>{d.dossierId}</td>
                    <td>{d.procedureName ?? d.procedureCode}</td>
                    <td>{formatDateTime(d.receivedAt, lng)}</td>
                    <td>{formatDateTime(d.dueAt, lng)}</td>
                    <td className="num">{formatFixed(d.daysOverdue, lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
