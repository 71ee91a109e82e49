import { useIndex } from '../../lib/use-index';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPS, kindsOfGroup } from '../../../../shared/domain/unit';
import { PeriodLine } from '../../components/ui/period-line';
import { IndexLine } from '../../components/ui/index-line';
import { Empty, QueryState } from '../../components/ui/status';
import { usePeriod } from '../../lib/use-period';
import { useViewParams } from '../../lib/use-view-params';
import { useRanking } from './api/use-ranking';
import { RankingTable } from './components/ranking-table';
import { defaultDir, filterRows, rankingViewOf, sortRows, splitRanked, type SortKey } from '../../../../shared/kpi/ranking-view';
import { periodInfoOf } from '../../lib/period-info';
import { exportUrl } from '../../lib/export-url';

export function RankingsPage() {
  const { t, i18n } = useTranslation();
  const { period } = usePeriod();
  const [params, update] = useViewParams();
  const query = params.get('q');
  const { group, kind, state, sort, dir } = rankingViewOf(params);
  const search = useDeferredValue(query ?? '');
  const { index } = useIndex();
  const ranking = useRanking(period, group, index);

  const view = useMemo(() => {
    if (!ranking.data) return null;
    const shown = sortRows(filterRows(ranking.data.rows, { query: search, kind, state }), sort, dir);
    return { ...splitRanked(shown), total: ranking.data.rows.length, shown: shown.length };
  }, [ranking.data, search, kind, state, sort, dir]);

  const onSort = (key: SortKey) => {
    const nextDir = key === sort ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir(key);
    update({ sort: key === 'rank' ? null : key, dir: nextDir === defaultDir(key) ? null : nextDir });
  };

  return (
    <>
      <h1>{t('rankings.title')}</h1>
      <div className="tabs" role="group" aria-label={t('rankings.title')}>
        {GROUPS.map((g) => (
          <button key={g} type="button" aria-pressed={g === group} onClick={() => update({ group: g === 'commune' ? null : g, kind: null })}>
            {t(`groups.${g}`)}
          </button>
        ))}
      </div>
      <div className="filters">
        <label>
          {t('rankings.search')}{' '}
          <input type="search" value={query ?? ''} onChange={(e) => update({ q: e.target.value })} placeholder="Hoàn Kiếm" autoComplete="off" />
        </label>
        {kindsOfGroup(group).length > 1 && (
          <label>
            <span className="sr-only">{t('rankings.allKinds')}</span>
            <select value={kind ?? ''} onChange={(e) => update({ kind: e.target.value || null })}>
              <option value="">{t('rankings.allKinds')}</option>
              {kindsOfGroup(group).map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
            </select>
          </label>
        )}
        <label>
          <span className="sr-only">{t('rankings.allStates')}</span>
          <select value={state ?? ''} onChange={(e) => update({ state: e.target.value || null })}>
            <option value="">{t('rankings.allStates')}</option>
            <option value="below">{t('rankings.flagged')}</option>
            <option value="at-risk">{t('rankings.atRisk')}</option>
            <option value="met">{t('rankings.met')}</option>
          </select>
        </label>
        {view && <span className="muted" aria-live="polite">{t('rankings.count', { shown: view.shown, total: view.total })}</span>}
        <a className="export-link" href={exportUrl('rankings', period, index, i18n.language, params)} download>{t('exports.xlsx')}</a>
      </div>
      <QueryState query={ranking}>
        {(data) =>
          view && (
            <>
              <PeriodLine period={periodInfoOf(data)} />
              <IndexLine id={data.index.id} version={data.index.version} />
              {view.shown === 0 ? <Empty text={t('rankings.none')} /> : null}
              {view.ranked.length > 0 && <RankingTable rows={view.ranked} period={data.period} sort={sort} dir={dir} onSort={onSort} caption={t(`groups.${group}`)} />}
              {view.unranked.length > 0 && (
                <RankingTable rows={view.unranked} period={data.period} sort={sort} dir={dir} onSort={onSort} caption={t('rankings.unranked', { min: 30 })} />
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}
