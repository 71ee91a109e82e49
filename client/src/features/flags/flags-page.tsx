import { useIndex } from '../../lib/use-index';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PeriodLine } from '../../components/ui/period-line';
import { IndexLine } from '../../components/ui/index-line';
import { StateBadge } from '../../components/ui/state-badge';
import { ForecastText } from '../../components/ui/forecast-text';
import { Empty, QueryState } from '../../components/ui/status';
import { formatChange, formatFixed } from '../../lib/format';
import { useSubjects } from '../../lib/use-subjects';
import { usePeriod } from '../../lib/use-period';
import { useFlags } from './api/use-flags';
import { EscalationBadge } from '../../components/ui/escalation-badge';
import { CommitmentBadge } from '../../components/ui/commitment-badge';
import { formatDate } from '../../lib/format';
import { useViewParams } from '../../lib/use-view-params';
import { exportUrl } from '../../lib/export-url';
import { failedMeasures, filterFlags, flagFilterOf } from '../../../../shared/kpi/flag-view';
import { GROUPS } from '../../../../shared/domain/unit';

/** Units below target, worst first, each with the head who answers for it. */
export function FlagsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const subjects = useSubjects();
  const { period } = usePeriod();
  const { index } = useIndex();
  const flags = useFlags(period, index);
  const [params, update] = useViewParams();
  const filter = flagFilterOf(params);
  return (
    <>
      <h1>{t('flags.title')}</h1>
      <QueryState query={flags}>
        {(data) => (
          <>
            <PeriodLine period={data.period} />
            <IndexLine id={data.definition.id} version={data.definition.version} />
            <div className="filters">
              <label>
                {t('accountability.level')}{' '}
                <select value={filter.level ?? ''} onChange={(e) => update({ level: e.target.value || null })}>
                  <option value="">{t('accountability.allLevels')}</option>
                  {data.ladder.steps.map((s) => <option key={s.level} value={s.level}>{lng === 'en' ? s.nameEn : s.name}</option>)}
                </select>
              </label>
              <label>
                {t('flags.group')}{' '}
                <select value={filter.group ?? ''} onChange={(e) => update({ group: e.target.value || null })}>
                  <option value="">{t('flags.allGroups')}</option>
                  {GROUPS.map((g) => <option key={g} value={g}>{t(`groups.${g}`)}</option>)}
                </select>
              </label>
              <label>
                {t('flags.measure')}{' '}
                <select value={filter.measure ?? ''} onChange={(e) => update({ measure: e.target.value || null })}>
                  <option value="">{t('flags.allMeasures')}</option>
                  {[...new Set([...failedMeasures(data.rows), ...(filter.measure ? [filter.measure] : [])])].map((m) => <option key={m} value={m}>{subjects.label(m)}</option>)}
                </select>
              </label>
              <span className="muted" aria-live="polite">{t('rankings.count', { shown: filterFlags(data.rows, filter).length, total: data.rows.length })}</span>
              <a className="export-link" href={exportUrl('flags', period, index, lng, params)} download>{t('exports.xlsx')}</a>
            </div>
            {data.rows.length === 0 ? (
              <Empty text={t('flags.none')} />
            ) : filterFlags(data.rows, filter).length === 0 ? (
              <Empty text={t('rankings.none')} />
            ) : (
              <div className="table-wrap">
                <table className="data flags">
                  <caption className="sr-only">{t('flags.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rankings.unit')}</th>
                      <th scope="col" className="optional">{t('flags.head')}</th>
                      <th scope="col">{t('flags.failed')}</th>
                      <th scope="col" className="num">{t('flags.weeksBelow')}</th>
                      <th scope="col">{t('accountability.level')}</th>
                      <th scope="col">{t('accountability.commitment')}</th>
                      <th scope="col" className="num">{t('measures.index')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {filterFlags(data.rows, filter).map((r) => (
                      <tr key={r.unitCode}>
                        <td>
                          <Link to={`/units/${r.unitCode}?period=${encodeURIComponent(data.period.id)}`}>{r.unitName}</Link>
                          <div className="muted">{t(`groups.${r.group}`)}</div>
                          {/* On a tablet the head's column gives way to the measures; the head is named here instead. */}
                          {r.headName && <div className="small narrow-only">{r.headName}</div>}
                        </td>
                        <td className="optional">{r.headName ?? '—'}</td>
                        <td>
                          <ul className="flag-list">
                            {r.failed.map((f) => {
                              const show = (v: number | null) => subjects.format(f.measure, v);
                              return (
                                <li key={f.measure}>
                                  <StateBadge state="below" label={subjects.label(f.measure)} /> {show(f.value)} / {show(f.target)}{' '}
                                  <span className="muted">({t('flags.gap')} {formatChange(f.gap, lng)} · {t('flags.periodsBelow', { count: f.periodsBelow })})</span>
                                  {r.forecasts.filter((x) => x.measure === f.measure).map((x) => <div key={x.measure} className="small"><ForecastText forecast={x} /></div>)}
                                </li>
                              );
                            })}
                          </ul>
                        </td>
                        <td className="num">{r.periodsBelow}</td>
                        <td><EscalationBadge level={r.escalation} period={data.period.id} /></td>
                        <td>
                          <CommitmentBadge state={r.commitment?.state ?? null} />
                          {r.commitment && (
                            <div className="small">
                              {t(`measures.${r.commitment.measure}`, { defaultValue: r.commitment.measure })} · {t('accountability.due', { date: formatDate(r.commitment.dueDate, lng) })}
                              <div className="muted">{r.commitment.action}</div>
                            </div>
                          )}
                        </td>
                        <td className="num">{formatFixed(r.index, lng)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
