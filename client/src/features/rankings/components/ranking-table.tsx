import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RankingRow } from '../../../../../shared/schemas/ranking';
import { RankChange } from '../../../components/ui/rank-change';
import { IndexValue } from '../../../components/ui/index-value';
import { formatCount, formatFixed, formatPercent } from '../../../lib/format';
import type { SortDir, SortKey } from '../../../../../shared/kpi/ranking-view';
import type { Measure } from '../../../../../shared/domain/measure';
import { FlagList } from './flag-list';

/** Sortable columns in reading order: what a leader needs first (rank, unit, index, change, the target measures) fits a 1024 px tablet. */
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'rank', label: 'rankings.rank', numeric: true },
  { key: 'unitName', label: 'rankings.unit', numeric: false },
  { key: 'index', label: 'measures.index', numeric: true },
];
const MEASURE_COLUMNS: { key: SortKey & Measure; label: string; numeric: boolean }[] = [
  { key: 'onlineRate', label: 'measures.onlineRate', numeric: true },
  { key: 'endToEndRate', label: 'measures.endToEndRate', numeric: true },
  { key: 'onTimeRate', label: 'measures.onTimeRate', numeric: true },
];
const TAIL_COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
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

/** A measure's value coloured by its state against the target, with the state in words for screen readers. */
function MeasureCell({ row, measure, lng }: { row: RankingRow; measure: Measure; lng: string }) {
  const { t } = useTranslation();
  const flag = row.flags.find((f) => f.measure === measure);
  const value = row[measure as 'onlineRate' | 'endToEndRate' | 'onTimeRate'];
  return (
    <td className={`num${flag ? ` cell-${flag.state}` : ''}`}>
      {formatPercent(value, lng)}
      {flag && flag.state !== 'met' && flag.state !== 'no-data' && <span className="sr-only"> ({t(`states.${flag.state}`)})</span>}
    </td>
  );
}

const Row = memo(function Row({ row, period, lng }: { row: RankingRow; period: string; lng: string }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td className="num sticky-rank">{row.rank ?? '—'}</td>
      <th scope="row" className="sticky-unit">
        <Link to={`/units/${row.unitCode}?period=${encodeURIComponent(period)}`}>{row.unitName}</Link>
      </th>
      <td className="num"><IndexValue index={row.index} coverage={row.indexCoverage} components={row.components} /></td>
      <td className="num"><RankChange change={row.rankChange} /></td>
      {MEASURE_COLUMNS.map((c) => <MeasureCell key={c.key} row={row} measure={c.key} lng={lng} />)}
      <td>{row.rating ? t(`ratings.${row.rating}`) : <span className="muted small">{row.status === 'insufficient-data' ? t('states.insufficient') : '—'}</span>}</td>
      <td><FlagList flags={row.flags} /></td>
      <td className="num optional">{formatFixed(row.avgProcessingDays, lng)}</td>
      <td className="num optional">{formatCount(row.received, lng)}</td>
    </tr>
  );
});

const ROW_HEIGHT = 41;
/** Up to this many rows render in full; beyond it (a province of 3,321 units) only the rows near the screen do. */
const VIRTUAL_FROM = 200;

/** Rows of a long table rendered window by window inside the table's own scroll box, with spacer rows keeping its height. */
function VirtualRows({ rows, period, lng, columns, scroller }: { rows: readonly RankingRow[]; period: string; lng: string; columns: number; scroller: RefObject<HTMLDivElement | null> }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setMargin(body.current.offsetTop);
  }, []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: margin });
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

function SortHeader({ column, sort, dir, onSort, className }: { column: { key: SortKey; label: string; numeric: boolean }; sort: SortKey; dir: SortDir; onSort: (key: SortKey) => void; className?: string }) {
  const { t } = useTranslation();
  const classes = [column.numeric ? 'num' : '', className ?? ''].join(' ').trim() || undefined;
  return (
    <th scope="col" className={classes} aria-sort={sort === column.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(column.key)} title={t('rankings.sortBy', { column: t(column.label) })}>
        {t(column.label)} {sort === column.key ? (dir === 'asc' ? '↑' : '↓') : ''}
      </button>
    </th>
  );
}

/**
 * The ranking as a table whose column headers sort it. It scrolls in its own box, so the header row stays in view
 * down a long table and the rank and unit columns stay in view across a narrow one; a long table renders only the
 * rows near the screen.
 */
export function RankingTable({ rows, period, sort, dir, onSort, caption }: Props) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const columns = COLUMNS.length + MEASURE_COLUMNS.length + TAIL_COLUMNS.length + 3;
  return (
    <div className="table-wrap table-scroll" ref={scroller}>
      <table className="data ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader column={COLUMNS[0] as (typeof COLUMNS)[number]} sort={sort} dir={dir} onSort={onSort} className="sticky-rank" />
            <SortHeader column={COLUMNS[1] as (typeof COLUMNS)[number]} sort={sort} dir={dir} onSort={onSort} className="sticky-unit" />
            <SortHeader column={COLUMNS[2] as (typeof COLUMNS)[number]} sort={sort} dir={dir} onSort={onSort} />
            <th scope="col" className="num">{t('rankings.change')}</th>
            {MEASURE_COLUMNS.map((c) => <SortHeader key={c.key} column={c} sort={sort} dir={dir} onSort={onSort} />)}
            <th scope="col">{t('rankings.rating')}</th>
            <th scope="col">{t('rankings.flags')}</th>
            {TAIL_COLUMNS.map((c) => <SortHeader key={c.key} column={c} sort={sort} dir={dir} onSort={onSort} className="optional" />)}
          </tr>
        </thead>
        {rows.length > VIRTUAL_FROM ? (
          <VirtualRows rows={rows} period={period} lng={i18n.language} columns={columns} scroller={scroller} />
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
