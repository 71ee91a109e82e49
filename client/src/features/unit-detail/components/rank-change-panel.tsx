import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { QueryState } from '../../../components/ui/status';
import { formatChange, formatFixed } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';
import { useRankChange } from '../api/use-rank-change';

type Move = RouterOutputs['units']['rankChange'];

/** Why the rank moved since the previous period: points gained or lost per component, and who passed whom. */
export function RankChangePanel({ unitCode, period, index }: { unitCode: string; period: string; index: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const move = useRankChange(unitCode, period, index);
  const columns: Column<Move['components'][number]>[] = [
    { key: 'code', header: t('index.component'), cell: (c) => t(`components.${c.code}`, { defaultValue: c.code }) },
    { key: 'before', header: t('whyRank.before'), numeric: true, cell: (c) => formatFixed(c.previousPoints, lng) },
    { key: 'now', header: t('whyRank.now'), numeric: true, cell: (c) => formatFixed(c.points, lng) },
    { key: 'change', header: t('whyRank.change'), numeric: true, cell: (c) => <span className={c.change !== null && c.change < 0 ? 'down' : c.change ? 'up' : undefined}>{formatChange(c.change, lng)}</span> },
  ];
  const names = (list: Move['overtook']) => list.map((p) => `${p.unitName} (${p.previousRank} → ${p.rank})`).join(', ');
  return (
    <section aria-labelledby="why-rank-title">
      <h2 id="why-rank-title">{t('whyRank.title')}</h2>
      <QueryState query={move}>
        {(m) => (
          <>
            <p>
              {t('whyRank.summary', { period: m.previousPeriod, before: formatFixed(m.previousIndex, lng), now: formatFixed(m.index, lng), change: formatChange(m.indexChange, lng) })}
              {m.previousRank !== null && m.rank !== null ? ` ${t('whyRank.rank', { before: m.previousRank, now: m.rank })}` : ''}
            </p>
            <DataTable columns={columns} rows={m.components} rowKey={(c) => c.code} caption={t('whyRank.byComponent')} captionHidden />
            {m.overtakenBy.length > 0 && <p>{t('whyRank.overtakenBy', { names: names(m.overtakenBy) })}</p>}
            {m.overtook.length > 0 && <p>{t('whyRank.overtook', { names: names(m.overtook) })}</p>}
          </>
        )}
      </QueryState>
    </section>
  );
}
