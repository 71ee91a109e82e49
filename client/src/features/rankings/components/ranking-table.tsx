import { memo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RankingRow } from '../../../../../shared/schemas/ranking';
import { RankChange } from '../../../components/ui/rank-change';
import { formatCount, formatFixed, formatPercent } from '../../../lib/format';
import type { SortDir, SortKey } from '../lib/view-rows';
import { FlagList } from './flag-list';

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'rank', label: 'rankings.rank', numeric: true },
  { key: 'unitName', label: 'rankings.unit', numeric: false },
  { key: 'index', label: 'measures.index', numeric: true },
  { key: 'onlineRate', label: 'measures.onlineRate', numeric: true },
  { key: 'endToEndRate', label: 'measures.endToEndRate', numeric: true },
  { key: 'onTimeRate', label: 'measures.onTimeRate', numeric: true },
  { key: 'avgProcessingDays', label: 'measures.avgProcessingDays', numeric: true },
  { key: 'received', label: 'measures.received', numeric: true },
];

interface Props {
  rows: readonly RankingRow[];
  period: string;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  caption: string;
}

const Row = memo(function Row({ row, period, lng }: { row: RankingRow; period: string; lng: string }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td className="num">{row.rank ?? '—'}</td>
      <td>
        <Link to={`/units/${row.unitCode}?period=${encodeURIComponent(period)}`}>{row.unitName}</Link>
      </td>
      <td className="num">{formatFixed(row.index, lng)}</td>
      <td className="num">{formatPercent(row.onlineRate, lng)}</td>
      <td className="num">{formatPercent(row.endToEndRate, lng)}</td>
      <td className="num">{formatPercent(row.onTimeRate, lng)}</td>
      <td className="num">{formatFixed(row.avgProcessingDays, lng)}</td>
      <td className="num">{formatCount(row.received, lng)}</td>
      <td>{row.rating ? t(`ratings.${row.rating}`) : <span className="muted">{t('states.insufficient')}</span>}</td>
      <td className="num"><RankChange change={row.rankChange} /></td>
      <td><FlagList flags={row.flags} /></td>
    </tr>
  );
});

/** The ranking as a table whose column headers sort it; rows skip layout work while off screen. */
export function RankingTable({ rows, period, sort, dir, onSort, caption }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sort" onClick={() => onSort(c.key)} title={t('rankings.sortBy', { column: t(c.label) })}>
                  {t(c.label)} {sort === c.key ? (dir === 'asc' ? '↑' : '↓') : ''}
                </button>
              </th>
            ))}
            <th scope="col">{t('rankings.rating')}</th>
            <th scope="col" className="num">{t('rankings.change')}</th>
            <th scope="col">{t('rankings.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.unitCode} row={row} period={period} lng={i18n.language} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
