import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RankingRow } from '../../../../../shared/schemas/ranking';
import { RankChange } from '../../../components/ui/rank-change';
import { IndexValue } from '../../../components/ui/index-value';
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
      <td className="num"><IndexValue index={row.index} coverage={row.indexCoverage} components={row.components} /></td>
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

const ROW_HEIGHT = 41;
/** Up to this many rows render in full; beyond it (a province of 3,321 units) only the rows near the screen do. */
const VIRTUAL_FROM = 200;

/** Rows of a long table rendered window by window, with spacer rows keeping the scroll height. */
function VirtualRows({ rows, period, lng, columns }: { rows: readonly RankingRow[]; period: string; lng: string; columns: number }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setMargin(body.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: margin });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? (items[0]?.start ?? 0) - virtualizer.options.scrollMargin : 0;
  const after = items.length ? virtualizer.getTotalSize() - ((items[items.length - 1]?.end ?? 0) - virtualizer.options.scrollMargin) : 0;
  return (
    <tbody ref={body}>
      {before > 0 && <tr aria-hidden="true" style={{ height: before }}><td colSpan={columns} /></tr>}
      {items.map((item) => {
        const row = rows[item.index] as RankingRow;
        return <Row key={row.unitCode} row={row} period={period} lng={lng} />;
      })}
      {after > 0 && <tr aria-hidden="true" style={{ height: after }}><td colSpan={columns} /></tr>}
    </tbody>
  );
}

/** The ranking as a table whose column headers sort it; a long one renders only what is near the screen. */
export function RankingTable({ rows, period, sort, dir, onSort, caption }: Props) {
  const { t, i18n } = useTranslation();
  const columns = COLUMNS.length + 3;
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
        {rows.length > VIRTUAL_FROM ? (
          <VirtualRows rows={rows} period={period} lng={i18n.language} columns={columns} />
        ) : (
          <tbody>
            {rows.map((row) => (
              <Row key={row.unitCode} row={row} period={period} lng={i18n.language} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
