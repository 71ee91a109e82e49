import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatChange, formatCount, formatFixed } from '../../../lib/format';
import { roundHalfUp } from '../../../../../shared/kpi/rounding';
import { StateBadge } from '../../../components/ui/state-badge';
import { MeasureCard } from './measure-card';
import { Unbroken } from '../../../components/ui/unbroken';
import { useSubjects } from '../../../lib/use-subjects';

type Overview = RouterOutputs['kpi']['overview'];
const MEASURES = ['onlineRate', 'endToEndRate', 'onTimeRate', 'avgProcessingDays'] as const;

export function GroupSummary({ group, overview }: { group: Overview['groups'][number]; overview: Overview }) {
  const { t, i18n } = useTranslation();
  const subjects = useSubjects();
  const period = overview.period.id;
  const total = group.unitCount;
  return (
    <section className="group-summary" aria-labelledby={`group-${group.group}`}>
      <h2 id={`group-${group.group}`}>
        {t(`groups.${group.group}`)} <span className="muted">· {t('overview.received', { n: formatCount(group.measures.received, i18n.language) })}</span>
      </h2>
      <p className="headline">
        {t('overview.meanIndex')} <strong className="figure-inline">{formatFixed(group.index.average, i18n.language)}</strong>
        {group.index.average !== null && group.index.previousAverage !== null && (
          <span className={group.index.average >= group.index.previousAverage ? 'change-up' : 'change-down'}>
            {' '}({formatChange(roundHalfUp(group.index.average - group.index.previousAverage, 2), i18n.language)} {t('overview.indexPoints')} <Unbroken text={t('overview.since', { period: overview.previousPeriod })} parts={[overview.previousPeriod]} />)
          </span>
        )}
      </p>
      <div className="cards">
        {MEASURES.map((m) => {
          const target = group.targets.find((x) => x.measure === m) ?? null;
          return (
            <MeasureCard
              key={m} measure={m} value={group.measures[m]} previous={group.previous?.[m] ?? null} previousPeriod={overview.previousPeriod}
              partial={overview.comparison === 'same-elapsed'} target={target}
              series={group.series.map((s) => s.measures[m])} seriesLabel={t('overview.series', { measure: t(`measures.${m}`), from: group.series[0]?.period ?? '', to: group.series.at(-1)?.period ?? '' })}
            />
          );
        })}
      </div>
      <div className="two-col">
        <div>
          <h3>{t('overview.distribution')}</h3>
          <p>
            <Link to={`/flags?period=${period}`}>{t('overview.unitsBelow', { count: group.states.below, total })}</Link>
          </p>
          <ul className="plain">
            <li><StateBadge state="below" /> {group.states.below}</li>
            <li><StateBadge state="at-risk" /> {group.states.atRisk}</li>
            <li><StateBadge state="met" /> {group.states.met}</li>
            <li><StateBadge state="no-data" /> {group.states.noData}</li>
          </ul>
        </div>
        <div>
          <h3>{t('overview.best')}</h3>
          <ol className="ranked">
            {group.best.map((u) => <li key={u.unitCode}>{u.rank}. <Link to={`/units/${u.unitCode}?period=${period}`}>{u.unitName}</Link> <span className="muted">{formatFixed(u.index, i18n.language)}</span></li>)}
          </ol>
          <h3>{t('overview.worst')}</h3>
          <ol className="ranked">
            {group.worst.map((u) => <li key={u.unitCode}>{u.rank}. <Link to={`/units/${u.unitCode}?period=${period}`}>{u.unitName}</Link> <span className="muted">{formatFixed(u.index, i18n.language)}</span></li>)}
          </ol>
        </div>
        <div>
          <h3>{t('overview.longest')}</h3>
          <ol className="plain">
            {group.longestBelow.map((u) => (
              <li key={u.unitCode}>
                <Link to={`/units/${u.unitCode}?period=${period}`}>{u.unitName}</Link> — {t('overview.periodsBelow', { count: u.periodsBelow })}
                <span className="muted"> ({u.measures.map((m) => subjects.label(m)).join(', ')})</span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
