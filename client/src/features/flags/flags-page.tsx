import { useIndex } from '../../lib/use-index';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PeriodLine } from '../../components/ui/period-line';
import { IndexLine } from '../../components/ui/index-line';
import { StateBadge } from '../../components/ui/state-badge';
import { ForecastText } from '../../components/ui/forecast-text';
import { Empty, QueryState } from '../../components/ui/status';
import { formatChange, formatFixed, formatMeasure } from '../../lib/format';
import { usePeriod } from '../../lib/use-period';
import { useFlags } from './api/use-flags';
import { EscalationBadge } from '../../components/ui/escalation-badge';
import { CommitmentBadge } from '../../components/ui/commitment-badge';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../../../shared/domain/accountability';
import { levelName } from '../../../../shared/kpi/escalation';
import { formatDate } from '../../lib/format';
import { useViewParam } from '../../lib/use-view-params';

const isLevel = (v: string | null): v is EscalationLevel => (ESCALATION_LEVELS as readonly (string | null)[]).includes(v);

/** Units below target, worst first, each with the head who answers for it. */
export function FlagsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { period } = usePeriod();
  const { index } = useIndex();
  const flags = useFlags(period, index);
  const [levelParam, setLevel] = useViewParam('level');
  const level = isLevel(levelParam) ? levelParam : null;
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
                <select value={level ?? ''} onChange={(e) => setLevel(e.target.value || null)}>
                  <option value="">{t('accountability.allLevels')}</option>
                  {ESCALATION_LEVELS.map((l) => <option key={l} value={l}>{levelName(l, lng)}</option>)}
                </select>
              </label>
            </div>
            {data.rows.length === 0 ? (
              <Empty text={t('flags.none')} />
            ) : !data.rows.some((r) => !level || r.escalation === level) ? (
              <Empty text={t('rankings.none')} />
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="sr-only">{t('flags.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rankings.unit')}</th>
                      <th scope="col">{t('flags.head')}</th>
                      <th scope="col">{t('flags.failed')}</th>
                      <th scope="col" className="num">{t('flags.weeksBelow')}</th>
                      <th scope="col">{t('accountability.level')}</th>
                      <th scope="col">{t('accountability.commitment')}</th>
                      <th scope="col" className="num">{t('measures.index')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.filter((r) => !level || r.escalation === level).map((r) => (
                      <tr key={r.unitCode}>
                        <td>
                          <Link to={`/units/${r.unitCode}?period=${encodeURIComponent(data.period.id)}`}>{r.unitName}</Link>
                          <div className="muted">{t(`groups.${r.group}`)}</div>
                        </td>
                        <td>{r.headName ?? '—'}</td>
                        <td>
                          <ul className="flag-list">
                            {r.failed.map((f) => {
                              const show = (v: number | null) => formatMeasure(f.measure, v, lng);
                              return (
                                <li key={f.measure}>
                                  <StateBadge state="below" label={t(`measures.${f.measure}`)} /> {show(f.value)} / {show(f.target)}{' '}
                                  <span className="muted">({t('flags.gap')} {formatChange(f.gap, lng)} · {f.periodsBelow})</span>
                                  {r.forecasts.filter((x) => x.measure === f.measure).map((x) => <div key={x.measure} className="small"><ForecastText forecast={x} /></div>)}
                                </li>
                              );
                            })}
                          </ul>
                        </td>
                        <td className="num">{r.periodsBelow}</td>
                        <td><EscalationBadge level={r.escalation} /></td>
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
