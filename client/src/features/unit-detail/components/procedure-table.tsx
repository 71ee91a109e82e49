import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatCount, formatPercent } from '../../../lib/format';

type Procedure = RouterOutputs['units']['detail']['procedures'][number];

/** Procedures with the most dossiers late, then not online, first: where the unit loses its points. */
export function ProcedureTable({ procedures }: { procedures: readonly Procedure[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="procedures-title">
      <h2 id="procedures-title">{t('unit.procedures')}</h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('unit.procedure')}</th>
              <th scope="col" className="num">{t('measures.received')}</th>
              <th scope="col" className="num">{t('measures.onTimeRate')}</th>
              <th scope="col" className="num">{t('measures.onlineRate')}</th>
              <th scope="col" className="num">{t('measures.endToEndRate')}</th>
              <th scope="col" className="num">{t('measures.overdueOpen')}</th>
            </tr>
          </thead>
          <tbody>
            {procedures.map((p) => (
              <tr key={p.procedureCode}>
                <td>
                  {p.procedureName ?? p.procedureCode} <span className="muted">({p.procedureCode})</span>
                </td>
                <td className="num">{formatCount(p.received, lng)}</td>
                <td className="num">{formatPercent(p.onTimeRate, lng)} <span className="muted">({formatCount(p.received - p.onTime, lng)})</span></td>
                <td className="num">{formatPercent(p.onlineRate, lng)}</td>
                <td className="num">{formatPercent(p.endToEndRate, lng)}</td>
                <td className="num">{formatCount(p.overdueOpen, lng)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
