import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { DataTable } from '../../../components/ui/data-table';
import { formatCount, formatPercent } from '../../../lib/format';

type Procedure = RouterOutputs['units']['detail']['procedures'][number];

/** Procedures with the most dossiers late, then not online, first: where the unit loses its points. */
export function ProcedureTable({ procedures }: { procedures: readonly Procedure[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="procedures-title">
      <h2 id="procedures-title">{t('unit.procedures')}</h2>
      <DataTable<Procedure>
        rows={procedures}
        rowKey={(p) => p.procedureCode}
        columns={[
          { key: 'procedure', header: t('unit.procedure'), cell: (p) => <>{p.procedureName ?? p.procedureCode} <span className="muted">({p.procedureCode})</span></> },
          { key: 'received', header: t('measures.received'), numeric: true, cell: (p) => formatCount(p.received, lng) },
          { key: 'onTime', header: t('measures.onTimeRate'), numeric: true, cell: (p) => <>{formatPercent(p.onTimeRate, lng)} <span className="muted">({formatCount(p.received - p.onTime, lng)})</span></> },
          { key: 'online', header: t('measures.onlineRate'), numeric: true, cell: (p) => formatPercent(p.onlineRate, lng) },
          { key: 'e2e', header: t('measures.endToEndRate'), numeric: true, cell: (p) => formatPercent(p.endToEndRate, lng) },
          { key: 'overdue', header: t('measures.overdueOpen'), numeric: true, cell: (p) => formatCount(p.overdueOpen, lng) },
        ]}
      />
    </section>
  );
}
